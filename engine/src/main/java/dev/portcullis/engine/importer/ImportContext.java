package dev.portcullis.engine.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one import collects while it reads: mapped and left-out items, unreadable routes and the
 * variables it introduces. Not thread-safe; one per import.
 *
 * <p>Each item is placed where the reader stands when it is recorded: readers open {@link #at} on
 * the mapping they read (a resource, a path, an operation, a security scheme) and every item recorded
 * until it closes points at that mapping's line in its file ({@link ImportReport.Location}).
 */
public final class ImportContext {
  private static final Pattern NOT_NAME = Pattern.compile("[^\\w.$-]");
  private final Path source;
  private final String display;
  private final String region;
  private final List<ImportReport.Item> mapped = new ArrayList<>();
  private final SourcePlaces places = new SourcePlaces();
  private final List<ImportReport.Item> leftOut = new ArrayList<>();
  private final List<ImportReport.UnreadableRoute> unreadable = new ArrayList<>();
  private final Map<String, ImportReport.Variable> variables = new LinkedHashMap<>();
  private final List<String> localEmulation = new ArrayList<>();
  /** The files read, each with its nodes' lines; looked up only when an item is placed. */
  private final List<Lines> files = new ArrayList<>();
  /** Trees the importer rebuilt (intrinsics resolved, globals merged), each where its original is. */
  private final Map<JsonNode, ImportReport.Location> copies = new IdentityHashMap<>();
  private ImportReport.Location here;

  private record Lines(String file, Map<JsonNode, Integer> lines) {}

  /** Closes an {@link #at} scope; never throws. */
  public interface Place extends AutoCloseable {
    @Override
    void close();
  }

  public ImportContext(Path source, String region) {
    this(source, source.toString(), region);
  }

  /** For sources that are no file ({@code aws:REGION/API_ID}): {@code display} names them in the report. */
  public ImportContext(Path source, String display, String region) {
    this.source = source;
    this.display = display;
    this.region = region;
  }

  public Path source() {
    return source;
  }

  /** The region pseudo-parameters resolve to; null when the user gave none. */
  public String region() {
    return region;
  }

  public void mapped(String subject, String detail) {
    mapped.add(new ImportReport.Item(subject, detail, here));
  }

  public void leftOut(String subject, String why) {
    leftOut.add(new ImportReport.Item(subject, why, here));
  }

  public void unreadable(String gateway, String route, String why) {
    unreadable.add(new ImportReport.UnreadableRoute(gateway, route, why, here));
  }

  /**
   * Knows where the mappings, lists and strings of {@code doc} are, so that {@link #at} can place items read
   * from them; for the imported file and every file it includes.
   */
  public void read(SourceDocument doc) {
    files.add(new Lines(fileName(doc.path()), doc.lines()));
  }

  /** Where the workspace's routes and authorisers were read from, as the assembler names them. */
  public SourcePlaces places() {
    return places;
  }

  /** {@code copy} (a tree rebuilt from {@code original}, intrinsics resolved) is where {@code original} is. */
  public void sameAs(JsonNode copy, JsonNode original) {
    ImportReport.Location at = located(original);
    if (at != null && copy != null && copy != original) {
      copies.putIfAbsent(copy, at);
    }
  }

  /** Where {@code node} is in a file read here, or null for a node the importer built. */
  private ImportReport.Location located(JsonNode node) {
    if (node == null) {
      return null;
    }
    ImportReport.Location copied = copies.get(node);
    if (copied != null) {
      return copied;
    }
    for (Lines f : files) {
      Integer line = f.lines().get(node);
      if (line != null) {
        return new ImportReport.Location(f.file(), line);
      }
    }
    return null;
  }

  /**
   * Items recorded until the returned place is closed point at {@code node}'s line; a node of no
   * file read here (built by the importer) leaves them where they were. Scopes nest.
   */
  public Place at(JsonNode node) {
    return at(located(node));
  }

  /** What {@code read} gives, with its items placed at {@code node} (as {@link #at(JsonNode)}). */
  public <T> T at(JsonNode node, java.util.function.Supplier<T> read) {
    Place place = at(node);
    try {
      return read.get();
    } finally {
      place.close();
    }
  }

  /** {@code node}'s place, or where items go now when it has none ({@code cors: true} is no place of its own). */
  public ImportReport.Location placeOf(JsonNode node) {
    ImportReport.Location found = located(node);
    return found != null ? found : here;
  }

  /** As {@link #at(JsonNode)}, at a place found earlier ({@link #here()}); null leaves items where they were. */
  public Place at(ImportReport.Location place) {
    ImportReport.Location before = here;
    if (place != null) {
      here = place;
    }
    return () -> here = before;
  }

  /** Where items recorded now point, or null. */
  public ImportReport.Location here() {
    return here;
  }

  private String fileName(Path file) {
    try {
      Path base = source.toAbsolutePath().getParent();
      Path path = file.toAbsolutePath().normalize();
      if (base != null && path.startsWith(base.normalize())) {
        return base.normalize().relativize(path).toString().replace('\\', '/');
      }
    } catch (RuntimeException notAFile) {
      // a source that names no file (aws:REGION/API_ID): its own name
    }
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  public void localEmulation(String line) {
    if (!localEmulation.contains(line)) {
      localEmulation.add(line);
    }
  }

  /**
   * A {@code {{name}}} placeholder for something the source does not say, recorded with its origin
   * (the first origin wins). {@code value} is what the local world uses, or null.
   */
  public String variable(String rawName, String origin, String value) {
    String name = NOT_NAME.matcher(rawName).replaceAll("_");
    variables.putIfAbsent(name, new ImportReport.Variable(name, origin, value));
    return "{{" + name + "}}";
  }

  /** Gives a variable the value the local world uses (e.g. a local pool id standing in for the real one). */
  public void setLocalValue(String name, String value) {
    ImportReport.Variable v = variables.get(name);
    if (v != null) {
      variables.put(name, new ImportReport.Variable(name, v.origin(), value));
    }
  }

  public List<ImportReport.Variable> variables() {
    return List.copyOf(variables.values());
  }

  public ImportReport report(String kind) {
    return new ImportReport(display, kind, mapped, leftOut, unreadable, List.copyOf(variables.values()), localEmulation, List.of());
  }
}
