package dev.portcullis.engine.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one judgement of which names carry credentials (headers, query parameters, variables,
 * environment variables), shared by the export judge and by importers that must not copy a secret
 * into a workspace: a name that matches is read through a secret reference, never kept as a literal.
 */
public final class CredentialNames {
  /** Normalised (lower case, trimmed) names that carry credentials. */
  private static final Pattern CREDENTIAL_NAME = Pattern.compile(
      ".*(authorization|token|secret|password|passwd|pwd|api[-_]?key|apikey|credential|private[-_]?key|session|cookie|signature"
          + "|x-amz-security-token|auth).*|key|sig|code");
  /** Values that are credentials whatever they are called: a JWT, an AWS access key id, a PEM private key. */
  private static final Pattern SECRET_VALUE = Pattern.compile(
      "eyJ[\\w-]{4,}\\.eyJ[\\w-]{4,}\\.[\\w-]*|(AKIA|ASIA)[A-Z0-9]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----");

  private CredentialNames() {}

  /** Whether {@code name} says it carries a credential ({@code API_SECRET}, {@code x-api-key}, {@code dbPassword}). */
  public static boolean isCredential(String name) {
    return name != null && CREDENTIAL_NAME.matcher(name.strip().toLowerCase(Locale.ROOT)).matches();
  }

  /** Whether {@code value} is a credential by its shape alone. */
  public static boolean looksSecret(String value) {
    return value != null && SECRET_VALUE.matcher(value).find();
  }
}
