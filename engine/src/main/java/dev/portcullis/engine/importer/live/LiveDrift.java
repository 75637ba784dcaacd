package dev.portcullis.engine.importer.live;

import dev.portcullis.engine.importer.ImportException;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The deployed API's authorisation next to the workspace's, read with the live importer
 * ({@code apigateway:GET} only): each difference one sentence, "authoriser partner-gate: the
 * workspace says TTL 300; AWS says 0". What it compares: Lambda authorisers' TTL and identity
 * sources, and per route the authorisation type, authoriser, scopes and whether a key is required.
 */
public final class LiveDrift {
  private static final Pattern EXECUTE_API = Pattern.compile("^([a-z0-9]+)\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com$");
  private final LiveImporter importer;

  private LiveDrift(LiveImporter importer) {
    this.importer = importer;
  }

  public static LiveDrift create(LiveImporter importer) {
    return new LiveDrift(Objects.requireNonNull(importer, "importer"));
  }

  /**
   * What differs between {@code gateway} and the API deployed at {@code baseUrl} (its id and region
   * read from the execute-api host; a custom domain falls back to the gateway's apiId and region).
   *
   * @throws ImportException when the API cannot be read (a sentence: denied, not found, no credentials)
   */
  public List<String> differences(Gateway gateway, URI baseUrl) throws ImportException {
    Matcher m = EXECUTE_API.matcher(baseUrl.getHost() == null ? "" : baseUrl.getHost());
    String apiId = m.matches() ? m.group(1) : gateway.apiId();
    String region = m.matches() ? m.group(2) : gateway.region();
    Gateway live = importer.importSource("aws:" + region + "/" + apiId).workspace().gateways().getFirst();
    return compare(gateway, live);
  }

  static List<String> compare(Gateway workspace, Gateway live) {
    List<String> out = new ArrayList<>();
    Map<String, Authorizer> deployed = byName(live.authorizers(), Authorizer::name);
    for (Authorizer mine : workspace.authorizers()) {
      Authorizer theirs = deployed.get(mine.name());
      if (theirs == null) {
        out.add("authoriser " + mine.name() + ": the workspace has it; AWS has no authoriser by that name");
      } else if (mine instanceof Authorizer.Lambda a && theirs instanceof Authorizer.Lambda b) {
        differs(out, "authoriser " + a.name(), "TTL", String.valueOf(a.ttlSeconds()), String.valueOf(b.ttlSeconds()));
        differs(out, "authoriser " + a.name(), "identity sources", a.identitySources().toString(), b.identitySources().toString());
      }
    }
    Map<String, Route> routes = byName(live.routes(), Route::key);
    for (Route mine : workspace.routes()) {
      Optional<Route> theirs = Optional.ofNullable(routes.get(mine.key()));
      if (theirs.isEmpty()) {
        out.add("route " + mine.key() + ": the workspace has it; AWS has no such method");
        continue;
      }
      Route r = theirs.get();
      String where = "route " + mine.key();
      differs(out, where, "authorisation", mine.authorization() + " " + Objects.toString(mine.authorizer(), ""),
          r.authorization() + " " + Objects.toString(r.authorizer(), ""));
      differs(out, where, "scopes", mine.scopes().toString(), r.scopes().toString());
      differs(out, where, "API key required", String.valueOf(mine.apiKeyRequired()), String.valueOf(r.apiKeyRequired()));
    }
    return out;
  }

  private static void differs(List<String> out, String where, String what, String mine, String theirs) {
    if (!mine.strip().equals(theirs.strip())) {
      out.add(where + ": the workspace says " + what + " " + mine.strip() + "; AWS says " + theirs.strip());
    }
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    return items.stream().collect(Collectors.toMap(name, t -> t, (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
