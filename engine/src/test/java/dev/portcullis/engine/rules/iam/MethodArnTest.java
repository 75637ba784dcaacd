package dev.portcullis.engine.rules.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodArnTest {

  @Test
  void rendersTheSection5FormatWithTheResourcePathAfterTheVerb() {
    MethodArn arn = MethodArn.of("us-east-1", "123456789012", "abcdef123", "test", "GET", "/request");
    // apigw-facts §5: routeArn example arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request
    assertThat(arn.render()).isEqualTo("arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request");
  }

  @Test
  void rendersTheRootResourceAsATrailingSlash() {
    assertThat(MethodArn.of("eu-west-1", "111122223333", "api", "prod", "GET", "/").render())
        .isEqualTo("arn:aws:execute-api:eu-west-1:111122223333:api/prod/GET/");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request",
      "arn:aws:execute-api:eu-west-1:111122223333:a1b2/prod/POST/internal/refresh",
      "arn:aws:execute-api:eu-west-1:111122223333:a1b2/prod/GET/",
      "arn:aws-cn:execute-api:cn-north-1:111122223333:a1b2/$default/$default"})
  void parsesWhatItRenders(String text) {
    assertThat(MethodArn.parse(text).render()).isEqualTo(text);
  }

  @Test
  void parsesTheParts() {
    MethodArn arn = MethodArn.parse("arn:aws:execute-api:eu-west-1:111122223333:a1b2/prod/POST/internal/refresh");
    assertThat(arn).isEqualTo(MethodArn.of("eu-west-1", "111122223333", "a1b2", "prod", "POST", "/internal/refresh"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "arn:aws:lambda:us-east-1:123456789012:function:f",
      "arn:aws:execute-api:us-east-1:123456789012:api/prod",
      "not an arn"})
  void rejectsOtherArnsNamingTheArn(String text) {
    assertThatThrownBy(() -> MethodArn.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
  }
}
