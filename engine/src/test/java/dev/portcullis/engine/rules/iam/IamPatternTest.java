package dev.portcullis.engine.rules.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IamPatternTest {
  private static final String GET_PETS = "arn:aws:execute-api:us-east-1:111122223333:a1b2c3/prod/GET/pets";
  private static final String POST_REFRESH = "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/prod/POST/internal/refresh";

  /** apigw-facts §5 "ARN formats": wildcards are allowed in any segment of the policy resource. */
  @ParameterizedTest(name = "§5 ARN formats: {0} vs {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      arn:aws:execute-api:*:*:*/prod/GET/*                               | GET_PETS     | true
      arn:aws:execute-api:*:*:*/prod/GET/*                               | POST_REFRESH | false
      arn:aws:execute-api:*:*:*/*/POST/internal/refresh                  | POST_REFRESH | true
      arn:aws:execute-api:*:*:*/*/POST/internal/refresh                  | GET_PETS     | false
      arn:aws:execute-api:us-east-1:*:a1b2c3/prod/*                      | GET_PETS     | true
      arn:aws:execute-api:us-east-1:*:a1b2c3/test/*                      | GET_PETS     | false
      arn:aws:execute-api:us-east-?:111122223333:a1b2c3/prod/GET/pets    | GET_PETS     | true
      arn:aws:execute-api:us-east-?:111122223333:a1b2c3/prod/GET/pet?    | GET_PETS     | true
      arn:aws:execute-api:us-east-?:111122223333:a1b2c3/prod/GET/pe?     | GET_PETS     | false
      arn:aws:execute-api:*:*:*/prod/*/internal/*                        | POST_REFRESH | true
      arn:aws:execute-api:*:*:*/prod/get/pets                            | GET_PETS     | false
      arn:aws:execute-api:us-east-1:111122223333:*                       | GET_PETS     | true
      *                                                                  | POST_REFRESH | true
      arn:aws:execute-api:*:111122223333                                 | GET_PETS     | false
      """)
  void matchesMethodArnsWithIamWildcardsAndCase(String pattern, String arnName, boolean expected) {
    String arn = arnName.equals("GET_PETS") ? GET_PETS : POST_REFRESH;
    assertThat(IamPattern.matchesArn(pattern, arn)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "action {0} vs {1} -> {2}")
  @CsvSource({
      "execute-api:Invoke, execute-api:Invoke, true",
      "execute-api:invoke, execute-api:Invoke, true",
      "EXECUTE-API:*, execute-api:Invoke, true",
      "execute-api:Inv?ke, execute-api:Invoke, true",
      "execute-api:InvalidateCache, execute-api:Invoke, false",
      "*, execute-api:Invoke, true",
      "s3:*, execute-api:Invoke, false"})
  void comparesActionNamesWithoutCase(String pattern, String action, boolean expected) {
    assertThat(IamPattern.matchesAction(pattern, action)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "glob {0} vs {1} -> {2}")
  @CsvSource({
      "a*b*c, aXXbYYc, true",
      "a*b*c, aXXbYY, false",
      "*/refresh, internal/refresh, true",
      "??, ab, true",
      "??, abc, false",
      "'', '', true",
      "*, '', true",
      "a.c, abc, false"})
  void treatsOnlyStarAndQuestionMarkAsSpecial(String pattern, String value, boolean expected) {
    assertThat(IamPattern.glob(pattern, value)).isEqualTo(expected);
  }
}
