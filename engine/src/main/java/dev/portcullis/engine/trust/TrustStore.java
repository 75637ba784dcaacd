package dev.portcullis.engine.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The workspaces this user trusts on this machine, each by canonical path and SHA-256 of its
 * content: a moved file or a changed byte is asked about again. Kept as one line per trust in
 * {@code trusted-workspaces.txt} in the user's data folder ({@code -Dportcullis.trustDir} or
 * {@code PORTCULLIS_TRUST_DIR} override it, so tests use a temporary folder).
 */
public final class TrustStore {
  /** The system property that moves the store (tests, portable installs). */
  public static final String DIR_PROPERTY = "portcullis.trustDir";
  /** The environment variable that moves the store when the property is absent. */
  public static final String DIR_ENV = "PORTCULLIS_TRUST_DIR";
  private static final String FILE = "trusted-workspaces.txt";
  private final Path file;

  private TrustStore(Path dir) {
    this.file = dir.resolve(FILE);
  }

  /** The store in {@code dir}. */
  public static TrustStore in(Path dir) {
    return new TrustStore(dir);
  }

  /** The user's store: the override, else the platform's data folder for Portcullis. */
  public static TrustStore standard() {
    return new TrustStore(standardDir(System.getProperties()::getProperty, System::getenv));
  }

  static Path standardDir(Function<String, String> props, Function<String, String> env) {
    String override = props.apply(DIR_PROPERTY);
    if (override == null || override.isBlank()) {
      override = env.apply(DIR_ENV);
    }
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String home = props.apply("user.home");
    String os = String.valueOf(props.apply("os.name")).toLowerCase(Locale.ROOT);
    if (os.contains("win") && env.apply("APPDATA") != null) {
      return Path.of(env.apply("APPDATA"), "Portcullis");
    }
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Application Support", "Portcullis");
    }
    String xdg = env.apply("XDG_DATA_HOME");
    return xdg != null && !xdg.isBlank() ? Path.of(xdg, "portcullis") : Path.of(home, ".local", "share", "portcullis");
  }

  /** Where the store lives, for messages. */
  public Path file() {
    return file;
  }

  /** Whether this exact content at this path was trusted; an unreadable store trusts nothing. */
  public boolean isTrusted(Path workspace, byte[] content) {
    try {
      return entries().contains(key(workspace, content));
    } catch (IOException e) {
      return false;
    }
  }

  /** Trusts this content at this path (a save from Portcullis, or the user's yes); earlier trusts of the path are dropped. */
  public synchronized void trust(Path workspace, byte[] content) throws IOException {
    String key = key(workspace, content);
    String pathPart = key.substring(key.indexOf(' ') + 1);
    Set<String> kept = new LinkedHashSet<>();
    for (String e : entries()) {
      if (!e.substring(e.indexOf(' ') + 1).equals(pathPart)) {
        kept.add(e);
      }
    }
    kept.add(key);
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), "." + FILE, ".tmp");
    try {
      Files.write(temp, kept, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private Set<String> entries() throws IOException {
    if (!Files.exists(file)) {
      return Set.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return new LinkedHashSet<>(lines.stream().filter(l -> l.indexOf(' ') == 64).toList());
  }

  /** {@code SHA256 file-URI}: the URI escapes spaces and newlines, so one line is one entry. */
  static String key(Path workspace, byte[] content) {
    return sha256(content) + " " + canonical(workspace).toUri();
  }

  static Path canonical(Path workspace) {
    try {
      return workspace.toRealPath();
    } catch (IOException e) {
      return workspace.toAbsolutePath().normalize();
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
