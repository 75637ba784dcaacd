package dev.portcullis.engine.trace.explain;

import static dev.portcullis.engine.model.Gateway.Flavor.HTTP;
import static dev.portcullis.engine.model.Gateway.Flavor.REST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.trace.Explanation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec §1.2 and §1.3: every error row, answered by a server the way AWS answers, explained. */
class ExplainerCatalogueTest {
  private static final String ARN = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/prod/GET/me";
  private static AwsLikeServer aws;
  private final Explainer explainer = Explainer.create();

  /** One AWS answer and what the explainer must make of it. */
  record Row(String spec, Gateway.Flavor flavor, AuthorizationType route, int status, String body,
      Map<String, String> headers, String entry, String responseType, String firstCause) {
    @Override
    public String toString() {
      return spec;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    aws = new AwsLikeServer();
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  static Stream<Row> rows() {
    return Stream.concat(restRows(), httpRows());
  }

  static Stream<Row> restRows() {
    return Stream.of(
        rest("§1.2 unknown route: Missing Authentication Token", null, 403, "{\"message\":\"Missing Authentication Token\"}",
            "MissingAuthenticationTokenException", "rest.missing-authentication-token", "MISSING_AUTHENTICATION_TOKEN", "does not match a deployed resource"),
        rest("§1.2 AWS_IAM method without signature: Missing Authentication Token", AuthorizationType.AWS_IAM, 403,
            "{\"message\":\"Missing Authentication Token\"}", "MissingAuthenticationTokenException",
            "rest.missing-authentication-token", "MISSING_AUTHENTICATION_TOKEN", "no SigV4 signature"),
        rest("§1.2 Lambda authorizer explicit Deny", AuthorizationType.CUSTOM, 403,
            "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}", "AccessDeniedException",
            "rest.lambda-explicit-deny", "ACCESS_DENIED", "returned a policy that denies"),
        rest("§1.2 Lambda authorizer implicit deny", AuthorizationType.CUSTOM, 403,
            "{\"Message\":\"User is not authorized to access this resource\"}", "AccessDeniedException",
            "rest.lambda-implicit-deny", "ACCESS_DENIED", "does not cover this method's ARN"),
        rest("§1.2 newer KC wording for the Lambda-authorizer deny", AuthorizationType.CUSTOM, 403,
            "{\"Message\":\"User is not authorized to access this resource with an explicit deny in an identity-based policy\"}",
            "AccessDeniedException", "rest.lambda-explicit-deny-identity-policy", "ACCESS_DENIED", "returned a policy that denies"),
        rest("§1.2 IAM or resource policy explicit deny", AuthorizationType.AWS_IAM, 403,
            "{\"Message\":\"User: arn:aws:iam::123456789012:user/bob is not authorized to perform: execute-api:Invoke on resource: " + ARN + " with an explicit deny\"}",
            "AccessDeniedException", "rest.iam-explicit-deny", "ACCESS_DENIED", "A Deny statement"),
        rest("§1.2 IAM with no allow (anonymous)", AuthorizationType.AWS_IAM, 403,
            "{\"Message\":\"User: anonymous is not authorized to perform: execute-api:Invoke on resource: " + ARN + "\"}",
            "AccessDeniedException", "rest.iam-no-allow", "ACCESS_DENIED", "was not signed"),
        rest("§1.2 IAM with no allow (signed principal)", AuthorizationType.AWS_IAM, 403,
            "{\"Message\":\"User: arn:aws:iam::123456789012:user/bob is not authorized to perform: execute-api:Invoke on resource: " + ARN + "\"}",
            "AccessDeniedException", "rest.iam-no-allow", "ACCESS_DENIED", "No identity policy"),
        rest("§1.2 IAM keys invalid", AuthorizationType.AWS_IAM, 403,
            "{\"message\":\"The security token included in the request is invalid.\"}", "AccessDeniedException",
            "rest.iam-invalid-keys", "ACCESS_DENIED", "access key id does not exist"),
        rest("§1.1 EXPIRED_TOKEN: an expired role session", AuthorizationType.AWS_IAM, 403,
            "{\"message\":\"The security token included in the request is expired\"}", "ExpiredTokenException",
            "rest.iam-expired-token", "EXPIRED_TOKEN", "past its expiry"),
        rest("§1.2 SigV4 timestamp too old", AuthorizationType.AWS_IAM, 403,
            "{\"message\":\"Signature expired: 20240102T100000Z is now earlier than 20240102T100600Z (20240102T101100Z - 5 min.)\"}",
            "InvalidSignatureException", "rest.sigv4-expired", "INVALID_SIGNATURE", "clock is behind"),
        rest("§1.2 SigV4 timestamp in the future", AuthorizationType.AWS_IAM, 403,
            "{\"message\":\"Signature not yet current: 20240102T102000Z is still later than 20240102T101100Z (20240102T100600Z + 5 min.)\"}",
            "InvalidSignatureException", "rest.sigv4-not-yet-current", "INVALID_SIGNATURE", "clock is ahead of"),
        rest("§1.2 SigV4 signature mismatch", AuthorizationType.AWS_IAM, 403,
            "{\"message\":\"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\\n\\nThe Canonical String for this request should have been\\n'GET\\n/prod/me\\n...'\\n\"}",
            "InvalidSignatureException", "rest.sigv4-mismatch", "INVALID_SIGNATURE", "canonical request differs"),
        rest("§1.2 Bearer token on an unknown route (newer format)", AuthorizationType.JWT, 403,
            "{\"message\":\"Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): 'q2Tz0='.\"}",
            "IncompleteSignatureException", "rest.authorization-not-sigv4", "INVALID_SIGNATURE", "Wrong path while sending a JWT"),
        rest("§1.2 Bearer token on an AWS_IAM method (old format)", AuthorizationType.AWS_IAM, 403,
            "{\"message\":\"'abc' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer abc'.\"}",
            "IncompleteSignatureException", "rest.authorization-not-sigv4", "INVALID_SIGNATURE", "sends a bearer token"),
        rest("§1.2 single token in Authorization on an unknown route", null, 403,
            "{\"message\":\"Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=abc\"}",
            "IncompleteSignatureException", "rest.authorization-single-token", "INVALID_SIGNATURE", "Wrong path while sending a JWT"),
        rest("§1.2 API key missing or invalid", AuthorizationType.NONE, 403, "{\"message\":\"Forbidden\"}", "ForbiddenException",
            "rest.api-key-forbidden", "INVALID_API_KEY", "No x-api-key header"),
        rest("§1.2 Cognito or Lambda authorizer: not authenticated (route unknown)", null, 401, "{\"message\":\"Unauthorized\"}",
            "UnauthorizedException", "rest.unauthorized", "UNAUTHORIZED", "No token, or an empty one"),
        rest("§1.2 Lambda authorizer: not authenticated", AuthorizationType.CUSTOM, 401, "{\"message\":\"Unauthorized\"}",
            "UnauthorizedException", "rest.unauthorized", "UNAUTHORIZED", "Lambda: the identity source is missing"),
        rest("§1.2 Cognito authorizer: expired token", AuthorizationType.COGNITO_USER_POOLS, 401,
            "{\"message\":\"The incoming token has expired\"}", null, "rest.cognito-expired", "UNAUTHORIZED", "The token expired"),
        rest("§1.2 Lambda authorizer error, malformed output or timeout", AuthorizationType.CUSTOM, 500, "{\"message\": null}",
            "AuthorizerConfigurationException", "rest.authorizer-configuration-error", "AUTHORIZER_CONFIGURATION_ERROR", "threw an error"),
        rest("§1.2 throttled", AuthorizationType.NONE, 429, "{\"message\":\"Too Many Requests\"}", "TooManyRequestsException",
            "rest.throttled", "THROTTLED", "rate or burst"),
        rest("§1.2 usage-plan quota exhausted", AuthorizationType.NONE, 429, "{\"message\":\"Limit Exceeded\"}", "LimitExceededException",
            "rest.quota-exceeded", "QUOTA_EXCEEDED", "quota is exhausted"),
        rest("§1.2 method ARN over 1600 bytes", AuthorizationType.CUSTOM, 414, "{\"message\":\"Request URI too long\"}", null,
            "rest.arn-too-long", "DEFAULT_4XX", "path is very long"));
  }

  static Stream<Row> httpRows() {
    return Stream.of(
        http("§1.3 JWT authorizer: invalid audience (documented description)", AuthorizationType.JWT, 401, "{\"message\":\"Unauthorized\"}",
            "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\"",
            "http.jwt-unauthorized", "UNAUTHORIZED", "Neither aud nor"),
        http("§1.3 JWT authorizer: expired (observed description)", AuthorizationType.JWT, 401, "{\"message\":\"Unauthorized\"}",
            "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\"",
            "http.jwt-unauthorized", "UNAUTHORIZED", "The token has expired"),
        http("§1.3 JWT authorizer: no description", AuthorizationType.JWT, 401, "{\"message\":\"Unauthorized\"}", "Bearer",
            "http.jwt-unauthorized", "UNAUTHORIZED", "No token in the identity source"),
        http("§1.3 JWT authorizer: scopes not satisfied", AuthorizationType.JWT, 403, "{\"message\":\"Forbidden\"}", null,
            "http.jwt-insufficient-scope", "ACCESS_DENIED", "contains none of the route's scopes"),
        http("§1.3 Lambda authorizer: missing identity source", AuthorizationType.CUSTOM, 401, "{\"message\":\"Unauthorized\"}", null,
            "http.lambda-missing-identity", "UNAUTHORIZED", "identity sources is missing"),
        http("§1.3 Lambda authorizer cannot be invoked or invalid format", AuthorizationType.CUSTOM, 500,
            "{\"message\":\"Internal Server Error\"}", null, "http.lambda-authorizer-error", "AUTHORIZER_CONFIGURATION_ERROR", "payload format"),
        http("§1.3 Lambda authorizer denies", AuthorizationType.CUSTOM, 403, "{\"message\":\"Forbidden\"}", null,
            "http.lambda-deny", "ACCESS_DENIED", "isAuthorized: false"),
        http("§1.3 throttling", AuthorizationType.NONE, 429, "{\"message\":\"Too Many Requests\"}", null,
            "http.throttled", "THROTTLED", "throttle (rate or burst)"),
        http("§1.3 IAM (SigV4) failure, signature mismatch (assumed as §1.2)", AuthorizationType.AWS_IAM, 403,
            "{\"message\":\"The request signature we calculated does not match the signature you provided.\"}", null,
            "http.iam-sigv4", "INVALID_SIGNATURE", "canonical request or the secret key"),
        http("§1.3 IAM (SigV4) failure, no allow (assumed as §1.2)", AuthorizationType.AWS_IAM, 403,
            "{\"message\":\"User: arn:aws:iam::123456789012:user/bob is not authorized to perform: execute-api:Invoke on resource: " + ARN + "\"}",
            null, "http.iam-sigv4", "ACCESS_DENIED", "No identity policy allows"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void namesTheGatewayResponseTypeAndTheFirstCause(Row row) throws Exception {
    ObservedResponse response = aws.answer(row.status(), row.body(), row.headers());

    Explanation explanation = explainer.explain(response, row.flavor(), facts(row.route()), null);

    assertThat(explanation.entry()).isEqualTo(row.entry());
    assertThat(explanation.responseType()).isEqualTo(row.responseType());
    assertThat(explanation.specRow()).startsWith(row.flavor() == REST ? "§1.2" : "§1.3");
    assertThat(explanation.evidence()).isNotNull();
    assertThat(explanation.causes()).isNotEmpty();
    assertThat(explanation.causes().getFirst().cause()).contains(row.firstCause());
    assertThat(explanation.causes()).allSatisfy(c -> assertThat(c.change()).isNotBlank());
    assertThat(explanation.disagreement()).isNull();
  }

  @Test
  void everyCatalogueEntryHasARowInThisTest() {
    Set<String> tested = rows().map(Row::entry).collect(Collectors.toSet());
    List<String> entries = Catalogue.all().stream().map(CatalogueEntry::id).toList();

    assertThat(entries).doesNotHaveDuplicates();
    assertThat(tested).containsExactlyInAnyOrderElementsOf(entries);
  }

  @Test
  void anAllowIsNotAnError() throws Exception {
    Explanation explanation = explainer.explain(aws.answer(200, "{\"ok\":true}", Map.of()), REST);

    assertThat(explanation.responseType()).isNull();
    assertThat(explanation.entry()).isNull();
    assertThat(explanation.summary()).contains("let the request through");
  }

  @Test
  void anAnswerNoRowKnowsSaysSoAndPointsAtTheIntegration() throws Exception {
    Explanation explanation = explainer.explain(aws.answer(502, "{\"message\":\"Bad Gateway\"}", Map.of()), REST);

    assertThat(explanation.entry()).isNull();
    assertThat(explanation.responseType()).isEqualTo("DEFAULT_5XX");
    assertThat(explanation.summary()).contains("No REST row").contains("Bad Gateway");
  }

  private static RouteFacts facts(AuthorizationType type) {
    return type == null ? RouteFacts.UNKNOWN : new RouteFacts(type, false, List.of());
  }

  private static Row rest(String spec, AuthorizationType route, int status, String body, String errorType,
      String entry, String responseType, String firstCause) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", "c0ffee00-1111-2222-3333-444455556666");
    headers.put("x-amz-apigw-id", "Abcd=");
    if (errorType != null) {
      headers.put("x-amzn-ErrorType", errorType);
    }
    return new Row(spec, REST, route, status, body, headers, entry, responseType, firstCause);
  }

  private static Row http(String spec, AuthorizationType route, int status, String body, String wwwAuthenticate,
      String entry, String responseType, String firstCause) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("apigw-requestid", "Mc7UVioPPHcEKPA=");
    if (wwwAuthenticate != null) {
      headers.put("www-authenticate", wwwAuthenticate);
    }
    return new Row(spec, HTTP, route, status, body, headers, entry, responseType, firstCause);
  }
}
