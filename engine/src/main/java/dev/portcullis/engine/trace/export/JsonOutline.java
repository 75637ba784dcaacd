package dev.portcullis.engine.trace.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.store.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON for viewers that may not import Jackson (the app): pretty text, and an outline of nodes to
 * show as a tree. Text that is not JSON is a value, never an exception: response bodies are often
 * HTML or plain text.
 */
public final class JsonOutline {
  private JsonOutline() {}

  /** One node: {@code value} is the scalar's text (strings unquoted), or a summary like {@code {3}} for containers. */
  public record Node(String key, String value, List<Node> children) {
    public Node {
      children = List.copyOf(children);
    }

    public boolean leaf() {
      return children.isEmpty();
    }
  }

  /** The JSON pretty-printed in the project's style, or {@code text} unchanged when it is not JSON. */
  public static String pretty(String text) {
    return parse(text).map(n -> Json.write(n).strip()).orElse(text == null ? "" : text);
  }

  /** Whether {@code text} is a JSON object or array. */
  public static boolean isJson(String text) {
    return parse(text).map(JsonNode::isContainerNode).orElse(false);
  }

  /** The document as an outline rooted at {@code rootKey}; empty when it is not JSON. */
  public static Optional<Node> outline(String rootKey, String text) {
    return parse(text).map(n -> node(rootKey, n));
  }

  private static Optional<JsonNode> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().readTree(text));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Node node(String key, JsonNode json) {
    List<Node> children = new ArrayList<>();
    if (json.isObject()) {
      for (Map.Entry<String, JsonNode> field : json.properties()) {
        children.add(node(field.getKey(), field.getValue()));
      }
      return new Node(key, "{" + children.size() + "}", children);
    }
    if (json.isArray()) {
      for (int i = 0; i < json.size(); i++) {
        children.add(node("[" + i + "]", json.get(i)));
      }
      return new Node(key, "[" + children.size() + "]", children);
    }
    return new Node(key, json.isTextual() ? json.asText() : json.toString(), List.of());
  }
}
