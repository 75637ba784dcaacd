package dev.portcullis.engine.rules;

import dev.portcullis.engine.testing.MutableClock;
import static dev.portcullis.engine.rules.PipelineFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Workspace;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cognito (REST) and JWT (HTTP) authorisers through the token port, with a fake verifier. */
class TokenAuthorizationTest {
  private final Workspace demo = demo();
  private final MutableClock clock = new MutableClock(START);
  private final FakeTokens tokens = new FakeTokens();
  private final Pipeline pipeline = Pipeline.builder(demo).clock(clock).requestIds(numberedIds()).tokenAuthorizer(tokens)
      .runtimeVariables(Map.of("idpBaseUrl", "http://127.0.0.1:4711")).build();

  private Ruling send(String gateway, String method, String path, String... headers) {
    return pipeline.decide(request(clock, method, path, headers), gateway(demo, gateway));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> authorizer(Ruling ruling) {
    return (Map<String, Object>) ((Map<String, Object>) ruling.integrationEvent().get("requestContext")).get("authorizer");
  }

  @Test
  @DisplayName("spec §2, §10 q8: a Cognito token with the method's scope passes; claims reach the event as strings, exp as a Java date")
  void cognitoAllows() {
    Ruling ruling = send("payments", "GET", "/prod/me", "Authorization", "good-bob+profile.read");
    assertThat(ruling.allowed()).isTrue();
    assertThat(tokens.issuersSeen).containsExactly("http://127.0.0.1:4711/us-east-1_Local01");
    assertThat(authorizer(ruling)).isEqualTo(Map.of("claims",
        Map.of("sub", "bob", "cognito:groups", "[admins ops]", "exp", "Thu May 28 20:26:40 UTC 2026")));
    assertThat(ruling.checks()).extracting(Ruling.Check::id).containsExactly("route", "cognito.identitySource",
        "cognito.signature", "resourcePolicy", "apiKey", "integration");
  }

  @Test
  @DisplayName("spec §3: JWT claims and the route's scopes reach authorizer.jwt in payload 2.0")
  void jwtAllows() {
    Ruling ruling = send("b2b", "POST", "/b2b/settlements", "Authorization", "Bearer good-bank+settlements:write");
    assertThat(ruling.allowed()).isTrue();
    assertThat(tokens.issuersSeen).containsExactly("http://127.0.0.1:4711/oidc/bank");
    assertThat(authorizer(ruling)).isEqualTo(Map.of("jwt", Map.of("claims",
        Map.of("sub", "bank", "cognito:groups", "[admins ops]", "exp", "1780000000"), "scopes",
        java.util.List.of("settlements:write"))));
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("spec §2: no token on a Cognito method", "payments", "/prod/me", null, 401,
            "{\"message\":\"Unauthorized\"}", "UnauthorizedException", "cognito.identitySource", null),
        Arguments.of("spec §1.2: expired Cognito token", "payments", "/prod/me", "expired", 401,
            "{\"message\":\"The incoming token has expired\"}", "UnauthorizedException", "cognito.expiry", null),
        Arguments.of("spec §2: Cognito scope missing is 401 on REST", "payments", "/prod/me", "good-alice", 401,
            "{\"message\":\"Unauthorized\"}", "UnauthorizedException", "cognito.scopes", null),
        Arguments.of("spec §1.3: no token on a JWT route", "b2b", "/b2b/settlements", null, 401,
            "{\"message\":\"Unauthorized\"}", null, "jwt.identitySource", "Bearer"),
        Arguments.of("spec §1.3: expired JWT", "b2b", "/b2b/settlements", "Bearer expired", 401,
            "{\"message\":\"Unauthorized\"}", null, "jwt.expiry",
            "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\""),
        Arguments.of("spec §1.3: JWT without the route's scope is 403", "b2b", "/b2b/settlements", "Bearer good-bank",
            403, "{\"message\":\"Forbidden\"}", null, "jwt.scopes", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void errorShapes(String name, String gateway, String path, String token, int status, String body, String errorType,
      String decidedBy, String wwwAuthenticate) {
    String method = gateway.equals("b2b") ? "POST" : "GET";
    Ruling ruling = token == null ? send(gateway, method, path) : send(gateway, method, path, "Authorization", token);
    Ruling.Outcome.Denied d = (Ruling.Outcome.Denied) ruling.outcome();
    assertThat(d.status()).isEqualTo(status);
    assertThat(d.body()).isEqualTo(body);
    assertThat(d.headers().get("x-amzn-ErrorType")).isEqualTo(errorType);
    assertThat(d.decidedBy()).isEqualTo(decidedBy);
    assertThat(d.headers().get("www-authenticate")).isEqualTo(wwwAuthenticate);
    assertThat(ruling.check(decidedBy)).hasValueSatisfying(c -> assertThat(c.passed()).isFalse());
  }
}
