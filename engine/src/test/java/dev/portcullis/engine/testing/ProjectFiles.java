package dev.portcullis.engine.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the project's own files and the third-party data in shared/. */
public final class ProjectFiles {
  private ProjectFiles() {}

  public static Path root() {
    String prop = System.getProperty("portcullis.root");
    Path p = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("profiles"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find the project root (a folder with profiles/) from " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  public static Path demo() {
    return root().resolve("profiles/payments-demo.json");
  }

  public static Path shared() {
    String prop = System.getProperty("portcullis.shared");
    return prop != null ? Path.of(prop) : root().resolve("../shared").normalize();
  }
}
