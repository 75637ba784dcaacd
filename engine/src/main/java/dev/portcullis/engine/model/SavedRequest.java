package dev.portcullis.engine.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A request to one gateway, saved with what it is expected to get.
 *
 * @param path the path after the stage (e.g. {@code /partners/{{partnerId}}/transactions})
 * @param caller null to inherit from the folder or workspace
 * @param variables request-level variables, over the environment's
 * @param clockSkewSeconds sign as if the caller's clock were off by this much (SigV4 skew cases)
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
    Expectation expect) {

  public SavedRequest {
    Names.require(name, "request name");
    Names.require(gateway, "request '" + name + "' gateway");
    Names.require(method, "request '" + name + "' method");
    Names.require(path, "request '" + name + "' path");
    query = sorted(query);
    headers = sorted(headers);
    variables = sorted(variables);
  }

  private static Map<String, String> sorted(Map<String, String> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
