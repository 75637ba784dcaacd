package dev.portcullis.engine.advisor;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.Expectation;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Gateway.Flavor;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.UsagePlan;
import dev.portcullis.engine.model.Workspace;
import java.util.List;
import java.util.Map;

/** Small workspaces for the advisor's tests: one gateway, a few routes, exactly the trait under test. */
final class Ws {
  private Ws() {}

  static Workspace of(Gateway... gateways) {
    return new Workspace(1, "small", null, null, null, List.of(gateways), List.of(), null, List.of(), null, null);
  }

  static Workspace of(List<Gateway> gateways, List<Caller> callers, List<SavedRequest> requests, Emulator emulator) {
    return new Workspace(1, "small", null, null, null, gateways, callers, null, requests, null, emulator);
  }

  static Gateway rest(String name, List<Route> routes, List<Authorizer> authorizers) {
    return gateway(name, Flavor.REST, routes, authorizers, List.of(plan()), null);
  }

  static Gateway http(String name, List<Route> routes, List<Authorizer> authorizers) {
    return gateway(name, Flavor.HTTP, routes, authorizers, List.of(), null);
  }

  static Gateway gateway(String name, Flavor flavor, List<Route> routes, List<Authorizer> authorizers, List<UsagePlan> plans,
      PolicyDocument policy) {
    return new Gateway(name, flavor, null, null, null, null, null, null, null, routes, authorizers, plans, policy);
  }

  static UsagePlan plan() {
    return new UsagePlan("partners", new UsagePlan.Throttle(100, 200), new UsagePlan.Quota(1_000_000, null), null);
  }

  static Route route(String method, String path, AuthorizationType type, String authorizer, List<String> scopes, boolean apiKey) {
    return new Route(method, path, type, authorizer, scopes, apiKey, null, null);
  }

  static Route open(String method, String path) {
    return route(method, path, AuthorizationType.NONE, null, List.of(), false);
  }

  static Route custom(String method, String path, String authorizer) {
    return route(method, path, AuthorizationType.CUSTOM, authorizer, List.of(), false);
  }

  static Authorizer.Lambda lambda(String name, List<String> identitySources, int ttl, LambdaFunction.Rule... rules) {
    return new Authorizer.Lambda(name, Authorizer.LambdaType.REQUEST, identitySources, null, ttl, null, false,
        new LambdaFunction.Rules(List.of(rules), null));
  }

  static LambdaFunction.Rule allow(String principal, LambdaFunction.Rule.ResourceScope scope, Map<String, Object> context) {
    return new LambdaFunction.Rule(null, Map.of("method.request.header.x-api-key", "k-" + principal),
        LambdaFunction.Rule.Effect.ALLOW, principal, context, scope, null);
  }

  static SavedRequest request(String name, String gateway, String method, String path, String caller, int status) {
    return new SavedRequest(name, null, null, gateway, method, path, null, null, null, caller, null, null, Expectation.status(status));
  }
}
