package dev.portcullis.engine.idp.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a derived key's prime searches ended last time, so that the next run confirms two primes
 * instead of searching for them again (the search is most of a local world's start).
 *
 * <p>A hint is four small numbers per (seed, label): for p and for q, which 128-byte draw of the
 * key's byte stream it grew from and how far above that draw it lies. It holds no key material:
 * the key still comes from the seed's stream, and {@link DerivedRsaKeys} accepts a hint only when
 * the number it points at passes the same primality test and checks as a searched one; anything
 * else (a damaged file, another format) means a search, as without hints. Entries are named by
 * SHA-256 of seed and label, so the file does not even list the workspaces. Every failure to read
 * or write it is silent: hints only save time.
 */
final class KeyHints {
  /** {@code -Dportcullis.dataDir}: the data folder, as for the send history (tests point it into target/). */
  static final String DIR_PROPERTY = "portcullis.dataDir";
  private static final String FILE = "derived-key-hints.txt";
  private static final int MAX_ENTRIES = 256;

  /** A prime's draw and offset above it, for p and for q. */
  record Hint(int pDraw, int pOffset, int qDraw, int qOffset) {
    private static final int LIMIT = 1 << 20;

    Hint {
      if (pDraw < 0 || qDraw <= pDraw || qDraw > LIMIT || pOffset <= 0 || pOffset > LIMIT || qOffset <= 0 || qOffset > LIMIT) {
        throw new IllegalArgumentException("not a key hint");
      }
    }
  }

  private final Path file;

  KeyHints(Path dir) {
    this.file = dir.resolve(FILE);
  }

  /** The user's hints: in {@code -Dportcullis.dataDir} when set, else the platform's folder for app data. */
  static KeyHints standard() {
    String override = System.getProperty(DIR_PROPERTY);
    if (override != null && !override.isBlank()) {
      return new KeyHints(Path.of(override));
    }
    String home = System.getProperty("user.home");
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String appData = System.getenv("APPDATA");
      return new KeyHints(Path.of(appData != null ? appData : home, "Portcullis"));
    }
    if (os.contains("mac")) {
      return new KeyHints(Path.of(home, "Library", "Application Support", "Portcullis"));
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return new KeyHints(xdg != null && !xdg.isBlank() ? Path.of(xdg, "portcullis") : Path.of(home, ".local", "share", "portcullis"));
  }

  Optional<Hint> find(String seed, String label) {
    String id = id(seed, label);
    for (String line : lines()) {
      if (line.startsWith(id + " ")) {
        return parse(line.substring(id.length() + 1));
      }
    }
    return Optional.empty();
  }

  synchronized void put(String seed, String label, Hint hint) {
    String id = id(seed, label);
    List<String> kept = new ArrayList<>();
    for (String line : lines()) {
      if (!line.startsWith(id + " ") && kept.size() < MAX_ENTRIES - 1) {
        kept.add(line);
      }
    }
    kept.add(0, id + " " + hint.pDraw() + " " + hint.pOffset() + " " + hint.qDraw() + " " + hint.qOffset());
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
      try {
        Files.write(temp, kept, StandardCharsets.UTF_8);
        // another process may write its hints at the same time: each file is whole, the last one stays
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException | RuntimeException e) {
      // a read-only or full data folder: the next run searches again
    }
  }

  private List<String> lines() {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of(); // none yet, or unreadable: no hints
    }
  }

  private static Optional<Hint> parse(String numbers) {
    String[] parts = numbers.strip().split(" ");
    if (parts.length != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Hint(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
          Integer.parseInt(parts[3])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String id(String seed, String label) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(seed.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return HexFormat.of().formatHex(sha.digest(label.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime but is missing", e);
    }
  }
}
