package dev.portcullis.engine.rules;

import static dev.portcullis.engine.rules.RequestParts.nullIfEmpty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lambda proxy event an integration receives: payload 1.0 for REST (and HTTP APIs that ask for
 * it), 2.0 for HTTP APIs (AGW-ARCH {@code set-up-lambda-proxy-integrations.md},
 * {@code http-api-develop-integrations-lambda.md}). Absent values are {@code null} in 1.0, as in
 * AWS's examples, and left out in 2.0.
 */
final class IntegrationEvents {
  private IntegrationEvents() {}

  static Map<String, Object> of(PipelineState ex, String payloadFormat) {
    return "2.0".equals(payloadFormat) && !ex.rest() ? v2(ex) : v1(ex);
  }

  static Map<String, Object> v1(PipelineState ex) {
    // Each map sized for its keys up front: these run on every request, and a default-sized map resized
    // twice was a tenth of the event's allocations (issue 19).
    Map<String, Object> event = LinkedHashMap.newLinkedHashMap(14);
    if (!ex.rest()) {
      event.put("version", "1.0");
    }
    event.put("resource", ex.match.route().path());
    event.put("path", ex.rest() ? ex.match.resourcePath() : ex.request.rawPath());
    event.put("httpMethod", ex.request.method());
    event.put("headers", RequestParts.singleHeaders(ex.request));
    event.put("multiValueHeaders", RequestParts.multiHeaders(ex.request));
    event.put("queryStringParameters", RequestParts.lastQueryValues(ex.request));
    event.put("multiValueQueryStringParameters", nullIfEmpty(RequestParts.query(ex.request)));
    event.put("pathParameters", nullIfEmpty(ex.pathParameters()));
    event.put("stageVariables", nullIfEmpty(ex.gateway.stageVariables()));
    event.put("requestContext", v1Context(ex));
    Object[] body = RequestParts.body(ex.request);
    event.put("body", body[0]);
    event.put("isBase64Encoded", body[1]);
    return event;
  }

  private static Map<String, Object> v1Context(PipelineState ex) {
    Map<String, Object> ctx = LinkedHashMap.newLinkedHashMap(20);
    ctx.put("accountId", ex.gateway.accountId());
    ctx.put("apiId", ex.gateway.apiId());
    Map<String, Object> authorizer = v1Authorizer(ex);
    if (authorizer != null) {
      ctx.put("authorizer", authorizer);
    }
    ctx.put("domainName", RequestParts.domainName(ex));
    ctx.put("domainPrefix", RequestParts.domainPrefix(ex));
    ctx.put("extendedRequestId", RequestIds.apigwId(ex.requestId));
    ctx.put("httpMethod", ex.request.method());
    ctx.put("identity", identity(ex));
    ctx.put("path", ex.request.rawPath());
    ctx.put("protocol", "HTTP/1.1");
    ctx.put("requestId", ex.requestId);
    ctx.put("requestTime", RequestParts.requestTime(ex.request.receivedAt()));
    ctx.put("requestTimeEpoch", ex.request.receivedAt().toEpochMilli());
    ctx.put("resourceId", resourceId(ex));
    ctx.put("resourcePath", ex.match.route().path());
    if (!ex.rest()) {
      ctx.put("routeKey", ex.routeKey());
    }
    ctx.put("stage", ex.gateway.stage());
    return ctx;
  }

  /** REST {@code requestContext.authorizer}: Lambda principal and context, or Cognito/JWT claims (spec §2, §4.4). */
  private static Map<String, Object> v1Authorizer(PipelineState ex) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (ex.grant) {
      case Grant.Lambda l -> {
        if (l.principalId() != null) {
          out.put("principalId", l.principalId());
        }
        // REST stringifies context values (spec §4.2); HTTP payload 1.0 keeps their JSON types.
        l.context().forEach((k, v) -> out.put(k, ex.rest() && v != null ? String.valueOf(v) : v));
        out.put("integrationLatency", 0);
      }
      case Grant.Token t -> {
        out.put("claims", t.claims());
        if (!ex.rest()) {
          out.put("scopes", t.scopes());
        }
      }
      case Grant.Iam i -> {
        return null;
      }
      case Grant.None n -> {
        return null;
      }
    }
    return out;
  }

  /** {@code requestContext.identity}: the SigV4 principal and API key, null where not applicable (spec §5, §6). */
  private static Map<String, Object> identity(PipelineState ex) {
    Grant.Iam iam = ex.grant instanceof Grant.Iam i ? i : null;
    Map<String, Object> id = LinkedHashMap.newLinkedHashMap(15);
    id.put("accessKey", iam == null ? null : iam.accessKey());
    id.put("accountId", iam == null ? null : iam.accountId());
    id.put("apiKey", ex.apiKey);
    id.put("apiKeyId", ex.apiKeyId);
    id.put("caller", iam == null ? null : iam.callerId());
    id.put("cognitoAuthenticationProvider", null);
    id.put("cognitoAuthenticationType", null);
    id.put("cognitoIdentityId", null);
    id.put("cognitoIdentityPoolId", null);
    id.put("principalOrgId", null);
    id.put("sourceIp", ex.request.sourceIp());
    id.put("user", iam == null ? null : iam.callerId());
    id.put("userAgent", RequestParts.userAgent(ex.request));
    id.put("userArn", iam == null ? null : iam.userArn());
    id.put("clientCert", null);
    return id;
  }

  static Map<String, Object> v2(PipelineState ex) {
    Map<String, Object> event = LinkedHashMap.newLinkedHashMap(12);
    event.put("version", "2.0");
    event.put("routeKey", ex.routeKey());
    event.put("rawPath", ex.request.rawPath());
    event.put("rawQueryString", ex.request.rawQuery() == null ? "" : ex.request.rawQuery());
    putIfPresent(event, "cookies", RequestParts.cookies(ex.request).isEmpty() ? null : RequestParts.cookies(ex.request));
    event.put("headers", RequestParts.joinedHeaders(ex.request));
    putIfPresent(event, "queryStringParameters", nullIfEmpty(RequestParts.joinedQueryValues(ex.request)));
    putIfPresent(event, "pathParameters", nullIfEmpty(ex.pathParameters()));
    putIfPresent(event, "stageVariables", nullIfEmpty(ex.gateway.stageVariables()));
    event.put("requestContext", v2Context(ex));
    Object[] body = RequestParts.body(ex.request);
    putIfPresent(event, "body", body[0]);
    event.put("isBase64Encoded", body[1]);
    return event;
  }

  static Map<String, Object> v2Context(PipelineState ex) {
    Map<String, Object> ctx = LinkedHashMap.newLinkedHashMap(13);
    ctx.put("accountId", ex.gateway.accountId());
    ctx.put("apiId", ex.gateway.apiId());
    putIfPresent(ctx, "authorizer", v2Authorizer(ex));
    ctx.put("domainName", RequestParts.domainName(ex));
    ctx.put("domainPrefix", RequestParts.domainPrefix(ex));
    Map<String, Object> http = LinkedHashMap.newLinkedHashMap(5);
    http.put("method", ex.request.method());
    http.put("path", ex.request.rawPath());
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", ex.request.sourceIp());
    http.put("userAgent", RequestParts.userAgent(ex.request));
    ctx.put("http", http);
    ctx.put("requestId", ex.requestId);
    ctx.put("routeKey", ex.routeKey());
    ctx.put("stage", ex.gateway.stage());
    ctx.put("time", RequestParts.requestTime(ex.request.receivedAt()));
    ctx.put("timeEpoch", ex.request.receivedAt().toEpochMilli());
    return ctx;
  }

  /** 2.0 {@code authorizer}: exactly one of {@code jwt}, {@code lambda}, {@code iam} (spec §3, §4.5, §5). */
  private static Map<String, Object> v2Authorizer(PipelineState ex) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (ex.grant) {
      case Grant.Token t -> {
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("claims", t.claims());
        jwt.put("scopes", t.scopes());
        out.put("jwt", jwt);
      }
      case Grant.Lambda l -> out.put("lambda", l.context());
      case Grant.Iam i -> {
        Map<String, Object> iam = LinkedHashMap.newLinkedHashMap(7);
        iam.put("accessKey", i.accessKey());
        iam.put("accountId", i.accountId());
        iam.put("callerId", i.callerId());
        iam.put("cognitoIdentity", null);
        iam.put("principalOrgId", null);
        iam.put("userArn", i.userArn());
        iam.put("userId", i.callerId());
        out.put("iam", iam);
      }
      case Grant.None n -> {
        return null;
      }
    }
    return out;
  }

  /** A stable stand-in for the REST resource id, which AWS generates when the resource is created. */
  private static String resourceId(PipelineState ex) {
    return Integer.toString(Math.abs(ex.match.route().path().hashCode()) % 46656, 36);
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
