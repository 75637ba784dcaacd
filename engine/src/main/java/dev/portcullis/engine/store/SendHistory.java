package dev.portcullis.engine.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The last sends across sessions, newest first, in one file of the user's data folder. Entries hold
 * only masked text (the caller of {@link #add} masks the URL and the trace), so the file is as safe
 * to keep as a trace export. A file that does not parse is set aside and history starts again.
 */
public final class SendHistory {
  /** How many sends are kept across sessions. */
  public static final int KEEP = 100;

  private final Path file;
  private final int keep;

  /**
   * One send.
   *
   * @param outcome {@code allowed}, {@code denied} or {@code no answer}
   * @param traceJson the trace as exported (masked), to reopen it
   */
  public record Entry(Instant at, String request, String method, String url, String caller, int status, String outcome,
      String decidedBy, String headline, String traceJson) {
    public Entry {
      Objects.requireNonNull(at, "history entry time");
      Objects.requireNonNull(request, "history entry request");
    }
  }

  /** The file's form of an entry: the time as ISO-8601 text (the shared mapper has no java.time module). */
  private record Stored(String at, String request, String method, String url, String caller, int status, String outcome,
      String decidedBy, String headline, String traceJson) {
    static Stored of(Entry e) {
      return new Stored(e.at().toString(), e.request(), e.method(), e.url(), e.caller(), e.status(), e.outcome(), e.decidedBy(),
          e.headline(), e.traceJson());
    }

    Entry entry() {
      return new Entry(Instant.parse(at), request, method, url, caller, status, outcome, decidedBy, headline, traceJson);
    }
  }

  private SendHistory(Path file, int keep) {
    this.file = file;
    this.keep = keep;
  }

  public static SendHistory at(Path file) {
    return new SendHistory(file, KEEP);
  }

  /** The entries, newest first; empty when there is no file yet or it cannot be read. */
  public synchronized List<Entry> entries() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return Json.mapper().readValue(Files.readAllBytes(file), new TypeReference<List<Stored>>() {}).stream().map(Stored::entry).toList();
    } catch (IOException | RuntimeException e) {
      setAside();
      return List.of();
    }
  }

  /** Puts {@code entry} first and keeps the newest {@link #KEEP}; written atomically. */
  public synchronized List<Entry> add(Entry entry) throws IOException {
    List<Entry> now = new ArrayList<>(entries());
    now.addFirst(entry);
    List<Entry> kept = List.copyOf(now.subList(0, Math.min(keep, now.size())));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".history", ".tmp");
    try {
      Files.writeString(temp, Json.write(kept.stream().map(Stored::of).toList()), StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return kept;
  }

  private void setAside() {
    try {
      Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // nothing to do: the next add overwrites it
    }
  }
}
