package dev.portcullis.engine.model;

import java.util.Map;
import java.util.TreeMap;

/** A named set of {@code {{variables}}} (local, staging, prod ...). */
public record Environment(String name, Map<String, String> variables) {
  public Environment {
    Names.require(name, "environment name");
    variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(variables));
  }
}
