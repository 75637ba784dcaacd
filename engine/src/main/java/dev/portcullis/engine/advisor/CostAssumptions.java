package dev.portcullis.engine.advisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.store.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The cost model's inputs: defaults for every route, and the routes the user set apart. */
public record CostAssumptions(CostInputs defaults, Map<RouteRef, CostInputs> perRoute) {
  public static final CostAssumptions DEFAULTS = new CostAssumptions(CostInputs.DEFAULTS, Map.of());

  public CostAssumptions {
    Objects.requireNonNull(defaults, "defaults");
    perRoute = perRoute == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(perRoute));
  }

  public CostInputs inputsFor(RouteRef route) {
    return perRoute.getOrDefault(route, defaults);
  }

  /** These assumptions with one route's inputs replaced. */
  public CostAssumptions with(RouteRef route, CostInputs inputs) {
    Map<RouteRef, CostInputs> copy = new TreeMap<>(perRoute);
    copy.put(route, inputs);
    return new CostAssumptions(defaults, copy);
  }

  /**
   * Assumptions from a file: {@code {"defaults": {"rps": 50}, "routes": {"payments POST /x": {"rps": 200,
   * "distinctTokensPerWindow": 1}}}}. Fields left out keep {@link CostInputs#DEFAULTS} (routes: the file's defaults).
   *
   * @throws IllegalArgumentException with one sentence naming the file and what is wrong
   */
  public static CostAssumptions load(Path file) {
    try {
      JsonNode root = Json.mapper().readTree(Files.readAllBytes(file));
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("it is not a JSON object");
      }
      for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.equals("defaults") && !name.equals("routes")) {
          throw new IllegalArgumentException("'" + name + "' is not a field (use defaults and routes)");
        }
      }
      CostInputs defaults = over(CostInputs.DEFAULTS, root.path("defaults"), "defaults");
      Map<RouteRef, CostInputs> routes = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("routes").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String[] parts = e.getKey().trim().split("\\s+", 2);
        if (parts.length < 2) {
          throw new IllegalArgumentException("route '" + e.getKey() + "' is not 'GATEWAY METHOD /path' (e.g. 'payments GET /me')");
        }
        routes.put(new RouteRef(parts[0], parts[1]), over(defaults, e.getValue(), "route '" + e.getKey() + "'"));
      }
      return new CostAssumptions(defaults, routes);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cost inputs " + file + " cannot be read: " + e.getMessage() + ".", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Cost inputs " + file + ": " + e.getMessage() + ".", e);
    }
  }

  private static CostInputs over(CostInputs base, JsonNode patch, String where) throws IOException {
    if (patch.isMissingNode()) {
      return base;
    }
    if (!patch.isObject()) {
      throw new IllegalArgumentException(where + " is not an object");
    }
    ObjectNode merged = Json.mapper().valueToTree(base);
    merged.setAll((ObjectNode) patch);
    try {
      return Json.mapper().treeToValue(merged, CostInputs.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IllegalArgumentException(where + ": " + (cause instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage()));
    }
  }
}
