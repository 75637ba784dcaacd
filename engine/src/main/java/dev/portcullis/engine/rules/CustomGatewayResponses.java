package dev.portcullis.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.model.Gateway.GatewayResponse;
import dev.portcullis.engine.rules.Ruling.Outcome.Denied;
import dev.portcullis.engine.store.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST API's customised gateway responses applied to the gateway's own errors (spec §1.1): the
 * response type's own customisation, else DEFAULT_4XX or DEFAULT_5XX by the status class, sets the
 * status, adds headers from {@code gatewayresponse.header.*} parameters and renders the body
 * template by substitution of {@code $context.*} and {@code $stageVariables.*} (not VTL, §1.1).
 */
final class CustomGatewayResponses {
  static final String CHECK = "gatewayResponse";
  private static final String HEADER = "gatewayresponse.header.";
  private static final Pattern REFERENCE =
      Pattern.compile("\\$!?(?:\\{((?:context|stageVariables)(?:\\.[A-Za-z0-9_-]+)+)}|((?:context|stageVariables)(?:\\.[A-Za-z0-9_-]+)+))");

  private CustomGatewayResponses() {}

  static Denied apply(PipelineState ex, Denied d) {
    Map<String, GatewayResponse> responses = ex.gateway.gatewayResponses();
    if (!ex.rest() || responses.isEmpty()) {
      return d;
    }
    String fallback = d.status() >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX";
    String used = responses.containsKey(d.gatewayResponseType()) ? d.gatewayResponseType()
        : responses.containsKey(fallback) ? fallback : null;
    if (used == null) {
      return d;
    }
    GatewayResponse custom = responses.get(used);
    Map<String, String> context = context(ex, d);
    int status = custom.statusCode() == null ? d.status() : custom.statusCode();
    Map<String, String> headers = new LinkedHashMap<>(d.headers());
    List<String> added = new ArrayList<>();
    custom.responseParameters().forEach((name, source) -> {
      if (name.regionMatches(true, 0, HEADER, 0, HEADER.length())) {
        value(ex, source, context).ifPresent(v -> {
          headers.put(name.substring(HEADER.length()), v);
          added.add(name.substring(HEADER.length()) + ": " + v);
        });
      }
    });
    String body = d.body();
    Optional<Map.Entry<String, String>> template = template(custom);
    if (template.isPresent()) {
      body = render(template.get().getValue(), context);
      headers.put("Content-Type", template.get().getKey());
    }
    String why = used.equals(d.gatewayResponseType()) ? "the API's " + used + " gateway response"
        : "the API's " + used + " gateway response, as " + d.gatewayResponseType() + " is not customised";
    ex.pass(CHECK, d.gatewayResponseType() + " answered with " + why + " (spec §1.1): status " + status
        + (status == d.status() ? "" : " instead of " + d.status())
        + (added.isEmpty() ? ", no headers added" : ", headers added " + added)
        + (template.isPresent() ? ", body from its " + template.get().getKey() + " template" : ", default body"));
    return new Denied(status, d.gatewayResponseType(), d.errorType(), body, headers, d.decidedBy());
  }

  private static Optional<Map.Entry<String, String>> template(GatewayResponse custom) {
    Map<String, String> templates = custom.responseTemplates();
    if (templates.containsKey(GatewayResponses.JSON)) {
      return Optional.of(Map.entry(GatewayResponses.JSON, templates.get(GatewayResponses.JSON)));
    }
    return templates.entrySet().stream().findFirst();
  }

  /** A parameter's value: a quoted literal, or a request, stage-variable or context value. */
  private static Optional<String> value(PipelineState ex, String source, Map<String, String> context) {
    if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
      return Optional.of(source.substring(1, source.length() - 1));
    }
    if (source.startsWith("method.request.header.")) {
      return ex.request.headers().first(source.substring("method.request.header.".length()));
    }
    if (source.startsWith("method.request.querystring.")) {
      List<String> values = RequestParts.query(ex.request).get(source.substring("method.request.querystring.".length()));
      return values == null ? Optional.empty() : Optional.of(values.getLast());
    }
    if (source.startsWith("method.request.path.")) {
      return Optional.ofNullable(ex.pathParameters().get(source.substring("method.request.path.".length())));
    }
    return Optional.ofNullable(context.get(source));
  }

  static String render(String template, Map<String, String> context) {
    Matcher m = REFERENCE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value = context.get(name);
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The names a template or parameter may use, with the values of this request. */
  private static Map<String, String> context(PipelineState ex, Denied d) {
    String message = message(d.body());
    Map<String, String> c = new LinkedHashMap<>();
    c.put("context.error.message", message == null ? "" : message);
    c.put("context.error.messageString", GatewayResponses.quote(message));
    c.put("context.error.responseType", d.gatewayResponseType());
    c.put("context.requestId", ex.requestId);
    c.put("context.extendedRequestId", RequestIds.apigwId(ex.requestId));
    c.put("context.apiId", ex.gateway.apiId());
    c.put("context.stage", ex.gateway.stage());
    c.put("context.accountId", ex.gateway.accountId());
    c.put("context.httpMethod", ex.request.method());
    c.put("context.path", ex.request.rawPath());
    c.put("context.domainName", RequestParts.domainName(ex));
    if (ex.match != null) {
      c.put("context.resourcePath", ex.match.route().path());
    }
    ex.gateway.stageVariables().forEach((k, v) -> c.put("stageVariables." + k, v));
    return c;
  }

  /** The message of a default body ({@code message} or the observed {@code Message}); null when there is none. */
  private static String message(String body) {
    try {
      JsonNode json = Json.mapper().readTree(body);
      JsonNode m = json.has("message") ? json.get("message") : json.path("Message");
      return m.isTextual() ? m.asText() : null;
    } catch (IOException | RuntimeException e) {
      return body;
    }
  }
}
