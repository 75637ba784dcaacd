package dev.portcullis.engine.attach;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where a running local world listens, as {@code gateway serve} records it for other commands to
 * find: one file per workspace in the user's runtime folder (see {@link RunningWorlds}).
 *
 * @param workspace the workspace's key ({@link RunningWorlds#key}): its absolute file path, or the embedded demo's name
 * @param pid the serving process, so a record whose process has died is known to be stale
 * @param apis gateway name to the URL it answers on (with the REST stage), as {@code LocalWorld.apiUrls()}
 * @param idpBaseUrl the identity providers' base URL, the world's {@code {{idpBaseUrl}}}
 * @param issuers issuer label ({@code cognito POOL}, {@code oidc NAME}) to issuer URL
 * @param freePorts true when the world could not take the workspace's ports and listens on free ones
 */
public record WorldRecord(String workspace, long pid, Instant startedAt, Map<String, String> apis, String idpBaseUrl,
    Map<String, String> issuers, boolean freePorts) {
  public WorldRecord {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(idpBaseUrl, "idpBaseUrl");
    apis = apis == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(apis));
    issuers = issuers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(issuers));
  }

  /** The record as written to its file (the one mapper has no java.time support, so times are ISO strings). */
  Map<String, Object> toJson() {
    Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("workspace", workspace);
    json.put("pid", pid);
    json.put("startedAt", startedAt.toString());
    json.put("apis", apis);
    json.put("idpBaseUrl", idpBaseUrl);
    json.put("issuers", issuers);
    json.put("freePorts", freePorts);
    return json;
  }

  @SuppressWarnings("unchecked")
  static WorldRecord fromJson(Map<?, ?> json) {
    return new WorldRecord((String) json.get("workspace"), ((Number) json.get("pid")).longValue(),
        Instant.parse((String) json.get("startedAt")), (Map<String, String>) json.get("apis"), (String) json.get("idpBaseUrl"),
        (Map<String, String>) json.get("issuers"), Boolean.TRUE.equals(json.get("freePorts")));
  }

  /** One line for a person: which process, since when, and where its APIs answer. */
  public String describe() {
    StringBuilder s = new StringBuilder("pid ").append(pid).append(", started ").append(startedAt);
    apis.forEach((name, url) -> s.append("; ").append(name).append(' ').append(url));
    return s.toString();
  }
}
