package dev.portcullis.engine.store;

import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{name}}} interpolation, in the one documented order, later wins: workspace variables,
 * then the chosen environment, then the request's own, then values given at run time.
 */
public final class Variables {
  private static final Pattern VAR = Pattern.compile("\\{\\{\\s*([\\w.$-]+)\\s*}}");

  /**
   * A value that starts with this is a placeholder an example environment carries until its user
   * fills it in (the demo's {@code aws-dev}: "fill in: set paymentsApiId to ..."); using it is an
   * error whose sentence is the rest of the value.
   */
  public static final String FILL_IN = "fill in:";
  private final Map<String, String> values;

  private Variables(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Variables of(Workspace ws, String environment, SavedRequest request, Map<String, String> runtime) {
    Map<String, String> merged = new LinkedHashMap<>(ws.variables());
    if (environment != null) {
      ws.environment(environment).ifPresent(e -> merged.putAll(e.variables()));
    }
    if (request != null) {
      merged.putAll(request.variables());
    }
    if (runtime != null) {
      merged.putAll(runtime);
    }
    return new Variables(merged);
  }

  public static Variables of(Map<String, String> values) {
    return new Variables(values);
  }

  public Map<String, String> values() {
    return values;
  }

  /** Replaces every {@code {{name}}}; an unknown name is an error that lists it. */
  public String apply(String text, String where) {
    if (text == null) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    List<String> toFill = new ArrayList<>();
    Matcher m = VAR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        missing.add(m.group(1));
        value = m.group();
      } else if (value.startsWith(FILL_IN)) {
        toFill.add(value.substring(FILL_IN.length()).strip());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    if (!toFill.isEmpty()) {
      throw new IllegalArgumentException(where + " is an example still to be completed: " + String.join("; ", toFill));
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(where + ": variable(s) " + String.join(", ", missing)
          + " are not defined in the workspace, the environment or the request.");
    }
    return out.toString();
  }

  /** The names a text refers to. */
  public static List<String> referenced(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = VAR.matcher(text == null ? "" : text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
