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

  /** A builder for a new gateway; everything but name and flavor has a default or is empty. */
  public static Builder builder(String name, Flavor flavor) {
    return new Builder(name, flavor);
  }

  /** A builder starting from this gateway's values: change what differs, as OkHttp's {@code newBuilder()}. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * Builds a gateway by name rather than position; {@link #build()} runs the record's checks.
   * Unset components are null, which the record turns into its defaults.
   */
  public static final class Builder {
    private String name;
    private Flavor flavor;
    private String region;
    private String accountId;
    private String apiId;
    private String stage;
    private String baseUrl;
    private Integer localPort;
    private ApiKeySource apiKeySource;
    private List<Route> routes;
    private List<Authorizer> authorizers;
    private List<UsagePlan> usagePlans;
    private PolicyDocument resourcePolicy;

    private Builder(String name, Flavor flavor) {
      this.name = name;
      this.flavor = flavor;
    }

    private Builder(Gateway from) {
      this.name = from.name;
      this.flavor = from.flavor;
      this.region = from.region;
      this.accountId = from.accountId;
      this.apiId = from.apiId;
      this.stage = from.stage;
      this.baseUrl = from.baseUrl;
      this.localPort = from.localPort;
      this.apiKeySource = from.apiKeySource;
      this.routes = from.routes;
      this.authorizers = from.authorizers;
      this.usagePlans = from.usagePlans;
      this.resourcePolicy = from.resourcePolicy;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder flavor(Flavor flavor) {
      this.flavor = flavor;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    public Builder apiId(String apiId) {
      this.apiId = apiId;
      return this;
    }

    public Builder stage(String stage) {
      this.stage = stage;
      return this;
    }

    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder localPort(Integer localPort) {
      this.localPort = localPort;
      return this;
    }

    public Builder apiKeySource(ApiKeySource apiKeySource) {
      this.apiKeySource = apiKeySource;
      return this;
    }

    public Builder routes(List<Route> routes) {
      this.routes = routes;
      return this;
    }

    public Builder authorizers(List<Authorizer> authorizers) {
      this.authorizers = authorizers;
      return this;
    }

    public Builder usagePlans(List<UsagePlan> usagePlans) {
      this.usagePlans = usagePlans;
      return this;
    }

    public Builder resourcePolicy(PolicyDocument resourcePolicy) {
      this.resourcePolicy = resourcePolicy;
      return this;
    }

    public Gateway build() {
      return new Gateway(name, flavor, region, accountId, apiId, stage, baseUrl, localPort, apiKeySource, routes, authorizers, usagePlans, resourcePolicy);
    }
  }
}
