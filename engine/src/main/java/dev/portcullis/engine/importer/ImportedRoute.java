package dev.portcullis.engine.importer;

import dev.portcullis.engine.model.Integration;
import java.util.Objects;

/**
 * A route as a source defines it.
 *
 * @param method an HTTP method, {@code ANY}, or {@code $default}
 * @param integrationType the integration's type as the source writes it ({@code aws_proxy}, {@code http}, ...), null when none
 * @param integrationUri its URI or target, kept for the report
 * @param local what the local gateway answers with: null for echo; a mock where the source fixes the answer
 *     (a MOCK integration of the source, the CORS preflight methods SAM and the Serverless Framework generate)
 * @param at where the source defines it, for the report; null when nowhere in particular (a generated route)
 */
public record ImportedRoute(
    String method,
    String path,
    Protection protection,
    boolean apiKeyRequired,
    String integrationType,
    String integrationUri,
    String payloadFormat,
    Integration.Mock local,
    ImportReport.Location at) {

  public ImportedRoute {
    Objects.requireNonNull(method, "an imported route needs a method");
    Objects.requireNonNull(path, "an imported route needs a path");
    Objects.requireNonNull(protection, () -> "route " + method + " " + path + " needs a protection (Unreadable when unknown)");
  }

  public ImportedRoute(String method, String path, Protection protection, boolean apiKeyRequired, String integrationType,
      String integrationUri, String payloadFormat, Integration.Mock local) {
    this(method, path, protection, apiKeyRequired, integrationType, integrationUri, payloadFormat, local, null);
  }

  /** A route the local gateway answers with echo. */
  public ImportedRoute(String method, String path, Protection protection, boolean apiKeyRequired, String integrationType,
      String integrationUri, String payloadFormat) {
    this(method, path, protection, apiKeyRequired, integrationType, integrationUri, payloadFormat, null);
  }

  public String key() {
    return method.equals("$default") ? "$default" : method + " " + path;
  }

  public ImportedRoute withAccess(Protection newProtection, boolean newApiKeyRequired) {
    return new ImportedRoute(method, path, newProtection, newApiKeyRequired, integrationType, integrationUri, payloadFormat, local, at);
  }

  /** This route, placed at {@code where} in its source (null leaves it where it was). */
  public ImportedRoute locatedAt(ImportReport.Location where) {
    return where == null ? this : new ImportedRoute(method, path, protection, apiKeyRequired, integrationType, integrationUri,
        payloadFormat, local, where);
  }
}
