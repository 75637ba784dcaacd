package dev.portcullis.engine.rules;

import dev.portcullis.engine.http.PathSegments;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the route for a request as API Gateway does: literal segments beat {@code {param}}, which
 * beats {@code {proxy+}}; an exact method beats {@code ANY}; the HTTP API {@code $default} route
 * catches whatever nothing else matched. REST paths carry the stage ({@code /prod/...}); an HTTP
 * API's {@code $default} stage has no prefix.
 */
public final class RouteMatcher {
  private RouteMatcher() {}

  /** The stage prefix the gateway's paths start with, or empty for an HTTP {@code $default} stage. */
  public static String stagePrefix(Gateway gateway) {
    return gateway.flavor() == Gateway.Flavor.HTTP && gateway.stage().equals("$default") ? "" : "/" + gateway.stage();
  }

  /** The matching route, or empty (REST: Missing Authentication Token; HTTP: Not Found). */
  public static Optional<RouteMatch> match(Gateway gateway, String method, String rawPath) {
    String prefix = stagePrefix(gateway);
    if (!prefix.isEmpty() && !(rawPath.equals(prefix) || rawPath.startsWith(prefix + "/"))) {
      return Optional.empty();
    }
    String resourcePath = rawPath.substring(prefix.length());
    resourcePath = resourcePath.isEmpty() ? "/" : resourcePath;
    RequestPath segments = new RequestPath(segments(resourcePath));
    List<Candidate> candidates = new ArrayList<>();
    for (Route route : gateway.routes()) {
      if (route.method().equals("$default")) {
        continue;
      }
      if (route.method().equals(method) || route.method().equals("ANY")) {
        Map<String, String> params = new HashMap<>();
        List<String> template = template(route.path());
        if (matches(template, segments, params)) {
          candidates.add(new Candidate(route, params, score(template, route.method().equals("ANY"))));
        }
      }
    }
    String path = resourcePath;
    Optional<RouteMatch> best = candidates.stream().max(Comparator.comparing(Candidate::score, RouteMatcher::compare))
        .map(c -> new RouteMatch(c.route(), path, c.params()));
    if (best.isPresent() || gateway.flavor() == Gateway.Flavor.REST) {
      return best;
    }
    return gateway.routes().stream().filter(r -> r.method().equals("$default")).findFirst()
        .map(r -> new RouteMatch(r, path, Map.of()));
  }

  private record Candidate(Route route, Map<String, String> params, List<Integer> score) {}

  /**
   * A request's segments, each decoded once when a route first compares it (it was decoded again for
   * every route tried, a tenth of routing's cost under load, issue 19); raw for a greedy match's join.
   */
  private static final class RequestPath {
    final List<String> raw;
    private final String[] decoded;

    RequestPath(List<String> raw) {
      this.raw = raw;
      this.decoded = new String[raw.size()];
    }

    int size() {
      return raw.size();
    }

    String decoded(int i) {
      String d = decoded[i];
      if (d == null) {
        d = PathSegments.decode(raw.get(i));
        decoded[i] = d;
      }
      return d;
    }
  }

  /** Route paths' segments: a world's routes are split once, not on every request (issue 19). */
  private static final Map<String, List<String>> TEMPLATES = new ConcurrentHashMap<>();
  private static final int TEMPLATES_KEPT = 10_000;

  private static List<String> template(String routePath) {
    List<String> template = TEMPLATES.get(routePath);
    if (template == null) {
      if (TEMPLATES.size() >= TEMPLATES_KEPT) {
        TEMPLATES.clear();   // many imports in one long session: start over rather than grow
      }
      template = List.copyOf(segments(routePath));
      TEMPLATES.put(routePath, template);
    }
    return template;
  }

  private static boolean matches(List<String> template, RequestPath path, Map<String, String> params) {
    for (int i = 0; i < template.size(); i++) {
      String t = template.get(i);
      if (t.startsWith("{") && t.endsWith("+}")) {
        // Greedy: one or more remaining segments; API Gateway does not match it to nothing.
        if (i >= path.size()) {
          return false;
        }
        params.put(t.substring(1, t.length() - 2), PathSegments.decode(String.join("/", path.raw.subList(i, path.size()))));
        return i == template.size() - 1;
      }
      if (i >= path.size()) {
        return false;
      }
      if (t.startsWith("{") && t.endsWith("}")) {
        params.put(t.substring(1, t.length() - 1), path.decoded(i));
      } else if (!t.equals(path.decoded(i))) {
        return false;
      }
    }
    return template.size() == path.size();
  }

  /** Per segment 3 literal, 2 parameter, 1 greedy; a last element ranks exact methods over ANY. */
  private static List<Integer> score(List<String> template, boolean any) {
    List<Integer> score = new ArrayList<>();
    for (String t : template) {
      score.add(t.endsWith("+}") ? 1 : t.startsWith("{") ? 2 : 3);
    }
    score.add(any ? 0 : 1);
    return score;
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
