package dev.portcullis.engine.matrix;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SavedRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Matching saved requests to route templates, and requests made up for cells with none saved. */
final class RouteTemplates {
  /** What a path parameter becomes in a synthetic request. */
  static final String SAMPLE = "sample";
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  private RouteTemplates() {}

  /**
   * The route a saved request is for: same gateway, same method (or ANY), and a path the route's
   * template matches, where a {@code {{variable}}} segment of the request matches any parameter.
   * With several candidates the one with the most literal segments wins, as API Gateway picks.
   */
  static Optional<Map.Entry<Gateway, Route>> routeOf(SavedRequest r, List<Map.Entry<Gateway, Route>> routes) {
    return routes.stream()
        .filter(e -> e.getKey().name().equals(r.gateway()))
        .filter(e -> methodMatches(e.getValue().method(), r.method()) && pathMatches(e.getValue().path(), r.path()))
        .max(java.util.Comparator.comparingInt(e -> literalSegments(e.getValue())));
  }

  private static boolean methodMatches(String routeMethod, String method) {
    return routeMethod.equals("$default") || routeMethod.equals("ANY") || routeMethod.equalsIgnoreCase(method);
  }

  static boolean pathMatches(String template, String path) {
    if (template.equals("$default")) {
      return true;
    }
    String[] t = segments(template);
    String[] p = segments(path.replaceAll("\\?.*$", ""));
    for (int i = 0; i < t.length; i++) {
      if (t[i].endsWith("+}")) {
        return p.length > i; // greedy proxy: one or more segments
      }
      if (i >= p.length || !(isParam(t[i]) || t[i].equals(p[i]) || p[i].contains("{{"))) {
        return false;
      }
    }
    return t.length == p.length;
  }

  private static boolean isParam(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static int literalSegments(Route route) {
    return (int) java.util.Arrays.stream(segments(route.path())).filter(s -> !isParam(s)).count();
  }

  private static String[] segments(String path) {
    String trimmed = path.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
  }

  /** A request for a cell with no saved one: parameters filled with {@value #SAMPLE}, a JSON {@code {}} body where one belongs. */
  static SavedRequest synthetic(Gateway gateway, Route route, Caller caller) {
    String method = route.method().equals("$default") || route.method().equals("ANY") ? "GET" : route.method();
    String path = route.path().equals("$default") ? "/" : route.path().replaceAll("\\{[^/}]+}", SAMPLE);
    boolean body = WITH_BODY.contains(method);
    return SavedRequest.builder("matrix: " + route.key() + " as " + caller.name(), gateway.name(), method, path)
        .description("Made up by the matrix: no saved request covers this route and caller")
        .headers(body ? Map.of("content-type", "application/json") : Map.of()).body(body ? "{}" : null).caller(caller.name()).build();
  }
}
