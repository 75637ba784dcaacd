package dev.portcullis.engine.importer.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;

/** The logical id a property points at ({@code !Ref X}, {@code !GetAtt X.Attr}), without resolving it. */
public final class Refs {
  private Refs() {}

  /** The logical id behind a Ref or GetAtt, or null for anything else. */
  public static String target(JsonNode n) {
    if (n == null || !n.isObject()) {
      return null;
    }
    if (n.has("Ref") && n.get("Ref").isTextual()) {
      String ref = n.get("Ref").asText();
      int dot = ref.indexOf('.');
      return dot > 0 ? ref.substring(0, dot) : ref;
    }
    JsonNode att = n.get("Fn::GetAtt");
    if (att != null) {
      return att.isArray() ? att.path(0).asText(null) : att.asText().replaceAll("\\..*", "");
    }
    return null;
  }

  /** The attribute of a GetAtt ({@code RootResourceId}), or null. */
  public static String attribute(JsonNode n) {
    JsonNode att = n == null ? null : n.get("Fn::GetAtt");
    if (att == null) {
      return null;
    }
    if (att.isArray()) {
      return att.path(1).asText(null);
    }
    String s = att.asText();
    int dot = s.indexOf('.');
    return dot < 0 ? null : s.substring(dot + 1);
  }
}
