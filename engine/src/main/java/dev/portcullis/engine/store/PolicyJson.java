package dev.portcullis.engine.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.PolicyDocument.Effect;
import dev.portcullis.engine.model.PolicyDocument.PolicyPrincipal;
import dev.portcullis.engine.model.PolicyDocument.PolicyStatement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * IAM policies as AWS writes them ({@code Version}, {@code Statement}, {@code Effect} ...), so a
 * policy pasted from the console loads as it is. AWS's string-or-array values are read either way
 * and always written as arrays.
 */
final class PolicyJson {
  private PolicyJson() {}

  static final class Serializer extends JsonSerializer<PolicyDocument> {
    @Override
    public void serialize(PolicyDocument doc, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      gen.writeStringField("Version", doc.version());
      gen.writeArrayFieldStart("Statement");
      for (PolicyStatement s : doc.statements()) {
        writeStatement(s, gen);
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }

    private static void writeStatement(PolicyStatement s, JsonGenerator gen) throws IOException {
      gen.writeStartObject();
      if (s.sid() != null) {
        gen.writeStringField("Sid", s.sid());
      }
      gen.writeStringField("Effect", s.effect().name());
      if (s.principal() != null) {
        gen.writeFieldName("Principal");
        writePrincipal(s.principal(), gen);
      }
      if (s.notPrincipal() != null) {
        gen.writeFieldName("NotPrincipal");
        writePrincipal(s.notPrincipal(), gen);
      }
      writeList("Action", s.actions(), gen);
      writeList("NotAction", s.notActions(), gen);
      writeList("Resource", s.resources(), gen);
      writeList("NotResource", s.notResources(), gen);
      if (!s.conditions().isEmpty()) {
        gen.writeObjectFieldStart("Condition");
        for (var op : new TreeMap<>(s.conditions()).entrySet()) {
          gen.writeObjectFieldStart(op.getKey());
          for (var key : new TreeMap<>(op.getValue()).entrySet()) {
            writeList(key.getKey(), key.getValue(), gen);
          }
          gen.writeEndObject();
        }
        gen.writeEndObject();
      }
      gen.writeEndObject();
    }

    private static void writePrincipal(PolicyPrincipal p, JsonGenerator gen) throws IOException {
      if (p.any()) {
        gen.writeString("*");
        return;
      }
      gen.writeStartObject();
      for (var e : new TreeMap<>(p.ids()).entrySet()) {
        writeList(e.getKey(), e.getValue(), gen);
      }
      gen.writeEndObject();
    }

    private static void writeList(String field, List<String> values, JsonGenerator gen) throws IOException {
      if (values.isEmpty()) {
        return;
      }
      gen.writeArrayFieldStart(field);
      for (String v : values) {
        gen.writeString(v);
      }
      gen.writeEndArray();
    }
  }

  static final class Deserializer extends JsonDeserializer<PolicyDocument> {
    @Override
    public PolicyDocument deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = ctxt.readTree(p);
      if (!node.isObject()) {
        return (PolicyDocument) ctxt.reportInputMismatch(PolicyDocument.class, "an IAM policy must be a JSON object with Version and Statement");
      }
      requireOnly(node, ctxt, "policy", "Version", "Id", "Statement");
      List<PolicyStatement> statements = new ArrayList<>();
      for (JsonNode s : arrayOf(node.get("Statement"))) {
        statements.add(statement(s, ctxt));
      }
      return new PolicyDocument(text(node.get("Version")), statements);
    }

    private static PolicyStatement statement(JsonNode s, DeserializationContext ctxt) throws IOException {
      requireOnly(s, ctxt, "policy statement", "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
          "Resource", "NotResource", "Condition");
      String effect = text(s.get("Effect"));
      if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
        ctxt.reportInputMismatch(PolicyDocument.class, "a policy statement's Effect must be Allow or Deny, not %s", effect);
      }
      if (s.has("Principal") && s.has("NotPrincipal")) {
        ctxt.reportInputMismatch(PolicyDocument.class, "a policy statement has Principal or NotPrincipal, not both");
      }
      Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
      JsonNode cond = s.get("Condition");
      if (cond != null) {
        for (Iterator<Map.Entry<String, JsonNode>> ops = cond.fields(); ops.hasNext(); ) {
          var op = ops.next();
          Map<String, List<String>> keys = new LinkedHashMap<>();
          op.getValue().fields().forEachRemaining(k -> keys.put(k.getKey(), strings(k.getValue())));
          conditions.put(op.getKey(), keys);
        }
      }
      return new PolicyStatement(text(s.get("Sid")), Effect.valueOf(effect), principal(s.get("Principal")),
          strings(s.get("Action")), strings(s.get("NotAction")), strings(s.get("Resource")),
          strings(s.get("NotResource")), conditions, principal(s.get("NotPrincipal")));
    }

    private static PolicyPrincipal principal(JsonNode node) {
      if (node == null) {
        return null;
      }
      if (node.isTextual() && "*".equals(node.asText())) {
        return PolicyPrincipal.anyone();
      }
      Map<String, List<String>> ids = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> ids.put(e.getKey(), strings(e.getValue())));
      return new PolicyPrincipal(false, ids);
    }

    private static void requireOnly(JsonNode node, DeserializationContext ctxt, String what, String... allowed)
        throws IOException {
      List<String> known = List.of(allowed);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!known.contains(name)) {
          ctxt.reportInputMismatch(PolicyDocument.class, "unknown field '%s' in a %s (known: %s)", name, what,
              String.join(", ", known));
        }
      }
    }

    private static List<JsonNode> arrayOf(JsonNode node) {
      List<JsonNode> out = new ArrayList<>();
      if (node == null) {
        return out;
      }
      if (node.isArray()) {
        node.forEach(out::add);
      } else {
        out.add(node);
      }
      return out;
    }

    private static List<String> strings(JsonNode node) {
      return arrayOf(node).stream().map(JsonNode::asText).toList();
    }

    private static String text(JsonNode node) {
      return node == null || node.isNull() ? null : node.asText();
    }
  }
}
