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

  /** A builder for a new saved request: what it calls; the rest is optional. */
  public static Builder builder(String name, String gateway, String method, String path) {
    return new Builder(name, gateway, method, path);
  }

  /** A builder starting from this saved request's values: change what differs, as OkHttp's {@code newBuilder()}. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * Builds a saved request by name rather than position; {@link #build()} runs the record's checks.
   * Unset components are null, which the record turns into its defaults.
   */
  public static final class Builder {
    private String name;
    private String folder;
    private String description;
    private String gateway;
    private String method;
    private String path;
    private Map<String, String> query;
    private Map<String, String> headers;
    private String body;
    private String caller;
    private Map<String, String> variables;
    private Integer clockSkewSeconds;
    private Expectation expect;
    private List<String> dependsOn;

    private Builder(String name, String gateway, String method, String path) {
      this.name = name;
      this.gateway = gateway;
      this.method = method;
      this.path = path;
    }

    private Builder(SavedRequest from) {
      this.name = from.name;
      this.folder = from.folder;
      this.description = from.description;
      this.gateway = from.gateway;
      this.method = from.method;
      this.path = from.path;
      this.query = from.query;
      this.headers = from.headers;
      this.body = from.body;
      this.caller = from.caller;
      this.variables = from.variables;
      this.clockSkewSeconds = from.clockSkewSeconds;
      this.expect = from.expect;
      this.dependsOn = from.dependsOn;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder folder(String folder) {
      this.folder = folder;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder gateway(String gateway) {
      this.gateway = gateway;
      return this;
    }

    public Builder method(String method) {
      this.method = method;
      return this;
    }

    public Builder path(String path) {
      this.path = path;
      return this;
    }

    public Builder query(Map<String, String> query) {
      this.query = query;
      return this;
    }

    public Builder headers(Map<String, String> headers) {
      this.headers = headers;
      return this;
    }

    public Builder body(String body) {
      this.body = body;
      return this;
    }

    public Builder caller(String caller) {
      this.caller = caller;
      return this;
    }

    public Builder variables(Map<String, String> variables) {
      this.variables = variables;
      return this;
    }

    public Builder clockSkewSeconds(Integer clockSkewSeconds) {
      this.clockSkewSeconds = clockSkewSeconds;
      return this;
    }

    public Builder expect(Expectation expect) {
      this.expect = expect;
      return this;
    }

    public Builder dependsOn(List<String> dependsOn) {
      this.dependsOn = dependsOn;
      return this;
    }

    public SavedRequest build() {
      return new SavedRequest(name, folder, description, gateway, method, path, query, headers, body, caller, variables, clockSkewSeconds, expect,
          dependsOn);
    }
  }
}
