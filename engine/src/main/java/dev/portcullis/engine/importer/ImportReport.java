package dev.portcullis.engine.importer;

import java.util.List;
import java.util.Objects;

/**
 * What an import did, item by item: what was mapped and to what, what was left out and why, every
 * route whose protection could not be read (imported fail-closed, never open), every
 * {@code {{variable}}} that stands for something the source does not say, how the local world
 * stands in for what it cannot reach, and on a re-import what changed. Holds no secret values.
 */
public record ImportReport(
    String source,
    String kind,
    List<Item> mapped,
    List<Item> leftOut,
    List<UnreadableRoute> unreadable,
    List<Variable> variables,
    List<String> localEmulation,
    List<String> changes) {

  public ImportReport {
    Objects.requireNonNull(source, "a report names its source");
    kind = kind == null ? "unknown" : kind;
    mapped = List.copyOf(mapped);
    leftOut = List.copyOf(leftOut);
    unreadable = List.copyOf(unreadable);
    variables = List.copyOf(variables);
    localEmulation = List.copyOf(localEmulation);
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  /**
   * One thing in the source, and what became of it.
   *
   * @param at where in the source it is, or null when it is no one place (what the import itself adds)
   */
  public record Item(String subject, String detail, Location at) {
    public Item(String subject, String detail) {
      this(subject, detail, null);
    }
  }

  /**
   * A route imported as protected-but-unknown: its local stand-in denies everything.
   *
   * @param at where in the source the route is, or null
   */
  public record UnreadableRoute(String gateway, String route, String why, Location at) {
    public UnreadableRoute(String gateway, String route, String why) {
      this(gateway, route, why, null);
    }
  }

  /**
   * A place in a source file, as an editor opens it.
   *
   * @param file the file, relative to the imported file's folder (the imported file's own name for itself)
   * @param line 1-based: the line of the mapping's key, or where the list starts
   */
  public record Location(String file, int line) {
    public Location {
      java.util.Objects.requireNonNull(file, "a location names its file");
    }

    /** {@code file:line}, the form editors and terminals link. */
    @Override
    public String toString() {
      return file + ":" + line;
    }

    /** {@code " (file:line)"} after an item's text, or nothing for an item of no one place. */
    public static String after(Location at) {
      return at == null ? "" : " (" + at + ")";
    }
  }

  /**
   * A workspace variable the import introduced.
   *
   * @param origin where in the source it came from (a parameter without default, a nested stack's output, ...)
   * @param value the value the import gave it for the local world, or null when the user must fill it in
   */
  public record Variable(String name, String origin, String value) {}

  public ImportReport withChanges(List<String> newChanges) {
    return new ImportReport(source, kind, mapped, leftOut, unreadable, variables, localEmulation, newChanges);
  }

  /** The CLI's exit code: 0 imported, 1 imported with items left out or unreadable, 2 nothing importable. */
  public int exitCode(boolean importedAnything) {
    if (!importedAnything) {
      return 2;
    }
    return leftOut.isEmpty() && unreadable.isEmpty() ? 0 : 1;
  }

  /** The report as JSON, in the store's file format (2-space indent, a final newline). */
  public String json() {
    return dev.portcullis.engine.store.Json.write(this);
  }

  /** Plain text for a terminal, loudest first. */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("Imported ").append(source).append(" as ").append(kind).append('\n');
    if (!unreadable.isEmpty()) {
      b.append("\n!! ").append(unreadable.size()).append(" route(s) whose protection could not be read: imported as PROTECTED"
          + " (the local gateway denies every request to them); fix them before trusting results:\n");
      unreadable.forEach(u -> b.append("  !! ").append(u.gateway()).append(' ').append(u.route()).append(": ").append(u.why())
          .append(Location.after(u.at())).append('\n'));
    }
    section(b, "Mapped", mapped);
    section(b, "Left out", leftOut);
    if (!variables.isEmpty()) {
      b.append("\nVariables (").append(variables.size()).append("):\n");
      variables.forEach(v -> b.append("  {{").append(v.name()).append("}} from ").append(v.origin())
          .append(v.value() == null ? "; not resolved: set it in the workspace or an environment" : "; local value " + v.value()).append('\n'));
    }
    list(b, "Local emulation", localEmulation);
    list(b, "Changes", changes);
    return b.toString();
  }

  private static void section(StringBuilder b, String title, List<Item> items) {
    if (items.isEmpty()) {
      return;
    }
    b.append('\n').append(title).append(" (").append(items.size()).append("):\n");
    items.forEach(i -> b.append("  ").append(i.subject()).append(": ").append(i.detail()).append(Location.after(i.at())).append('\n'));
  }

  private static void list(StringBuilder b, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    b.append('\n').append(title).append(":\n");
    lines.forEach(l -> b.append("  ").append(l).append('\n'));
  }
}
