package dev.portcullis.engine.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named deployment of the workspace (local, staging, prod ...): its {@code {{variables}}}, and
 * the callers that stand in for the workspace's callers of the same name there, since a caller's
 * identity provider differs by deployment (a local pool and fixture keys at home, the real pool,
 * issuer, AWS profile and key references on AWS).
 */
public record Environment(String name, Map<String, String> variables, List<Caller> callers) {
  public Environment {
    Names.require(name, "environment name");
    variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(variables));
    callers = Names.list(callers);
  }

  public Environment(String name, Map<String, String> variables) {
    this(name, variables, List.of());
  }
}
