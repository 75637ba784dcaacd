package dev.portcullis.engine.rules.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Authorizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.Assertions;

/** apigw-facts §2 and §3: how claims reach the integration (observed shapes), and pool issuers. */
class ClaimRenderingTest {
  private static Map<String, Object> claims() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", "user-1");
    claims.put("exp", 1469818373L);
    claims.put("auth_time", 1469814773L);
    claims.put("email_verified", true);
    claims.put("cognito:groups", List.of("admin", "poweruser"));
    claims.put("nothing", null);
    return claims;
  }

  @Test
  void httpApiRendersNumbersAsStringsAndArraysInBrackets() {
    // §3 [OBS]: "exp": "1787996002", cognito:groups "[admin poweruser]".
    assertThat(ClaimRendering.httpApi(claims())).containsExactly(Map.entry("sub", "user-1"),
        Map.entry("exp", "1469818373"), Map.entry("auth_time", "1469814773"), Map.entry("email_verified", "true"),
        Map.entry("cognito:groups", "[admin poweruser]"));
  }

  @Test
  void restRendersExpAndIatAsJavaDates() {
    // §2 [OBS]: exp "Fri Jul 29 18:52:53 UTC 2016", auth_time "1469814773".
    assertThat(ClaimRendering.rest(claims())).containsEntry("exp", "Fri Jul 29 18:52:53 UTC 2016")
        .containsEntry("auth_time", "1469814773").containsEntry("email_verified", "true");
  }

  @Test
  void httpApiScopesAreNullWhenTheRouteHasNone() {
    // §3 [OBS]: scopes is null without route authorizationScopes, even with a scope claim.
    assertThat(ClaimRendering.httpApiScopes(List.of("a"), List.of())).isNull();
    assertThat(ClaimRendering.httpApiScopes(List.of("a", "b"), List.of("b"))).containsExactly("a", "b");
  }

  @Test
  void derivesPoolIssuersFromIdsAndArns() {
    // §3 / §9.7: https://cognito-idp.{region}.amazonaws.com/{userPoolId}.
    Authorizer.Cognito cognito = new Authorizer.Cognito("pool",
        List.of("us-east-1_AbC", "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_XyZ"), null, null);
    assertThat(CognitoIssuers.of(cognito)).containsExactly("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC",
        "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_XyZ");
    assertThat(CognitoIssuers.of(new Authorizer.Cognito("local", List.of("local_1"), null, "http://localhost:9229/local_1")))
        .containsExactly("http://localhost:9229/local_1");
    Assertions.assertThatThrownBy(() -> CognitoIssuers.issuer("nopool")).hasMessageContaining("us-east-1_AbC");
  }
}
