package dev.portcullis.app.ui;

import java.util.Objects;

/**
 * What a row of the workspace tree stands for, so selecting it, its context menu and the view's
 * choice of tab switch over one closed set instead of parsing a {@code "request:NAME"} string.
 */
public sealed interface TreeRef {
  /** A saved request, by name. */
  record Request(String name) implements TreeRef {
    public Request {
      Objects.requireNonNull(name, "request name");
    }
  }

  /** A caller, by name. */
  record Caller(String name) implements TreeRef {
    public Caller {
      Objects.requireNonNull(name, "caller name");
    }
  }

  /** A route of one API: {@code routeKey} as {@code Route.key()} spells it ({@code GET /me}). */
  record Route(String gateway, String routeKey) implements TreeRef {
    public Route {
      Objects.requireNonNull(gateway, "route gateway");
      Objects.requireNonNull(routeKey, "route key");
    }
  }

  /** A folder of saved requests; {@code name} empty for the "Saved requests" section itself. */
  record Folder(String name) implements TreeRef {
    public Folder {
      Objects.requireNonNull(name, "folder name");
    }
  }
}
