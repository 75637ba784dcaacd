package dev.portcullis.engine.trace.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.store.Json;
import dev.portcullis.engine.trace.Header;
import java.util.List;

/** A response as the explainer reads it: status, headers and body, nothing else. */
public record ObservedResponse(int status, List<Header> headers, String body) {
  public ObservedResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("response status " + status + " is not an HTTP status");
    }
    headers = headers == null ? List.of() : List.copyOf(headers);
    body = body == null ? "" : body;
  }

  /** The first value of a header, case-insensitive, or null. */
  public String header(String name) {
    return Header.first(headers, name);
  }

  /** {@code x-amzn-ErrorType} without the {@code :http://...} suffix AWS sometimes appends, or null. */
  public String errorType() {
    String type = header("x-amzn-ErrorType");
    return type == null ? null : type.split(":", 2)[0].strip();
  }

  /**
   * The error message: {@code message} (or {@code Message}, as Lambda-authoriser denies spell it)
   * from a JSON body, else the body itself; empty for {@code {"message": null}}.
   */
  public String message() {
    JsonNode node = json();
    if (node == null) {
      return body.strip();
    }
    JsonNode message = node.has("message") ? node.get("message") : node.path("Message");
    return message.isTextual() ? message.asText() : "";
  }

  /** True for the {@code {"message": null}} body REST Lambda-authoriser failures have been seen with. */
  public boolean messageIsNull() {
    JsonNode node = json();
    return node != null && node.has("message") && node.get("message").isNull();
  }

  private JsonNode json() {
    try {
      JsonNode node = Json.mapper().readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null; // not JSON: message() falls back to the raw body
    }
  }
}
