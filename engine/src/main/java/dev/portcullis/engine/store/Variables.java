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
   * fills it in (the demo's {@code aws-dev}: "fill in: the id of your payments REST API ..."); using
   * it is an error that names the variable and says what it is.
   */
  public static final String FILL_IN = "fill in:";

  /** How many times a value naming other variables is expanded in turn before it is a loop. */
  public static final int MAX_DEPTH = 8;
  private final Map<String, String> values;
  /** Texts already expanded without a fault: the values never change, and the gateway asks on every request. */
  private final Map<String, String> expanded = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int EXPANDED_MAX = 256;

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

  /**
   * Replaces every {@code {{name}}}; a value may itself name variables, expanded in turn (a workspace
   * variable {@code bankIssuer} of {@code {{idpBaseUrl}}/oidc/bank}). An unknown name is an error
   * that lists it; so is a placeholder still to be filled in, with what to set it to.
   */
  public String apply(String text, String where) {
    if (text == null || text.indexOf("{{") < 0) {
      // most texts name no variable; the gateway asks for each authoriser's issuer on every request
      return text;
    }
    String known = expanded.get(text);
    if (known != null) {
      return known;
    }
    List<String> missing = new ArrayList<>();
    List<String> toFill = new ArrayList<>();
    String current = text;
    for (int depth = 0; ; depth++) {
      String expanded = expandOnce(current, missing, toFill);
      boolean done = expanded.equals(current) || !missing.isEmpty() || !toFill.isEmpty();
      current = expanded;
      if (done) {
        break;
      }
      if (depth == MAX_DEPTH) {
        throw new IllegalArgumentException(where + ": its variables refer to each other in a loop (" + referenced(text) + ").");
      }
    }
    if (!toFill.isEmpty()) {
      throw new IllegalArgumentException(where + " is an example still to be completed: " + String.join("; ", toFill));
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(where + ": variable(s) " + String.join(", ", missing)
          + " are not defined in the workspace, the environment or the request.");
    }
    if (expanded.size() >= EXPANDED_MAX) {
      expanded.clear();
    }
    expanded.put(text, current);
    return current;
  }

  private String expandOnce(String text, List<String> missing, List<String> toFill) {
    Matcher m = VAR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        missing.add(m.group(1));
        value = m.group();
      } else if (value.startsWith(FILL_IN)) {
        toFill.add(fillIn(m.group(1), value));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String fillIn(String name, String placeholder) {
    return "set " + name + " to " + placeholder.substring(FILL_IN.length()).strip();
  }

  /**
   * The one sentence for environment {@code environment} while any of {@code names} still holds a
   * placeholder, naming each such variable and what it is; empty once every one is set.
   */
  public java.util.Optional<String> stillToFill(String environment, java.util.Collection<String> names) {
    List<String> toFill = new java.util.TreeSet<>(names).stream().filter(n -> values.getOrDefault(n, "").startsWith(FILL_IN))
        .map(n -> fillIn(n, values.get(n))).toList();
    return toFill.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("Environment '" + environment
        + "' is an example still to be completed for your AWS account: " + String.join("; ", toFill) + ".");
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
