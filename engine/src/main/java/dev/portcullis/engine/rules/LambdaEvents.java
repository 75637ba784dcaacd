package dev.portcullis.engine.rules;

import static dev.portcullis.engine.rules.RequestParts.nullIfEmpty;

import dev.portcullis.engine.model.Authorizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event a Lambda authoriser receives (spec §4.1 REST TOKEN and REQUEST, §4.5 HTTP 1.0 and 2.0).
 */
final class LambdaEvents {
  private LambdaEvents() {}

  static Map<String, Object> of(PipelineState ex, Authorizer.Lambda auth, Map<String, String> identity) {
    if (ex.rest()) {
      return auth.eventType() == Authorizer.LambdaType.TOKEN ? token(ex, identity) : restRequest(ex);
    }
    return "1.0".equals(auth.payloadFormat()) ? http1(ex, identity) : http2(ex, identity);
  }

  /** TOKEN: the header value verbatim, a {@code Bearer } prefix included (spec §4.1). */
  private static Map<String, Object> token(PipelineState ex, Map<String, String> identity) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "TOKEN");
    event.put("authorizationToken", identity.values().iterator().next());
    event.put("methodArn", ex.methodArn().render());
    return event;
  }

  private static Map<String, Object> restRequest(PipelineState ex) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "REQUEST");
    event.put("methodArn", ex.methodArn().render());
    putRequest(event, ex);
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("path", ex.request.rawPath());
    ctx.put("accountId", ex.gateway.accountId());
    ctx.put("resourceId", null);
    ctx.put("stage", ex.gateway.stage());
    ctx.put("requestId", ex.requestId);
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("apiKey", ex.request.headers().first("x-api-key").orElse(null));
    id.put("sourceIp", ex.request.sourceIp());
    id.put("clientCert", null);
    ctx.put("identity", id);
    ctx.put("resourcePath", ex.match.route().path());
    ctx.put("httpMethod", ex.request.method());
    ctx.put("apiId", ex.gateway.apiId());
    event.put("requestContext", ctx);
    return event;
  }

  private static void putRequest(Map<String, Object> event, PipelineState ex) {
    event.put("resource", ex.match.route().path());
    event.put("path", ex.rest() ? ex.match.resourcePath() : ex.request.rawPath());
    event.put("httpMethod", ex.request.method());
    event.put("headers", RequestParts.singleHeaders(ex.request));
    event.put("multiValueHeaders", RequestParts.multiHeaders(ex.request));
    event.put("queryStringParameters", RequestParts.lastQueryValues(ex.request));
    event.put("multiValueQueryStringParameters", nullIfEmpty(RequestParts.query(ex.request)));
    event.put("pathParameters", nullIfEmpty(ex.pathParameters()));
    event.put("stageVariables", nullIfEmpty(ex.gateway.stageVariables()));
  }

  /** HTTP 1.0: REST-like, identity values comma-joined in both identitySource and authorizationToken. */
  private static Map<String, Object> http1(PipelineState ex, Map<String, String> identity) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "1.0");
    event.put("type", "REQUEST");
    event.put("methodArn", ex.methodArn().render());
    String joined = String.join(",", identity.values());
    event.put("identitySource", joined);
    event.put("authorizationToken", joined);
    putRequest(event, ex);
    Map<String, Object> ctx = new LinkedHashMap<>(IntegrationEvents.v1(ex));
    event.put("requestContext", ((Map<?, ?>) ctx.get("requestContext")));
    return event;
  }

  private static Map<String, Object> http2(PipelineState ex, Map<String, String> identity) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "2.0");
    event.put("type", "REQUEST");
    event.put("routeArn", ex.methodArn().render());
    event.put("identitySource", new ArrayList<>(identity.values()));
    Map<String, Object> request = IntegrationEvents.v2(ex);
    for (String key : new String[] {"routeKey", "rawPath", "rawQueryString", "cookies", "headers",
        "queryStringParameters"}) {
      if (request.containsKey(key)) {
        event.put(key, request.get(key));
      }
    }
    event.put("requestContext", request.get("requestContext"));
    if (request.containsKey("pathParameters")) {
      event.put("pathParameters", request.get("pathParameters"));
    }
    event.put("stageVariables", nullIfEmpty(ex.gateway.stageVariables()));
    return event;
  }
}
