package dev.portcullis.app.ui.edit;

import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The workbench's edits to a workspace's saved requests and folders, as pure functions: each takes
 * a workspace and returns the changed copy, so the view-model keeps the last saved copy to compare
 * with and a test needs no toolkit. Bad input (a taken or blank name) is one sentence.
 */
public final class WorkspaceEdits {
  private WorkspaceEdits() {}

  /** {@code request} in place of the one named {@code name} (same position), or appended when there is none. */
  public static Workspace put(Workspace ws, String name, SavedRequest request) {
    List<SavedRequest> list = new ArrayList<>(ws.requests());
    int at = indexOf(ws, name);
    if (!request.name().equals(name) && ws.request(request.name()).isPresent()) {
      throw new IllegalArgumentException("there is already a saved request named '" + request.name() + "'");
    }
    if (at < 0) {
      list.add(request);
    } else {
      list.set(at, request);
    }
    return withRequests(ws, list);
  }

  /** Without the saved request named {@code name}; unchanged when there is none. */
  public static Workspace remove(Workspace ws, String name) {
    return withRequests(ws, ws.requests().stream().filter(r -> !r.name().equals(name)).toList());
  }

  /** The request renamed, in its place; the requests that depend on it name it by its new name. */
  public static Workspace rename(Workspace ws, String name, String newName) {
    String wanted = newName == null ? "" : newName.strip();
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("a saved request needs a name");
    }
    SavedRequest r = require(ws, name);
    Workspace renamed = put(ws, name, copy(r, wanted, r.folder()));
    // requests that must be sent after this one name it in dependsOn: they follow the new name
    return withRequests(renamed, renamed.requests().stream().map(x -> !x.dependsOn().contains(name) ? x
        : x.newBuilder().dependsOn(x.dependsOn().stream().map(d -> d.equals(name) ? wanted : d).toList()).build()).toList());
  }

  /** A copy of the request right after it, named "NAME copy" (or "NAME copy 2" ...). */
  public static Workspace duplicate(Workspace ws, String name) {
    SavedRequest r = require(ws, name);
    List<SavedRequest> list = new ArrayList<>(ws.requests());
    list.add(indexOf(ws, name) + 1, copy(r, uniqueName(ws, name + " copy"), r.folder()));
    return withRequests(ws, list);
  }

  /** The name {@link #duplicate} gives the copy of {@code name}. */
  public static String duplicateName(Workspace ws, String name) {
    return uniqueName(ws, name + " copy");
  }

  /** The request moved into {@code folder} (null or empty: no folder); the folder is created when new. */
  public static Workspace move(Workspace ws, String name, String folder) {
    String target = folder == null || folder.isBlank() ? null : folder.strip();
    Workspace with = target == null || ws.folder(target).isPresent() ? ws : addFolder(ws, target);
    SavedRequest r = require(with, name);
    return put(with, name, copy(r, r.name(), target));
  }

  /**
   * A drag in the tree: the request {@code name} dropped on {@code before} goes into that request's
   * folder, just before it; dropped on a folder ({@code before} null) it goes last in {@code folder}
   * (null or empty: outside any folder). Dropped on itself, nothing changes.
   */
  public static Workspace place(Workspace ws, String name, String folder, String before) {
    SavedRequest r = require(ws, name);
    if (name.equals(before)) {
      return ws;
    }
    String target = before != null ? require(ws, before).folder() : folder == null || folder.isBlank() ? null : folder.strip();
    if (target != null && ws.folder(target).isEmpty()) {
      throw new IllegalArgumentException("there is no folder named '" + target + "'");
    }
    List<SavedRequest> list = new ArrayList<>(ws.requests());
    list.remove(indexOf(ws, name));
    int at = list.size();
    for (int i = 0; i < list.size(); i++) {
      if (before != null ? list.get(i).name().equals(before) : Objects.equals(list.get(i).folder(), target)) {
        at = before != null ? i : i + 1; // before the one dropped on, or after the folder's last
        if (before != null) {
          break;
        }
      }
    }
    list.add(at, copy(r, r.name(), target));
    return withRequests(ws, list);
  }

  /** A new, empty folder; its requests will inherit the workspace's default caller until it names one. */
  public static Workspace addFolder(Workspace ws, String name) {
    String wanted = name == null ? "" : name.strip();
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("a folder needs a name");
    }
    if (ws.folder(wanted).isPresent()) {
      throw new IllegalArgumentException("there is already a folder named '" + wanted + "'");
    }
    List<Workspace.Folder> folders = new ArrayList<>(ws.folders());
    folders.add(new Workspace.Folder(wanted, null, null));
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), ws.gateways(),
        ws.callers(), folders, ws.requests(), ws.environments(), ws.emulator());
  }

  /** {@code base}, or {@code base 2}, {@code base 3} ... whichever no saved request has yet. */
  public static String uniqueName(Workspace ws, String base) {
    if (ws.request(base).isEmpty()) {
      return base;
    }
    for (int i = 2; ; i++) {
      String candidate = base + " " + i;
      if (ws.request(candidate).isEmpty()) {
        return candidate;
      }
    }
  }

  /** The request with another name and folder, everything else kept. */
  public static SavedRequest copy(SavedRequest r, String name, String folder) {
    return r.newBuilder().name(name).folder(folder).build();
  }

  private static SavedRequest require(Workspace ws, String name) {
    return ws.request(name).orElseThrow(() -> new IllegalArgumentException("there is no saved request named '" + name + "'"));
  }

  private static int indexOf(Workspace ws, String name) {
    for (int i = 0; i < ws.requests().size(); i++) {
      if (Objects.equals(ws.requests().get(i).name(), name)) {
        return i;
      }
    }
    return -1;
  }

  private static Workspace withRequests(Workspace ws, List<SavedRequest> requests) {
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), ws.gateways(),
        ws.callers(), ws.folders(), requests, ws.environments(), ws.emulator());
  }
}
