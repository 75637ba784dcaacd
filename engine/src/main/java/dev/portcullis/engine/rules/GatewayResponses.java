package dev.portcullis.engine.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.portcullis.engine.rules.Ruling.Outcome.Denied;
import dev.portcullis.engine.store.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway's error answers (spec §1): REST sends {@code x-amzn-RequestId}, {@code x-amz-apigw-id}
 * and {@code x-amzn-ErrorType}; HTTP APIs send {@code apigw-requestid} and no error type (§1.3).
 * Bodies are the default template {@code {"message":$context.error.messageString}} (§1.1), unless the
 * API customises the response type ({@link CustomGatewayResponses}).
 */
final class GatewayResponses {
  static final String JSON = "application/json";

  private GatewayResponses() {}

  /** {@code {"message":"..."}}, with the message JSON-escaped; a null message gives {@code null}. */
  static String message(String message) {
    return "{\"message\":" + quote(message) + "}";
  }

  static String quote(String text) {
    try {
      return Json.mapper().writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always serialises", e);
    }
  }

  /** A refusal shaped for the exchange's flavour; {@code errorType} is dropped for HTTP APIs. */
  static Denied deny(PipelineState ex, int status, String gatewayResponseType, String errorType, String body,
      String decidedBy, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(baseHeaders(ex.rest(), ex.requestId));
    headers.put("Content-Type", JSON);
    if (ex.rest() && errorType != null) {
      headers.put("x-amzn-ErrorType", errorType);
    }
    headers.putAll(extraHeaders);
    return CustomGatewayResponses.apply(ex,
        new Denied(status, gatewayResponseType, ex.rest() ? errorType : null, body, headers, decidedBy));
  }

  static Denied deny(PipelineState ex, int status, String type, String errorType, String body, String decidedBy) {
    return deny(ex, status, type, errorType, body, decidedBy, Map.of());
  }

  /** The request-id headers every answer carries, error or not. */
  static Map<String, String> baseHeaders(boolean rest, String requestId) {
    if (!rest) {
      return Map.of("apigw-requestid", requestId);
    }
    return Map.of("x-amzn-RequestId", requestId, "x-amz-apigw-id", RequestIds.apigwId(requestId));
  }

  // The shapes used by more than one check.

  static Denied unauthorized(PipelineState ex, String decidedBy) {
    return deny(ex, 401, "UNAUTHORIZED", "UnauthorizedException", message("Unauthorized"), decidedBy);
  }

  /** REST 500 for a failed Lambda authoriser; the body is {@code {"message": null}} in captures (spec §1.2). */
  static Denied authorizerFailure(PipelineState ex, String type, String decidedBy) {
    String body = ex.rest() ? "{\"message\":null}" : message("Internal Server Error");
    return deny(ex, 500, type, "AuthorizerConfigurationException", body, decidedBy);
  }

  static Denied forbiddenHttp(PipelineState ex, String decidedBy) {
    return deny(ex, 403, "ACCESS_DENIED", null, message("Forbidden"), decidedBy);
  }
}
