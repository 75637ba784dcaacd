package dev.portcullis.engine.rules;

import static dev.portcullis.engine.rules.PipelineFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.jwt.TokenAuthorizer;
import dev.portcullis.engine.rules.jwt.TokenCheck;
import dev.portcullis.engine.rules.jwt.TokenVerdict;
import dev.portcullis.engine.testing.MutableClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * spec §2: a REST Cognito authoriser's identityValidationExpression is matched against the token's
 * {@code aud}; a token whose aud does not match, or that has none (an access token), gets 401.
 */
class CognitoValidationExpressionTest {
  private final MutableClock clock = new MutableClock(START);

  /** Accepts every token; "id:AUD" carries that aud, "access" none. */
  private static final TokenAuthorizer TOKENS = new TokenAuthorizer() {
    @Override
    public TokenVerdict jwt(String identityValue, String issuer, List<String> audiences, List<String> routeScopes) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TokenVerdict cognito(String identityValue, List<String> issuers, List<String> methodScopes) {
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("sub", "u1");
      if (identityValue.startsWith("id:")) {
        claims.put("aud", identityValue.substring(3));
      }
      return new TokenVerdict.Accepted(claims, List.of(), List.of(new TokenCheck("cognito.signature", true, "signed")));
    }

    @Override
    public dev.portcullis.engine.rules.jwt.TokenReport report(String token, String issuer, List<String> audiences) {
      throw new UnsupportedOperationException();
    }
  };

  private Ruling send(String token) {
    Authorizer pool = new Authorizer.Cognito("pool", List.of("us-east-1_Abc"), null, null, "^app-[a-z]+$", 300);
    Route route = new Route("GET", "/me", Route.AuthorizationType.COGNITO_USER_POOLS, "pool", null, false, new Integration.Echo(null), null);
    Gateway gw = new Gateway("g", Gateway.Flavor.REST, "us-east-1", "111122223333", "api1", "prod", null, 0, null, List.of(route),
        List.of(pool), null, null);
    Workspace ws = new Workspace(1, "w", null, null, null, List.of(gw), null, null, null, null, demo().emulator());
    try (Pipeline p = Pipeline.builder(ws).clock(clock).requestIds(numberedIds()).tokenAuthorizer(TOKENS).build()) {
      return p.decide(request(clock, "GET", "/prod/me", "Authorization", token), gw);
    }
  }

  @Test
  void anAudienceThatMatchesIsLetIn() {
    Ruling ruling = send("id:app-web");
    assertThat(ruling.allowed()).isTrue();
    assertThat(ruling.check("cognito.validationExpression").orElseThrow().evidence()).contains("[app-web] matches");
  }

  @Test
  void anAudienceThatDoesNotMatchIs401() {
    Ruling.Outcome.Denied d = (Ruling.Outcome.Denied) send("id:partner-portal").outcome();
    assertThat(d.status()).isEqualTo(401);
    assertThat(d.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(d.decidedBy()).isEqualTo("cognito.validationExpression");
  }

  @Test
  void anAccessTokenHasNoAudienceAndIs401() {
    Ruling ruling = send("access");
    assertThat(((Ruling.Outcome.Denied) ruling.outcome()).status()).isEqualTo(401);
    assertThat(ruling.check("cognito.validationExpression").orElseThrow().evidence()).contains("has no aud (an access token)");
  }
}
