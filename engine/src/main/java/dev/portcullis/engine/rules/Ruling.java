package dev.portcullis.engine.rules;

import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.model.Gateway;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rule book decided about one request: the outcome as the client sees it, every check
 * made in order with its evidence, and the event the integration receives (empty when denied).
 *
 * @param requestId the id returned to the client ({@code x-amzn-RequestId} / {@code apigw-requestid})
 * @param routeKey the matched route, e.g. {@code POST /partners/{id}/transactions}; null when none matched
 * @param integrationEvent the Lambda proxy event the integration gets, as JSON-ready maps; null when denied
 * @param eventJson that event as the JSON text the integration received, when the pipeline already wrote
 *     it (the echo answer); null otherwise, and {@link #integrationEventJson()} writes it. A copy of
 *     {@code integrationEvent}, so not part of {@link #equals}
 */
public record Ruling(
    String requestId,
    Instant receivedAt,
    String gateway,
    Gateway.Flavor flavor,
    String method,
    String path,
    String routeKey,
    Outcome outcome,
    List<Check> checks,
    Map<String, Object> integrationEvent,
    String eventJson) {

  public Ruling {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(outcome, "outcome");
    checks = List.copyOf(checks);
    eventJson = integrationEvent == null ? null : eventJson;
  }

  public Ruling(String requestId, Instant receivedAt, String gateway, Gateway.Flavor flavor, String method, String path,
      String routeKey, Outcome outcome, List<Check> checks, Map<String, Object> integrationEvent) {
    this(requestId, receivedAt, gateway, flavor, method, path, routeKey, outcome, checks, integrationEvent, null);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ruling r && requestId.equals(r.requestId) && Objects.equals(receivedAt, r.receivedAt)
        && Objects.equals(gateway, r.gateway) && flavor == r.flavor && Objects.equals(method, r.method)
        && Objects.equals(path, r.path) && Objects.equals(routeKey, r.routeKey) && outcome.equals(r.outcome)
        && checks.equals(r.checks) && Objects.equals(integrationEvent, r.integrationEvent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requestId, receivedAt, gateway, flavor, method, path, routeKey, outcome, checks, integrationEvent);
  }

  /** One check, as the trace shows it: {@code route}, {@code lambda.cache}, {@code sigv4.skew} ... */
  public record Check(String id, boolean passed, String evidence) {
    public Check {
      Objects.requireNonNull(id, "check id");
      Objects.requireNonNull(evidence, () -> "check " + id + " needs its evidence");
    }
  }

  /** The answer the client gets. */
  public sealed interface Outcome {
    int status();

    Map<String, String> headers();

    String body();

    /** Let through; the response is the integration's, with the gateway's headers added. */
    record Allowed(int status, Map<String, String> headers, String body) implements Outcome {
      public Allowed {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
      }
    }

    /**
     * Refused by the gateway.
     *
     * @param gatewayResponseType e.g. {@code MISSING_AUTHENTICATION_TOKEN} (spec §1.1)
     * @param errorType the REST {@code x-amzn-ErrorType}, or null (HTTP APIs send none)
     * @param decidedBy the id of the check that refused
     */
    record Denied(int status, String gatewayResponseType, String errorType, String body, Map<String, String> headers,
        String decidedBy) implements Outcome {
      public Denied {
        Objects.requireNonNull(gatewayResponseType, "gatewayResponseType");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(decidedBy, "decidedBy");
      }
    }
  }

  public boolean allowed() {
    return outcome instanceof Outcome.Allowed;
  }

  /** The refusing check's id, or {@code integration} when the request got through. */
  public String decidedBy() {
    return outcome instanceof Outcome.Denied d ? d.decidedBy() : "integration";
  }

  public Optional<Check> check(String id) {
    return checks.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<Map<String, Object>> event() {
    return Optional.ofNullable(integrationEvent);
  }

  /** The integration event as the JSON text the integration received (nulls kept), or null when denied. */
  public String integrationEventJson() {
    return integrationEvent == null ? null : eventJson != null ? eventJson : Integrations.json(integrationEvent);
  }

  /** An event read back from {@link #integrationEventJson()}: the same maps, in the same order. */
  public static Map<String, Object> readEvent(String json) {
    return dev.portcullis.engine.store.Json.readObject(json)
        .orElseThrow(() -> new IllegalArgumentException("not an integration event: " + json.length() + " characters"));
  }

  /** JSON-ready form with credentials masked to a prefix, safe for logs, exports and the rulings endpoint. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("requestId", requestId);
    json.put("receivedAt", receivedAt == null ? null : receivedAt.toString());
    json.put("gateway", gateway);
    json.put("flavor", flavor == null ? null : flavor.name());
    json.put("method", method);
    json.put("path", path);
    json.put("routeKey", routeKey);
    json.put("outcome", outcomeJson());
    json.put("checks", checks.stream().map(c -> Map.of("id", c.id(), "passed", c.passed(), "evidence", c.evidence()))
        .toList());
    json.put("integrationEvent", integrationEvent);
    return Masking.maskFields(json);
  }

  /** {@link #toJson()} as text, nulls kept (AWS's events carry them). */
  public String toJsonString() {
    return Integrations.json(toJson());
  }

  private Map<String, Object> outcomeJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("allowed", allowed());
    out.put("status", outcome.status());
    if (outcome instanceof Outcome.Denied d) {
      out.put("gatewayResponseType", d.gatewayResponseType());
      out.put("errorType", d.errorType());
      out.put("decidedBy", d.decidedBy());
    }
    out.put("headers", outcome.headers());
    out.put("body", maskedBody(outcome.body()));
    return out;
  }

  /** An echo body is the event itself, credentials included, so a JSON body is masked like the event. */
  private static String maskedBody(String body) {
    try {
      Map<String, Object> json = dev.portcullis.engine.store.Json.mapper().readValue(body,
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
      return Integrations.json(Masking.maskFields(json));
    } catch (java.io.IOException | RuntimeException e) {
      return body;
    }
  }
}
