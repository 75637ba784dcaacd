package dev.portcullis.engine.trace.explain;

import static dev.portcullis.engine.model.Gateway.Flavor.HTTP;
import static dev.portcullis.engine.model.Gateway.Flavor.REST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.trace.Disagreement;
import dev.portcullis.engine.trace.Disagreement.Kind;
import dev.portcullis.engine.trace.Explanation;
import dev.portcullis.engine.trace.Prediction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each disagreement the explainer claims to recognise, against a server answering as AWS does. */
class ExplainerDisagreementTest {
  private static final Prediction ALLOW = new Prediction(200, null, null);
  private static AwsLikeServer aws;
  private final Explainer explainer = Explainer.create();

  @BeforeAll
  static void start() throws Exception {
    aws = new AwsLikeServer();
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  @Test
  void explicitDenyOnALambdaRoutePredictedToPassIsTheAuthoriserCacheFromAnotherMethod() throws Exception {
    // spec §1.2 Lambda explicit deny, §4.3 the result cache is keyed by identity source
    ObservedResponse response = aws.answer(403,
        "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}",
        Map.of("x-amzn-ErrorType", "AccessDeniedException"));

    Explanation explanation = explainer.explain(response, REST, route(AuthorizationType.CUSTOM, false),
        new Prediction(200, "lambda.policy", null));

    assertThat(kinds(explanation)).containsExactly(Kind.AUTHORIZER_CACHE_FROM_OTHER_METHOD);
    assertThat(explanation.disagreement().sentence()).contains("predicted 200").contains("AWS answered 403 ACCESS_DENIED");
  }

  @Test
  void signatureExpiredWhenTheRuleBookSawNoSkewIsClockSkew() throws Exception {
    // spec §1.2 SigV4 timestamp too old
    ObservedResponse response = aws.answer(403,
        "{\"message\":\"Signature expired: 20240102T100000Z is now earlier than 20240102T100600Z (20240102T101100Z - 5 min.)\"}",
        Map.of("x-amzn-ErrorType", "InvalidSignatureException"));

    Explanation explanation = explainer.explain(response, REST, route(AuthorizationType.AWS_IAM, false), ALLOW);

    assertThat(kinds(explanation)).containsExactly(Kind.CLOCK_SKEW);
  }

  @Test
  void signatureNotYetCurrentIsClockSkewToo() throws Exception {
    // spec §1.2 SigV4 timestamp in the future
    ObservedResponse response = aws.answer(403,
        "{\"message\":\"Signature not yet current: 20240102T102000Z is still later than 20240102T101100Z (20240102T100600Z + 5 min.)\"}",
        Map.of("x-amzn-ErrorType", "InvalidSignatureException"));

    Explanation explanation = explainer.explain(response, REST, route(AuthorizationType.AWS_IAM, false), ALLOW);

    assertThat(kinds(explanation)).containsExactly(Kind.CLOCK_SKEW);
  }

  @Test
  void httpForbiddenOnAJwtRoutePredictedToPassIsAScopeNotInTheToken() throws Exception {
    // spec §1.3 JWT authorizer, scopes not satisfied (403)
    ObservedResponse response = aws.answer(403, "{\"message\":\"Forbidden\"}", Map.of("apigw-requestid", "Mc7UVioPPHcEKPA="));

    Explanation explanation = explainer.explain(response, HTTP,
        new RouteFacts(AuthorizationType.JWT, false, List.of("payments/write")), new Prediction(200, "jwt.scopes", null));

    assertThat(kinds(explanation)).containsExactly(Kind.SCOPE_NOT_IN_TOKEN);
  }

  @Test
  void rest401OnAScopedCognitoMethodPredictedToPassIsAScopeNotInTheToken() throws Exception {
    // spec §2: scope mismatch is 401 on REST
    ObservedResponse response = aws.answer(401, "{\"message\":\"Unauthorized\"}", Map.of("x-amzn-ErrorType", "UnauthorizedException"));

    Explanation explanation = explainer.explain(response, REST,
        new RouteFacts(AuthorizationType.COGNITO_USER_POOLS, false, List.of("payments/read")), ALLOW);

    assertThat(kinds(explanation)).containsExactly(Kind.SCOPE_NOT_IN_TOKEN);
  }

  @Test
  void forbiddenOnAnApiKeyMethodPredictedToPassIsAKeyNotInTheUsagePlan() throws Exception {
    // spec §1.2 API key row, §6 usage plans
    ObservedResponse response = aws.answer(403, "{\"message\":\"Forbidden\"}", Map.of("x-amzn-ErrorType", "ForbiddenException"));

    Explanation explanation = explainer.explain(response, REST, route(AuthorizationType.CUSTOM, true), ALLOW);

    assertThat(kinds(explanation)).containsExactly(Kind.KEY_NOT_IN_USAGE_PLAN);
  }

  @Test
  void anInvokeDenyOnARoutePredictedToPassIsAResourcePolicyTheWorkspaceCannotSee() throws Exception {
    // spec §1.2 IAM auth, or a resource policy, explicitly denies
    ObservedResponse response = aws.answer(403, "{\"Message\":\"User: anonymous is not authorized to perform: execute-api:Invoke on"
        + " resource: arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/GET/health with an explicit deny\"}",
        Map.of("x-amzn-ErrorType", "AccessDeniedException"));

    Explanation explanation = explainer.explain(response, REST, route(AuthorizationType.NONE, false), ALLOW);

    assertThat(kinds(explanation)).containsExactly(Kind.RESOURCE_POLICY_UNSEEN);
  }

  @Test
  void unauthorizedOnALambdaRoutePredictedToPassIsAStageVariableTheWorkspaceCannotSee() throws Exception {
    // spec §4.1: a REQUEST authoriser whose identity source (a stage variable) is empty answers 401 without calling the function
    ObservedResponse response = aws.answer(401, "{\"message\":\"Unauthorized\"}", Map.of("x-amzn-ErrorType", "UnauthorizedException"));

    Explanation explanation = explainer.explain(response, REST, route(AuthorizationType.CUSTOM, true), ALLOW);

    assertThat(kinds(explanation)).containsExactly(Kind.STAGE_VARIABLE_UNSEEN);
  }

  @Test
  void aThrottleOrQuotaPredictedToPassIsUsageTheRuleBookCannotSee() throws Exception {
    // spec §1.2 throttled and quota rows, §6
    for (String[] row : List.of(new String[] {"Too Many Requests", "TooManyRequestsException"},
        new String[] {"Limit Exceeded", "LimitExceededException"})) {
      ObservedResponse response = aws.answer(429, "{\"message\":\"" + row[0] + "\"}", Map.of("x-amzn-ErrorType", row[1]));

      Explanation explanation = explainer.explain(response, REST, route(AuthorizationType.CUSTOM, true), ALLOW);

      assertThat(kinds(explanation)).as(row[1]).containsExactly(Kind.USAGE_PLAN_STATE);
    }
  }

  @Test
  void aStatusNoRowExplainsIsJudgedByTheStatusAlone() throws Exception {
    // an HTTP API's unknown route: no row of §1.3, so the catalogue's DEFAULT_4XX is no evidence against RESOURCE_NOT_FOUND
    ObservedResponse response = aws.answer(404, "{\"message\":\"Not Found\"}", Map.of("apigw-requestid", "Mc7UVioPPHcEKPA="));

    Explanation explanation = explainer.explain(response, HTTP, route(AuthorizationType.NONE, false),
        new Prediction(404, "route", "RESOURCE_NOT_FOUND"));

    assertThat(explanation.disagreement()).isNull();
  }

  @Test
  void aPredictionThatMatchesTheAnswerIsNoDisagreement() throws Exception {
    ObservedResponse response = aws.answer(403, "{\"message\":\"Forbidden\"}", Map.of("x-amzn-ErrorType", "ForbiddenException"));

    Explanation explanation = explainer.explain(response, REST, route(AuthorizationType.NONE, true),
        new Prediction(403, "apiKey.missing", "INVALID_API_KEY"));

    assertThat(explanation.disagreement()).isNull();
  }

  @Test
  void aPredictedSkewDenyAgreesWithSignatureExpired() throws Exception {
    ObservedResponse response = aws.answer(403, "{\"message\":\"Signature expired: 20240102T100000Z is now earlier than 20240102T100600Z (20240102T101100Z - 5 min.)\"}",
        Map.of("x-amzn-ErrorType", "InvalidSignatureException"));

    Explanation explanation = explainer.explain(response, REST, route(AuthorizationType.AWS_IAM, false),
        new Prediction(403, "sigv4.skew", "INVALID_SIGNATURE"));

    assertThat(explanation.disagreement()).isNull();
  }

  @Test
  void aDisagreementNoKnownReasonFitsSaysToCheckTheImportedConfiguration() throws Exception {
    ObservedResponse response = aws.answer(403, "{\"message\":\"Missing Authentication Token\"}",
        Map.of("x-amzn-ErrorType", "MissingAuthenticationTokenException"));

    Explanation explanation = explainer.explain(response, REST, route(AuthorizationType.NONE, false), ALLOW);

    assertThat(explanation.disagreement()).isNotNull();
    assertThat(explanation.disagreement().reasons()).isEmpty();
    assertThat(explanation.disagreement().sentence()).contains("imported configuration");
  }

  private static RouteFacts route(AuthorizationType type, boolean apiKeyRequired) {
    return new RouteFacts(type, apiKeyRequired, List.of());
  }

  private static List<Kind> kinds(Explanation explanation) {
    assertThat(explanation.disagreement()).as("a disagreement").isNotNull();
    return explanation.disagreement().reasons().stream().map(Disagreement.Reason::kind).toList();
  }
}
