package dev.portcullis.engine.rules.iam;

import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.store.Json;

/** Reads policy JSON in tests through the workspace mapper, so AWS's documented examples paste as they are. */
final class Policies {
  private Policies() {}

  static PolicyDocument parse(String json) {
    try {
      return Json.mapper().readValue(json, PolicyDocument.class);
    } catch (Exception e) {
      throw new IllegalArgumentException("test policy does not load: " + e.getMessage(), e);
    }
  }
}
