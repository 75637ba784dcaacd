package dev.portcullis.engine.handler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bootstraps Portcullis ships (engine resources {@code bootstrap.js}, {@code bootstrap.py}),
 * written once per JVM to a temporary file that a worker runs as its script: a file, not
 * {@code node -e}, so no platform's argument quoting can mangle it and {@code ps} shows what runs.
 */
final class Bootstraps {
  private static final Map<Runtimes.Family, Path> FILES = new ConcurrentHashMap<>();

  private Bootstraps() {}

  static String text(Runtimes.Family family) throws IOException {
    try (InputStream in = Bootstraps.class.getResourceAsStream(family.bootstrap)) {
      return new String(Objects.requireNonNull(in, family.bootstrap).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static synchronized Path file(Runtimes.Family family) throws IOException {
    Path existing = FILES.get(family);
    if (existing != null && Files.isRegularFile(existing)) {
      return existing;
    }
    String name = family.bootstrap;
    Path file = Files.createTempFile("portcullis-" + name.substring(0, name.indexOf('.')) + "-",
        name.substring(name.indexOf('.')));
    Files.writeString(file, text(family));
    file.toFile().deleteOnExit();
    FILES.put(family, file);
    return file;
  }
}
