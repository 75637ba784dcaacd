package dev.portcullis.engine.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one import collects while it reads: mapped and left-out items, unreadable routes and the
 * variables it introduces. Not thread-safe; one per import.
 */
public final class ImportContext {
  private static final Pattern NOT_NAME = Pattern.compile("[^\\w.$-]");
  private final Path source;
  private final String display;
  private final String region;
  private final List<ImportReport.Item> mapped = new ArrayList<>();
  private final List<ImportReport.Item> leftOut = new ArrayList<>();
  private final List<ImportReport.UnreadableRoute> unreadable = new ArrayList<>();
  private final Map<String, ImportReport.Variable> variables = new LinkedHashMap<>();
  private final List<String> localEmulation = new ArrayList<>();

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
    mapped.add(new ImportReport.Item(subject, detail));
  }

  public void leftOut(String subject, String why) {
    leftOut.add(new ImportReport.Item(subject, why));
  }

  public void unreadable(String gateway, String route, String why) {
    unreadable.add(new ImportReport.UnreadableRoute(gateway, route, why));
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
