package dev.portcullis.engine.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a route departs from the mechanism that fits its caller, and what that costs. */
class CallerFitsTest {
  private static CallerFit fit(Workspace ws, String caller) {
    return Advisor.create().advise(ws).callers().stream().filter(c -> c.caller().equals(caller)).findFirst().orElseThrow();
  }

  private static Workspace bankOn(Gateway gateway) {
    Caller bank = new Caller.OidcClient("bank", null, "https://idp.example.com", "backoffice", null, null, null, List.of(), null);
    return Ws.of(List.of(gateway), List.of(bank), List.of(Ws.request("settle", "api", "POST", "/s", "bank", 200)), null);
  }

  @Test
  void anOidcClientBehindAnHttpLambdaPaysForWhatTheJwtAuthoriserDoesFree() {
    Authorizer.Lambda verify = new Authorizer.Lambda("verify", Authorizer.LambdaType.REQUEST, List.of("$request.header.Authorization"),
        null, 0, "2.0", true, new LambdaFunction.Rules(List.of(), null));
    CallerFit bank = fit(bankOn(Ws.http("api", List.of(Ws.custom("POST", "/s", "verify")), List.of(verify))), "bank");
    assertThat(bank.departures()).singleElement().satisfies(d -> {
      assertThat(d.route()).isEqualTo(new RouteRef("api", "POST /s"));
      assertThat(d.why()).contains("native JWT authoriser verifies for free", "26,280,000 invocations");
    });
  }

  @Test
  void theSameClientOnAJwtAuthoriserFits() {
    Authorizer.Jwt jwt = new Authorizer.Jwt("bank", "https://idp.example.com", List.of("payments"), null);
    CallerFit bank = fit(bankOn(Ws.http("api", List.of(Ws.route("POST", "/s", AuthorizationType.JWT, "bank", List.of(), false)), List.of(jwt))), "bank");
    assertThat(bank.routes()).containsExactly(new RouteRef("api", "POST /s"));
    assertThat(bank.departures()).isEmpty();
  }

  @Test
  void aPartnerOnARouteWithoutApiKeyBypassesItsUsagePlan() {
    Caller acme = new Caller.ApiKey("acme", null, new SecretRef.Env("ACME_KEY"), Map.of());
    Gateway api = Ws.rest("api", List.of(Ws.open("POST", "/s")), List.of());
    Workspace ws = Ws.of(List.of(api), List.of(acme), List.of(Ws.request("tx", "api", "POST", "/s", "acme", 200)), null);
    assertThat(fit(ws, "acme").departures()).singleElement().satisfies(d -> assertThat(d.why()).contains("usage plan"));
  }
}
