package dev.portcullis.engine.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One API on API Gateway (a REST API and one stage of it, or an HTTP API and one stage), with its
 * routes, authorisers and, for REST, usage plans and resource policy.
 *
 * @param baseUrl where the API lives on real AWS ({@code https://{apiId}.execute-api...}); null
 *     when it only runs on the local gateway
 * @param localPort the loopback port the local gateway serves it on (0 picks a free one)
 * @param apiKeySource REST only: where API Gateway reads the API key from
 * @param cors the API's CORS settings: HTTP APIs' corsConfiguration; on REST the OPTIONS mock methods
 *     "Enable CORS" (or SAM's Cors) adds to every resource; null when none
 * @param gatewayResponses REST only: customised gateway responses by type (UNAUTHORIZED, DEFAULT_4XX ...)
 * @param stageVariables the stage's variables, {@code ${stageVariables.x}} in URIs, {@code stageVariables.x} identity
 *     sources and {@code stageVariables} in events
 * @param endpointConfiguration REST only: the endpoint type; PRIVATE is reached through VPC endpoints; null is REGIONAL
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
    PolicyDocument resourcePolicy,
    Cors cors,
    Map<String, GatewayResponse> gatewayResponses,
    Map<String, String> stageVariables,
    EndpointConfiguration endpointConfiguration) {

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
    gatewayResponses = sorted(gatewayResponses);
    stageVariables = sorted(stageVariables);
  }

  /** The gateway as it was before CORS, gateway responses, stage variables and endpoints could be set. */
  public Gateway(String name, Flavor flavor, String region, String accountId, String apiId, String stage, String baseUrl,
      Integer localPort, ApiKeySource apiKeySource, List<Route> routes, List<Authorizer> authorizers,
      List<UsagePlan> usagePlans, PolicyDocument resourcePolicy) {
    this(name, flavor, region, accountId, apiId, stage, baseUrl, localPort, apiKeySource, routes, authorizers, usagePlans,
        resourcePolicy, null, null, null, null);
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /**
   * CORS as an HTTP API's corsConfiguration says it (BOTO-AGW2 {@code Cors}); lists compare without
   * case except origins, and {@code *} allows any.
   *
   * @param maxAge seconds a browser may cache the preflight answer; null sends no Access-Control-Max-Age
   */
  public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
      List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {
    public Cors {
      allowOrigins = Names.list(allowOrigins);
      allowMethods = Names.list(allowMethods);
      allowHeaders = Names.list(allowHeaders);
      exposeHeaders = Names.list(exposeHeaders);
    }
  }

  /**
   * A customised REST gateway response (BOTO-AGW {@code GatewayResponse}).
   *
   * @param statusCode the status sent instead of the type's default; null keeps it
   * @param responseParameters {@code gatewayresponse.header.NAME} to a quoted literal ({@code 'value'}) or
   *     {@code method.request.header.X}, {@code method.request.querystring.X}, {@code stageVariables.X}
   * @param responseTemplates content type to body template; {@code $context.error.messageString} and the
   *     like are substituted, not run as VTL (spec §1.1)
   */
  public record GatewayResponse(Integer statusCode, Map<String, String> responseParameters,
      Map<String, String> responseTemplates) {
    public GatewayResponse {
      responseParameters = sorted(responseParameters);
      responseTemplates = sorted(responseTemplates);
    }
  }

  /**
   * Where the API is reached from (BOTO-AGW {@code EndpointConfiguration}).
   *
   * @param vpcEndpointIds PRIVATE: the VPC endpoints associated with the API
   */
  public record EndpointConfiguration(EndpointType type, List<String> vpcEndpointIds) {
    public EndpointConfiguration {
      type = type == null ? EndpointType.REGIONAL : type;
      vpcEndpointIds = Names.list(vpcEndpointIds);
    }
  }

  public enum EndpointType { EDGE, REGIONAL, PRIVATE }

  /** True when the API is PRIVATE: only callers through a VPC endpoint reach it. */
  public boolean privateApi() {
    return endpointConfiguration != null && endpointConfiguration.type() == EndpointType.PRIVATE;
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
    private Cors cors;
    private Map<String, GatewayResponse> gatewayResponses;
    private Map<String, String> stageVariables;
    private EndpointConfiguration endpointConfiguration;

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
      this.cors = from.cors;
      this.gatewayResponses = from.gatewayResponses;
      this.stageVariables = from.stageVariables;
      this.endpointConfiguration = from.endpointConfiguration;
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

    public Builder cors(Cors cors) {
      this.cors = cors;
      return this;
    }

    public Builder gatewayResponses(Map<String, GatewayResponse> gatewayResponses) {
      this.gatewayResponses = gatewayResponses;
      return this;
    }

    public Builder stageVariables(Map<String, String> stageVariables) {
      this.stageVariables = stageVariables;
      return this;
    }

    public Builder endpointConfiguration(EndpointConfiguration endpointConfiguration) {
      this.endpointConfiguration = endpointConfiguration;
      return this;
    }

    public Gateway build() {
      return new Gateway(name, flavor, region, accountId, apiId, stage, baseUrl, localPort, apiKeySource, routes,
          authorizers, usagePlans, resourcePolicy, cors, gatewayResponses, stageVariables, endpointConfiguration);
    }
  }
}
