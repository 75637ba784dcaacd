package dev.portcullis.engine.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request to one gateway, saved with what it is expected to get.
 *
 * @param path the path after the stage (e.g. {@code /partners/{{partnerId}}/transactions})
 * @param caller null to inherit from the folder or workspace
 * @param variables request-level variables, over the environment's
 * @param clockSkewSeconds sign as if the caller's clock were off by this much (SigV4 skew cases)
 * @param dependsOn saved requests (by name) to send first, in order, because this one needs the state they
 *     leave behind (an authoriser's cached policy, a spent quota); empty for most
 */
public record SavedRequest(
    String name,
    String folder,
    String description,
    String gateway,
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String body,
    String caller,
    Map<String, String> variables,
    Integer clockSkewSeconds,
    Expectation expect,
    List<String> dependsOn) {

  public SavedRequest {
    Names.require(name, "request name");
    Names.require(gateway, "request '" + name + "' gateway");
    Names.require(method, "request '" + name + "' method");
    Names.require(path, "request '" + name + "' path");
    query = sorted(query);
    headers = sorted(headers);
    variables = sorted(variables);
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    if (dependsOn.contains(name)) {
      throw new IllegalArgumentException("request '" + name + "' depends on itself; remove its own name from dependsOn");
    }
  }

  /** A request that depends on nothing (the usual case). */
  public SavedRequest(String name, String folder, String description, String gateway, String method, String path,
      Map<String, String> query, Map<String, String> headers, String body, String caller, Map<String, String> variables,
      Integer clockSkewSeconds, Expectation expect) {
    this(name, folder, description, gateway, method, path, query, headers, body, caller, variables, clockSkewSeconds, expect, null);
  }

  private static Map<String, String> sorted(Map<String, String> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
