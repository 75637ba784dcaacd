package dev.portcullis.engine.store;

import dev.portcullis.engine.model.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;

/** The embedded default workspace, {@code profiles/payments-demo.json}, shipped inside the engine jar. */
public final class DemoWorkspace {
  /** How the demo is named in messages and window titles. */
  public static final Path NAME = Path.of("payments-demo.json");
  private static final String RESOURCE = "/dev/portcullis/profiles/payments-demo.json";

  private DemoWorkspace() {}

  public static Workspace load() throws WorkspaceException {
    try (InputStream in = DemoWorkspace.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new WorkspaceException(NAME, java.util.List.of("the embedded demo is missing from this build (" + RESOURCE + ")."));
      }
      return WorkspaceStore.create(Clock.systemUTC()).parse(NAME, in.readAllBytes());
    } catch (IOException e) {
      throw new WorkspaceException(NAME, "the embedded demo cannot be read: " + e.getMessage(), e);
    }
  }
}
