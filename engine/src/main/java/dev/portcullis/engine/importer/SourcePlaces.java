package dev.portcullis.engine.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where in the imported source each route and authoriser of the imported workspace is, by the names
 * the workspace gives them (the gateway's slug, the route's key, the authoriser's name): what lets a
 * report about the workspace (the advisor's SARIF) point at the template's line instead of at the
 * workspace. Files are as {@link ImportReport.Location} has them, relative to the imported file's folder.
 */
public final class SourcePlaces {
  public static final SourcePlaces NONE = new SourcePlaces();

  private final Map<String, ImportReport.Location> routes = new LinkedHashMap<>();
  private final Map<String, ImportReport.Location> authorizers = new LinkedHashMap<>();

  SourcePlaces() {}

  public Optional<ImportReport.Location> route(String gateway, String routeKey) {
    return Optional.ofNullable(routes.get(gateway + " " + routeKey));
  }

  public Optional<ImportReport.Location> authorizer(String gateway, String name) {
    return Optional.ofNullable(authorizers.get(gateway + " " + name));
  }

  /** The first place given wins, as the first of two routes defined twice is the one kept. */
  void route(String gateway, String routeKey, ImportReport.Location at) {
    if (at != null) {
      routes.putIfAbsent(gateway + " " + routeKey, at);
    }
  }

  void authorizer(String gateway, String name, ImportReport.Location at) {
    if (at != null) {
      authorizers.putIfAbsent(gateway + " " + name, at);
    }
  }
}
