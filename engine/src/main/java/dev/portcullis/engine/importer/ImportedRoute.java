package dev.portcullis.engine.importer;

import java.util.Objects;

/**
 * A route as a source defines it.
 *
 * @param method an HTTP method, {@code ANY}, or {@code $default}
 * @param integrationType the integration's type as the source writes it ({@code aws_proxy}, {@code http}, ...), null when none
 * @param integrationUri its URI or target, kept for the report; the local gateway answers with echo
 */
public record ImportedRoute(
    String method,
    String path,
    Protection protection,
    boolean apiKeyRequired,
    String integrationType,
    String integrationUri,
    String payloadFormat) {

  public ImportedRoute {
    Objects.requireNonNull(method, "an imported route needs a method");
    Objects.requireNonNull(path, "an imported route needs a path");
    Objects.requireNonNull(protection, () -> "route " + method + " " + path + " needs a protection (Unreadable when unknown)");
  }

  public String key() {
    return method.equals("$default") ? "$default" : method + " " + path;
  }
}
