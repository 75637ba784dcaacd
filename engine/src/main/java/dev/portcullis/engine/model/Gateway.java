package dev.portcullis.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * One API on API Gateway (a REST API and one stage of it, or an HTTP API and one stage), with its
 * routes, authorisers and, for REST, usage plans and resource policy.
 *
 * @param baseUrl where the API lives on real AWS ({@code https://{apiId}.execute-api...}); null
 *     when it only runs on the local gateway
 * @param localPort the loopback port the local gateway serves it on (0 picks a free one)
 * @param apiKeySource REST only: where API Gateway reads the API key from
 */
public record Gateway(
    String name,
    Flavor flavor,
    String region,
    String accountId,
    String apiId,
    String stage,
    String baseUrl,
    Integer localPort,
    ApiKeySource apiKeySource,
    List<Route> routes,
    List<Authorizer> authorizers,
    List<UsagePlan> usagePlans,
    PolicyDocument resourcePolicy) {

  public Gateway {
    Names.require(name, "gateway name");
    java.util.Objects.requireNonNull(flavor, () -> "gateway '" + name + "' needs a flavor (REST or HTTP)");
    region = region == null ? "us-east-1" : region;
    accountId = accountId == null ? "123456789012" : accountId;
    apiId = apiId == null ? name : apiId;
    stage = stage == null ? (flavor == Flavor.HTTP ? "$default" : "prod") : stage;
    apiKeySource = apiKeySource == null ? ApiKeySource.HEADER : apiKeySource;
    routes = Names.list(routes);
    authorizers = Names.list(authorizers);
    usagePlans = Names.list(usagePlans);
  }

  /** REST APIs (API Gateway v1) and HTTP APIs (v2) differ in mechanisms, order and error shapes. */
  public enum Flavor { REST, HTTP }

  public enum ApiKeySource { HEADER, AUTHORIZER }

  public Optional<Authorizer> authorizer(String name) {
    return authorizers.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Optional<UsagePlan> usagePlan(String name) {
    return usagePlans.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
