package dev.portcullis.engine.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a Portcullis user works with: the gateways they call, the callers they call them as,
 * saved requests with expectations, environments, and the emulated world the local gateway serves.
 *
 * <p>Variables resolve in one order, later wins: workspace {@code variables} &lt; the chosen
 * environment &lt; the request's own &lt; values given at run time. A request's caller is its own,
 * else its folder's, else the workspace's {@code defaultCaller}.
 */
public record Workspace(
    int schemaVersion,
    String name,
    String description,
    Map<String, String> variables,
    String defaultCaller,
    List<Gateway> gateways,
    List<Caller> callers,
    List<Folder> folders,
    List<SavedRequest> requests,
    List<Environment> environments,
    Emulator emulator) {

  /** The format this build writes; older files are migrated on read. */
  public static final int CURRENT_SCHEMA_VERSION = 1;

  public Workspace {
    Names.require(name, "workspace name");
    variables = variables == null ? Map.of() : new TreeMap<>(variables);
    gateways = Names.list(gateways);
    callers = Names.list(callers);
    folders = Names.list(folders);
    requests = Names.list(requests);
    environments = Names.list(environments);
    emulator = emulator == null ? Emulator.empty() : emulator;
    variables = java.util.Collections.unmodifiableMap(variables);
  }

  public Optional<Gateway> gateway(String name) {
    return gateways.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  public Optional<Caller> caller(String name) {
    return callers.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<SavedRequest> request(String name) {
    return requests.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public Optional<Environment> environment(String name) {
    return environments.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /**
   * This workspace as it is in environment {@code name}: each of the environment's callers in place
   * of the workspace's caller of the same name. Itself for no environment, or one without callers.
   */
  public Workspace inEnvironment(String name) {
    List<Caller> replacing = name == null ? List.of() : environment(name).map(Environment::callers).orElse(List.of());
    if (replacing.isEmpty()) {
      return this;
    }
    List<Caller> merged = callers.stream()
        .map(c -> replacing.stream().filter(r -> r.name().equals(c.name())).findFirst().orElse(c)).toList();
    return newBuilder().callers(merged).build();
  }

  public Optional<Folder> folder(String name) {
    return folders.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The caller a saved request runs as: its own, else its folder's, else the workspace default. */
  public Optional<String> effectiveCaller(SavedRequest request) {
    if (request.caller() != null) {
      return Optional.of(request.caller());
    }
    Optional<String> fromFolder = Optional.ofNullable(request.folder()).flatMap(this::folder).map(Folder::caller);
    return fromFolder.isPresent() ? fromFolder : Optional.ofNullable(defaultCaller);
  }

  /** A named group of saved requests whose requests inherit its caller unless they name one. */
  public record Folder(String name, String caller, String description) {
    public Folder {
      Names.require(name, "folder name");
    }
  }

  /** A builder for a new, empty workspace in the current schema version. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder starting from this workspace's values: change what differs, as OkHttp's {@code newBuilder()}. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * Builds a workspace by name rather than position; {@link #build()} runs the record's checks.
   * Unset components are null, which the record turns into its defaults.
   */
  public static final class Builder {
    private int schemaVersion;
    private String name;
    private String description;
    private Map<String, String> variables;
    private String defaultCaller;
    private List<Gateway> gateways;
    private List<Caller> callers;
    private List<Folder> folders;
    private List<SavedRequest> requests;
    private List<Environment> environments;
    private Emulator emulator;

    private Builder(String name) {
      this.schemaVersion = CURRENT_SCHEMA_VERSION;
      this.name = name;
    }

    private Builder(Workspace from) {
      this.schemaVersion = from.schemaVersion;
      this.name = from.name;
      this.description = from.description;
      this.variables = from.variables;
      this.defaultCaller = from.defaultCaller;
      this.gateways = from.gateways;
      this.callers = from.callers;
      this.folders = from.folders;
      this.requests = from.requests;
      this.environments = from.environments;
      this.emulator = from.emulator;
    }

    public Builder schemaVersion(int schemaVersion) {
      this.schemaVersion = schemaVersion;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder variables(Map<String, String> variables) {
      this.variables = variables;
      return this;
    }

    public Builder defaultCaller(String defaultCaller) {
      this.defaultCaller = defaultCaller;
      return this;
    }

    public Builder gateways(List<Gateway> gateways) {
      this.gateways = gateways;
      return this;
    }

    public Builder callers(List<Caller> callers) {
      this.callers = callers;
      return this;
    }

    public Builder folders(List<Folder> folders) {
      this.folders = folders;
      return this;
    }

    public Builder requests(List<SavedRequest> requests) {
      this.requests = requests;
      return this;
    }

    public Builder environments(List<Environment> environments) {
      this.environments = environments;
      return this;
    }

    public Builder emulator(Emulator emulator) {
      this.emulator = emulator;
      return this;
    }

    public Workspace build() {
      return new Workspace(schemaVersion, name, description, variables, defaultCaller, gateways, callers, folders, requests, environments, emulator);
    }
  }
}
