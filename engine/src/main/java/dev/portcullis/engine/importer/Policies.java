package dev.portcullis.engine.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.store.Json;

/** Resource policies from sources: intrinsics resolved, {@code execute-api:/...} expanded, read through the store's policy format. */
public final class Policies {
  /**
   * What {@code execute-api:/...} expands to when the source does not give the API's region, account and id: the
   * shorthand names the API the policy is attached to, and a policy belongs to one gateway, so any API matches.
   * (A made-up id would match no request of the local gateway, whose API id is the gateway's own.)
   */
  public static final String THIS_API = "arn:aws:execute-api:*:*:*";

  private Policies() {}

  /**
   * The policy, or null when it cannot be read (then the report says so).
   *
   * @param arnPrefix e.g. {@code arn:aws:execute-api:us-east-1:123456789012:apiId}, which
   *     {@code execute-api:} shorthand expands to, as API Gateway does on import
   */
  public static PolicyDocument read(JsonNode raw, Intrinsics ix, String where, String arnPrefix) {
    JsonNode tree = ix.resolveTree(raw, where);
    if (tree != null && tree.isTextual()) {
      try {
        tree = Json.mapper().readTree(tree.asText());
      } catch (java.io.IOException e) {
        ix.context().leftOut(where, "the resource policy is a string that is not JSON, so it was not imported");
        return null;
      }
    }
    if (tree == null || !tree.isObject()) {
      return null;
    }
    expand(tree, arnPrefix);
    try {
      return Json.mapper().treeToValue(tree, PolicyDocument.class);
    } catch (java.io.IOException | IllegalArgumentException e) {
      ix.context().leftOut(where, "the resource policy could not be read (" + firstLine(e.getMessage()) + "), so it was not imported");
      return null;
    }
  }

  private static void expand(JsonNode n, String arnPrefix) {
    if (n instanceof ObjectNode o) {
      o.fields().forEachRemaining(e -> {
        if (e.getValue().isTextual() && e.getValue().asText().startsWith("execute-api:/")) {
          e.setValue(TextNode.valueOf(arnPrefix + e.getValue().asText().substring("execute-api:".length())));
        } else {
          expand(e.getValue(), arnPrefix);
        }
      });
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual() && a.get(i).asText().startsWith("execute-api:/")) {
          a.set(i, TextNode.valueOf(arnPrefix + a.get(i).asText().substring("execute-api:".length())));
        } else {
          expand(a.get(i), arnPrefix);
        }
      }
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no details";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
