package dev.portcullis.engine.importer.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portcullis.engine.importer.ImportContext;
import dev.portcullis.engine.importer.ImportedApi;
import dev.portcullis.engine.importer.ImportedAuthorizer;
import dev.portcullis.engine.importer.ImportedRoute;
import dev.portcullis.engine.importer.Intrinsics;
import dev.portcullis.engine.importer.MockAnswers;
import dev.portcullis.engine.importer.Policies;
import dev.portcullis.engine.importer.Protection;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.UsagePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.GetAuthorizersResponse;
import software.amazon.awssdk.services.apigateway.model.GetResourcesResponse;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlansResponse;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetAuthorizersRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetRoutesRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetStagesRequest;

/** The control-plane reads of one API, every list paged by hand (position for REST, nextToken for HTTP). */
final class LiveReader {
  private static final int PAGE = 500;
  private final ApiGatewayClient v1;
  private final ApiGatewayV2Client v2;
  private final String region;

  LiveReader(ApiGatewayClient v1, ApiGatewayV2Client v2, String region) {
    this.v1 = v1;
    this.v2 = v2;
    this.region = region;
  }

  /** The REST and HTTP APIs of the region, one line each. */
  List<String> list() {
    List<String> out = new ArrayList<>();
    String position = null;
    do {
      String pos = position;
      var page = v1.getRestApis(r -> r.limit(PAGE).position(pos));
      page.items().forEach(a -> out.add("aws:" + region + "/" + a.id() + "  REST  " + a.name()));
      position = page.position();
    } while (position != null);
    String token = null;
    do {
      String next = token;
      var page = v2.getApis(r -> r.maxResults(String.valueOf(PAGE)).nextToken(next));
      page.items().stream().filter(a -> a.protocolTypeAsString().equals("HTTP"))
          .forEach(a -> out.add("aws:" + region + "/" + a.apiId() + "  HTTP  " + a.name()));
      token = page.nextToken();
    } while (token != null);
    return out;
  }

  ImportedApi read(String apiId, ImportContext ctx) {
    GetRestApiResponse rest;
    try {
      rest = v1.getRestApi(r -> r.restApiId(apiId));
    } catch (NotFoundException e) {
      return http(v2.getApi(r -> r.apiId(apiId)), ctx);
    }
    return rest(rest, ctx);
  }

  private ImportedApi rest(GetRestApiResponse api, ImportContext ctx) {
    Map<String, String> authorizerNames = new LinkedHashMap<>();
    List<ImportedAuthorizer> authorizers = new ArrayList<>();
    String position = null;
    do {
      String pos = position;
      GetAuthorizersResponse page = v1.getAuthorizers(r -> r.restApiId(api.id()).limit(PAGE).position(pos));
      for (Authorizer a : page.items()) {
        authorizerNames.put(a.id(), a.name());
        ImportedAuthorizer built = authorizer(a);
        if (built != null) {
          authorizers.add(built);
          ctx.mapped("authoriser " + a.name(), built.kind() + " (GetAuthorizers)");
        } else {
          ctx.leftOut("authoriser " + a.name(), "type " + a.typeAsString() + " is not one Portcullis emulates; methods using it are imported fail-closed");
        }
      }
      position = page.position();
    } while (position != null);
    List<ImportedRoute> routes = new ArrayList<>();
    position = null;
    do {
      String pos = position;
      GetResourcesResponse page = v1.getResources(r -> r.restApiId(api.id()).embed("methods").limit(PAGE).position(pos));
      for (Resource resource : page.items()) {
        resource.resourceMethods().forEach((verb, m) -> routes.add(method(resource.path(), verb, m, authorizerNames, authorizers, ctx)));
      }
      position = page.position();
    } while (position != null);
    var stages = v1.getStages(r -> r.restApiId(api.id())).item();
    String stage = stages.isEmpty() ? null : stages.get(0).stageName();
    List<UsagePlan> plans = usagePlans(api.id(), ctx);
    Intrinsics ix = Intrinsics.standalone(ctx);
    var policy = api.policy() == null ? null : Policies.read(TextNode.valueOf(api.policy().replace("\\\"", "\"")), ix, "policy of " + api.name(),
        "arn:aws:execute-api:" + region + ":123456789012:" + api.id());
    Gateway.ApiKeySource source = "AUTHORIZER".equals(api.apiKeySourceAsString()) ? Gateway.ApiKeySource.AUTHORIZER : Gateway.ApiKeySource.HEADER;
    String baseUrl = stage == null ? null : "https://" + api.id() + ".execute-api." + region + ".amazonaws.com/" + stage;
    return new ImportedApi(api.name(), Gateway.Flavor.REST, region, api.id(), stage, baseUrl, source, routes, authorizers, plans, policy);
  }

  private static ImportedAuthorizer authorizer(Authorizer a) {
    List<String> sources = new ArrayList<>();
    if (a.identitySource() != null) {
      for (String s : a.identitySource().split(",")) {
        if (!s.isBlank()) {
          sources.add(s.strip());
        }
      }
    }
    String origin = "GetAuthorizers " + a.id();
    return switch (a.typeAsString()) {
      case "TOKEN" -> new ImportedAuthorizer(a.name(), ImportedAuthorizer.Kind.TOKEN, sources, a.identityValidationExpression(),
          a.authorizerResultTtlInSeconds(), null, null, null, null, false, a.authorizerUri(), origin);
      case "REQUEST" -> new ImportedAuthorizer(a.name(), ImportedAuthorizer.Kind.REQUEST, sources, null, a.authorizerResultTtlInSeconds(),
          null, null, null, null, false, a.authorizerUri(), origin);
      case "COGNITO_USER_POOLS" -> a.providerARNs().isEmpty() ? null : new ImportedAuthorizer(a.name(), ImportedAuthorizer.Kind.COGNITO,
          sources, null, null, a.providerARNs(), null, null, null, false, null, origin);
      default -> null;
    };
  }

  private static ImportedRoute method(String path, String verb, Method m, Map<String, String> names, List<ImportedAuthorizer> authorizers,
      ImportContext ctx) {
    String where = "method " + verb + " " + path;
    String type = m.authorizationType() == null ? "NONE" : m.authorizationType();
    String name = m.authorizerId() == null ? null : names.get(m.authorizerId());
    Protection p = switch (type.toUpperCase(Locale.ROOT)) {
      case "NONE" -> new Protection.None(where + " authorizationType NONE");
      case "AWS_IAM" -> new Protection.Iam(where + " authorizationType AWS_IAM");
      case "CUSTOM", "COGNITO_USER_POOLS" -> name != null && authorizers.stream().anyMatch(a -> a.name().equals(name))
          ? new Protection.ByAuthorizer(name, m.authorizationScopes(), where + " authorizerId " + m.authorizerId())
          : new Protection.Unreadable(where + " names authoriser id " + m.authorizerId() + ", which GetAuthorizers did not return in a form Portcullis reads");
      default -> new Protection.Unreadable(where + " authorizationType '" + type + "' is not one API Gateway documents");
    };
    var integration = m.methodIntegration();
    return new ImportedRoute(verb.toUpperCase(Locale.ROOT), path, p, Boolean.TRUE.equals(m.apiKeyRequired()),
        integration == null ? null : integration.typeAsString(), integration == null ? null : integration.uri(), null,
        MockAnswers.of(tree(integration), Intrinsics.standalone(ctx), where + " methodIntegration"));
  }

  /** A MOCK methodIntegration in the shape of CloudFormation's Integration, for {@link MockAnswers}; null otherwise. */
  private static ObjectNode tree(software.amazon.awssdk.services.apigateway.model.Integration integration) {
    if (integration == null || !"MOCK".equalsIgnoreCase(integration.typeAsString())) {
      return null;
    }
    ObjectNode n = JsonNodeFactory.instance.objectNode().put("Type", "MOCK");
    ArrayNode responses = n.putArray("IntegrationResponses");
    integration.integrationResponses().forEach((code, r) -> {
      ObjectNode o = responses.addObject().put("StatusCode", r.statusCode() == null ? code : r.statusCode());
      if (r.selectionPattern() != null) {
        o.put("SelectionPattern", r.selectionPattern());
      }
      r.responseParameters().forEach(o.putObject("ResponseParameters")::put);
      if (!r.responseTemplates().isEmpty()) {
        r.responseTemplates().forEach(o.putObject("ResponseTemplates")::put);
      }
    });
    return n;
  }

  private List<UsagePlan> usagePlans(String apiId, ImportContext ctx) {
    List<UsagePlan> out = new ArrayList<>();
    String position = null;
    do {
      String pos = position;
      GetUsagePlansResponse page = v1.getUsagePlans(r -> r.limit(PAGE).position(pos));
      for (var plan : page.items()) {
        for (var stage : plan.apiStages()) {
          if (!apiId.equals(stage.apiId())) {
            continue;
          }
          Map<String, UsagePlan.Throttle> methods = new LinkedHashMap<>();
          stage.throttle().forEach((key, t) -> {
            int slash = key.lastIndexOf('/');
            if (slash > 0) {
              methods.put(key.substring(slash + 1) + " " + key.substring(0, slash), throttle(t.rateLimit(), t.burstLimit()));
            }
          });
          var q = plan.quota();
          out.add(new UsagePlan(plan.name(), plan.throttle() == null ? null : throttle(plan.throttle().rateLimit(), plan.throttle().burstLimit()),
              q == null || q.limit() == null ? null : new UsagePlan.Quota(q.limit(), switch (q.periodAsString()) {
                case "WEEK" -> UsagePlan.Quota.Period.WEEK;
                case "MONTH" -> UsagePlan.Quota.Period.MONTH;
                default -> UsagePlan.Quota.Period.DAY;
              }), methods));
          ctx.mapped("usage plan " + plan.name(), "GetUsagePlans (keys by reference only: their values are never read)");
        }
      }
      position = page.position();
    } while (position != null);
    return out;
  }

  private static UsagePlan.Throttle throttle(Double rate, Integer burst) {
    return new UsagePlan.Throttle(rate == null ? 10000 : rate, burst == null ? 5000 : burst);
  }

  private ImportedApi http(GetApiResponse api, ImportContext ctx) {
    if (!"HTTP".equals(api.protocolTypeAsString())) {
      ctx.leftOut("API " + api.name(), "a " + api.protocolTypeAsString() + " API; Portcullis emulates REST and HTTP APIs only");
      return new ImportedApi(api.name(), Gateway.Flavor.HTTP, region, api.apiId(), null, null, null, List.of(), List.of(), List.of(), null);
    }
    Map<String, String> names = new LinkedHashMap<>();
    List<ImportedAuthorizer> authorizers = new ArrayList<>();
    String token = null;
    do {
      var page = v2.getAuthorizers(GetAuthorizersRequest.builder().apiId(api.apiId()).maxResults(String.valueOf(PAGE)).nextToken(token).build());
      for (var a : page.items()) {
        names.put(a.authorizerId(), a.name());
        ImportedAuthorizer built = "JWT".equals(a.authorizerTypeAsString())
            ? new ImportedAuthorizer(a.name(), ImportedAuthorizer.Kind.JWT, a.identitySource(), null, null, null,
                a.jwtConfiguration() == null ? null : a.jwtConfiguration().issuer(), a.jwtConfiguration() == null ? List.of() : a.jwtConfiguration().audience(),
                null, false, null, "GetAuthorizers " + a.authorizerId())
            : new ImportedAuthorizer(a.name(), ImportedAuthorizer.Kind.REQUEST, a.identitySource(), null, a.authorizerResultTtlInSeconds(), null, null,
                null, a.authorizerPayloadFormatVersion(), Boolean.TRUE.equals(a.enableSimpleResponses()), a.authorizerUri(), "GetAuthorizers " + a.authorizerId());
        if (built.kind() == ImportedAuthorizer.Kind.JWT && built.issuer() == null) {
          ctx.leftOut("authoriser " + a.name(), "a JWT authoriser without an issuer; routes using it are imported fail-closed");
          continue;
        }
        authorizers.add(built);
        ctx.mapped("authoriser " + a.name(), built.kind() + " (GetAuthorizers)");
      }
      token = page.nextToken();
    } while (token != null);
    List<ImportedRoute> routes = new ArrayList<>();
    token = null;
    do {
      var page = v2.getRoutes(GetRoutesRequest.builder().apiId(api.apiId()).maxResults(String.valueOf(PAGE)).nextToken(token).build());
      for (var r : page.items()) {
        String key = r.routeKey();
        String method = key.equals("$default") ? "$default" : key.substring(0, key.indexOf(' '));
        String path = key.equals("$default") ? "$default" : key.substring(key.indexOf(' ') + 1);
        String where = "route " + key;
        String type = r.authorizationTypeAsString() == null ? "NONE" : r.authorizationTypeAsString();
        String name = r.authorizerId() == null ? null : names.get(r.authorizerId());
        Protection p = switch (type) {
          case "NONE" -> new Protection.None(where + " authorizationType NONE");
          case "AWS_IAM" -> new Protection.Iam(where + " authorizationType AWS_IAM");
          case "JWT", "CUSTOM" -> name != null && authorizers.stream().anyMatch(a -> a.name().equals(name))
              ? new Protection.ByAuthorizer(name, r.authorizationScopes(), where + " authorizerId " + r.authorizerId())
              : new Protection.Unreadable(where + " names authoriser id " + r.authorizerId() + ", which GetAuthorizers did not return");
          default -> new Protection.Unreadable(where + " authorizationType '" + type + "' is not one API Gateway documents");
        };
        routes.add(new ImportedRoute(method, path, p, false, "target", r.target(), null));
      }
      token = page.nextToken();
    } while (token != null);
    var stages = v2.getStages(GetStagesRequest.builder().apiId(api.apiId()).build()).items();
    String stage = stages.isEmpty() ? null : stages.get(0).stageName();
    String baseUrl = api.apiEndpoint() == null ? null : api.apiEndpoint() + (stage == null || stage.equals("$default") ? "" : "/" + stage);
    return new ImportedApi(api.name(), Gateway.Flavor.HTTP, region, api.apiId(), stage, baseUrl, null, routes, authorizers, List.of(), null);
  }

  /** One sentence for a refused or failed read, naming the action and the resource when AWS denied it. */
  static String sentence(String source, AwsServiceException e) {
    String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    if (e.statusCode() == 403) {
      return source + ": AWS refused the read (" + (e.awsErrorDetails() == null ? "403" : e.awsErrorDetails().errorCode()) + "): "
          + LiveImporter.firstLine(message) + ". Importing needs apigateway:GET on arn:aws:apigateway:REGION::/restapis/*, /apis/* and /usageplans.";
    }
    if (e.statusCode() == 404) {
      return source + ": there is no REST or HTTP API with that id in this region (" + LiveImporter.firstLine(message) + ").";
    }
    return source + ": API Gateway answered " + e.statusCode() + " (" + LiveImporter.firstLine(message) + ").";
  }
}
