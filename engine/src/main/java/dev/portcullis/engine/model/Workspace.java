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
}
