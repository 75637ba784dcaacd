package dev.portcullis.engine.rules.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.PolicyDocument.Effect;
import dev.portcullis.engine.model.PolicyDocument.PolicyPrincipal;
import dev.portcullis.engine.model.PolicyDocument.PolicyStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads policy JSON in tests so AWS's documented examples can be pasted as they are. Test-only:
 * the workspace mapper lives in the store package and is not on this branch.
 */
final class Policies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Policies() {}

  static PolicyDocument parse(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      List<PolicyStatement> statements = new ArrayList<>();
      for (JsonNode s : list(root.get("Statement"))) {
        statements.add(statement(s));
      }
      return new PolicyDocument(text(root.get("Version")), statements);
    } catch (Exception e) {
      throw new IllegalArgumentException("test policy is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static PolicyStatement statement(JsonNode s) {
    Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
    JsonNode cond = s.get("Condition");
    if (cond != null) {
      cond.fields().forEachRemaining(op -> {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        op.getValue().fields().forEachRemaining(k -> keys.put(k.getKey(), strings(k.getValue())));
        conditions.put(op.getKey(), keys);
      });
    }
    return new PolicyStatement(text(s.get("Sid")), Effect.valueOf(text(s.get("Effect"))), principal(s.get("Principal")),
        strings(s.get("Action")), strings(s.get("NotAction")), strings(s.get("Resource")),
        strings(s.get("NotResource")), conditions, principal(s.get("NotPrincipal")));
  }

  private static PolicyPrincipal principal(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual() && node.asText().equals("*")) {
      return PolicyPrincipal.anyone();
    }
    Map<String, List<String>> ids = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> ids.put(e.getKey(), strings(e.getValue())));
    return new PolicyPrincipal(false, ids);
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(out::add);
    } else if (node != null) {
      out.add(node);
    }
    return out;
  }

  private static List<String> strings(JsonNode node) {
    return list(node).stream().map(JsonNode::asText).toList();
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.asText();
  }
}
