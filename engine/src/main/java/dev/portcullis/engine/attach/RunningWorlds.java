package dev.portcullis.engine.attach;

import dev.portcullis.engine.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * The records of running local worlds, one file per workspace, in the user's runtime folder:
 * {@code $XDG_RUNTIME_DIR/portcullis}, else {@code {java.io.tmpdir}/portcullis-{user}}, or the folder
 * named by the system property {@value #DIR_PROPERTY} (tests). A record whose process is gone is
 * stale: {@link #find} removes it and answers empty.
 */
public final class RunningWorlds {
  /** Overrides the folder (tests, or a user with several isolated setups). */
  public static final String DIR_PROPERTY = "portcullis.runtimeDir";

  private final Path directory;
  private final LongPredicate alive;

  private RunningWorlds(Path directory, LongPredicate alive) {
    this.directory = directory;
    this.alive = alive;
  }

  /** The user's folder, as described above. */
  public static RunningWorlds create() {
    return at(defaultDirectory());
  }

  public static RunningWorlds at(Path directory) {
    return new RunningWorlds(directory, pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }

  static RunningWorlds at(Path directory, LongPredicate alive) {
    return new RunningWorlds(directory, alive);
  }

  static Path defaultDirectory() {
    String override = System.getProperty(DIR_PROPERTY);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String xdg = System.getenv("XDG_RUNTIME_DIR");
    if (xdg != null && !xdg.isBlank() && Files.isDirectory(Path.of(xdg))) {
      return Path.of(xdg, "portcullis");
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "portcullis-" + System.getProperty("user.name", "user"));
  }

  /** How a workspace is known across processes: its file's absolute, normalised path, or {@code embeddedName} for the demo. */
  public static String key(Path workspaceFile, String embeddedName) {
    if (workspaceFile == null) {
      return "embedded:" + embeddedName;
    }
    Path absolute = workspaceFile.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath().toString();
    } catch (IOException e) {
      return absolute.toString();
    }
  }

  public Path directory() {
    return directory;
  }

  /** The live world of this workspace; a stale record is deleted on the way. */
  public Optional<WorldRecord> find(String workspaceKey) {
    Path file = file(workspaceKey);
    WorldRecord record;
    try {
      record = read(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      deleteQuietly(file); // unreadable: half-written by a crash, or an older format; no process can own it usefully
      return Optional.empty();
    }
    if (!record.workspace().equals(workspaceKey) || !alive.test(record.pid())) {
      deleteQuietly(file);
      return Optional.empty();
    }
    return Optional.of(record);
  }

  /**
   * Records a world; closing the handle removes the record.
   *
   * @throws AlreadyRunning when a live world of the same workspace is recorded
   */
  public Registration register(WorldRecord record) throws IOException {
    Optional<WorldRecord> running = find(record.workspace());
    if (running.isPresent()) {
      throw new AlreadyRunning(running.get());
    }
    Files.createDirectories(directory);
    restrict(directory, "rwx------");
    Path file = file(record.workspace());
    Path temp = Files.createTempFile(directory, "world-", ".tmp");
    Files.writeString(temp, Json.write(record.toJson()), StandardCharsets.UTF_8);
    try {
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file);
      }
    } catch (FileAlreadyExistsException e) {
      deleteQuietly(temp);
      throw new AlreadyRunning(find(record.workspace()).orElse(record));
    } finally {
      deleteQuietly(temp);
    }
    return new Registration(file, record);
  }

  private static WorldRecord read(Path file) throws IOException {
    try {
      return WorldRecord.fromJson(Json.mapper().readValue(Files.readAllBytes(file), java.util.Map.class));
    } catch (RuntimeException e) {
      throw new IOException("world record " + file + " is not readable: " + e.getMessage(), e);
    }
  }

  private Path file(String workspaceKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(workspaceKey.getBytes(StandardCharsets.UTF_8));
      return directory.resolve("world-" + HexFormat.of().formatHex(digest, 0, 8) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }

  private static void restrict(Path dir, String permissions) {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException | IOException e) {
      // Windows has no POSIX permissions; the folder is the user's own there
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // another process may hold it (Windows); the next reader sees it stale again
    }
  }

  /** A recorded world; {@link #close()} removes its record (only if it is still this world's). */
  public static final class Registration implements AutoCloseable {
    private final Path file;
    private final WorldRecord record;

    private Registration(Path file, WorldRecord record) {
      this.file = file;
      this.record = record;
    }

    public Path file() {
      return file;
    }

    @Override
    public void close() {
      try {
        WorldRecord current = read(file);
        if (current.pid() == record.pid() && current.startedAt().equals(record.startedAt())) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        // already gone
      }
    }
  }

  /** A second world for a workspace that already has a live one. */
  public static final class AlreadyRunning extends IOException {
    private final transient WorldRecord running;

    AlreadyRunning(WorldRecord running) {
      super("the local world of " + running.workspace() + " is already running (" + running.describe()
          + "); use it, or stop that process first");
      this.running = running;
    }

    public WorldRecord running() {
      return running;
    }
  }
}
