package dev.portcullis.engine.trace.explain;

import static dev.portcullis.engine.model.Gateway.Flavor.HTTP;
import static dev.portcullis.engine.model.Gateway.Flavor.REST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.trace.Cause;
import dev.portcullis.engine.trace.Explanation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The explainer reads everything in the answer (spec/apigw-facts.md §1.2, §1.3): www-authenticate's
 * error_description quoted, x-amzn-ErrorType, the message, the request id; and a cause the token
 * that was sent contradicts is ranked last with the reason.
 */
class ExplainerAnswerTest {
  private static final Instant SENT = Instant.parse("2026-12-01T23:00:00Z");
  private static final String REQUEST_ID = "c0ffee00-1111-4222-8333-444455556666";
  private static final String EXPIRED_CHALLENGE = "Bearer error=\"invalid_token\" error_description=\"the token has expired\"";
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

  private static TokenFacts expiresIn(Duration d) {
    return new TokenFacts(SENT.plus(d), SENT);
  }

  private static RouteFacts jwtRoute() {
    return new RouteFacts(AuthorizationType.JWT, false, List.of());
  }

  @Test
  void http401QuotesTheErrorDescriptionAndRanksExpiryDownWhenTheTokenHad54MinutesLeft() throws Exception {
    ObservedResponse answer = aws.answer(401, "{\"message\":\"Unauthorized\"}",
        Map.of("www-authenticate", EXPIRED_CHALLENGE, "apigw-requestid", REQUEST_ID));

    Explanation e = explainer.explain(answer, HTTP, jwtRoute(), null, expiresIn(Duration.ofMinutes(54).plusSeconds(20)));

    assertThat(e.entry()).isEqualTo("http.jwt-unauthorized");
    assertThat(e.summary()).contains("AWS says: www-authenticate error_description \"the token has expired\" (error invalid_token)")
        .contains("message \"Unauthorized\"")
        .contains("The inspected token contradicts expiry: the token sent had 54 min left (exp 2026-12-01T23:54:20Z)");
    assertThat(e.causes().getFirst().cause()).doesNotContainIgnoringCase("expired");
    Cause last = e.causes().getLast();
    assertThat(last.cause()).startsWith("Unlikely: The token has expired").contains("had 54 min left", "had not expired when sent");
    assertThat(e.answer().errorDescription()).isEqualTo("the token has expired");
    assertThat(e.answer().requestId()).isEqualTo(REQUEST_ID);
    assertThat(e.answer().lookUp()).contains(REQUEST_ID, "CloudWatch Logs", "API-Gateway-Execution-Logs_");
  }

  @Test
  void whenTheTokenReallyHadExpiredExpiryStaysFirst() throws Exception {
    ObservedResponse answer = aws.answer(401, "{\"message\":\"Unauthorized\"}", Map.of("www-authenticate", EXPIRED_CHALLENGE));

    Explanation e = explainer.explain(answer, HTTP, jwtRoute(), null, expiresIn(Duration.ofMinutes(-5)));

    assertThat(e.causes().getFirst().cause()).startsWith("The token has expired");
    assertThat(e.summary()).doesNotContain("contradicts").contains("error_description \"the token has expired\"");
  }

  @Test
  void aChallengeWithoutDescriptionIsQuotedAsSuch() throws Exception {
    ObservedResponse answer = aws.answer(401, "{\"message\":\"Unauthorized\"}", Map.of("www-authenticate", "Bearer"));

    Explanation e = explainer.explain(answer, HTTP, jwtRoute(), null, expiresIn(Duration.ofMinutes(54)));

    assertThat(e.summary()).contains("AWS says: www-authenticate Bearer (no error_description)");
    assertThat(e.answer().rows()).extracting(r -> r.key()).containsExactly("www-authenticate", "message");
  }

  @Test
  void restCognitoExpiredWithTimeLeftPutsTheClockFirstAndQuotesErrorTypeMessageAndRequestId() throws Exception {
    ObservedResponse answer = aws.answer(401, "{\"message\":\"The incoming token has expired\"}",
        Map.of("x-amzn-ErrorType", "UnauthorizedException", "x-amzn-RequestId", REQUEST_ID));

    Explanation e = explainer.explain(answer, REST, new RouteFacts(AuthorizationType.COGNITO_USER_POOLS, false, List.of()), null,
        expiresIn(Duration.ofMinutes(54)));

    assertThat(e.entry()).isEqualTo("rest.cognito-expired");
    assertThat(e.summary()).contains("x-amzn-ErrorType UnauthorizedException", "message \"The incoming token has expired\"",
        "contradicts expiry", "54 min left");
    assertThat(e.causes().getFirst().cause()).contains("clock is behind AWS's");
    assertThat(e.causes().getLast().cause()).startsWith("Unlikely: The token expired");
    assertThat(e.answer().rows()).extracting(r -> r.key()).containsExactly("x-amzn-ErrorType", "message", "request id");
  }

  @Test
  void withoutATokenNothingIsRankedDown() throws Exception {
    ObservedResponse answer = aws.answer(401, "{\"message\":\"The incoming token has expired\"}",
        Map.of("x-amzn-ErrorType", "UnauthorizedException"));

    Explanation e = explainer.explain(answer, REST, RouteFacts.UNKNOWN, null, null);

    assertThat(e.causes().getFirst().cause()).startsWith("The token expired");
    assertThat(e.causes()).noneMatch(c -> c.cause().startsWith("Unlikely"));
  }
}
