package dev.portcullis.engine.importer;

import dev.portcullis.engine.handler.HandlerFunctions;
import java.util.List;
import java.util.Objects;

/**
 * An authoriser as a source defines it, before it becomes a workspace authoriser with a local
 * stand-in. Fields a kind does not have are null.
 *
 * @param identitySources REST mapping expressions ({@code method.request.header.X}) or HTTP ones ({@code $request.header.X})
 * @param ttlSeconds null when the source gives none
 * @param pools COGNITO: user pool ARNs or ids (possibly {@code {{variables}}})
 * @param functionUri LAMBDA: the authoriser function's invocation URI or ARN, kept for the report
 * @param code LAMBDA: what the function's code in the source became (a {@code handler} function when it is on
 *     disk and its runtime runs locally, else why not); null when the source names no function it defines
 * @param at where the source defines it, for the report; null when nowhere in particular
 */
public record ImportedAuthorizer(
    String name,
    Kind kind,
    List<String> identitySources,
    String validationRegex,
    Integer ttlSeconds,
    List<String> pools,
    String issuer,
    List<String> audiences,
    String payloadFormat,
    boolean simpleResponses,
    String functionUri,
    String origin,
    HandlerFunctions.Mapping code,
    ImportReport.Location at) {

  public ImportedAuthorizer {
    Objects.requireNonNull(name, "an imported authoriser needs a name");
    Objects.requireNonNull(kind, () -> "authoriser '" + name + "' needs a kind");
    identitySources = identitySources == null ? List.of() : List.copyOf(identitySources);
    pools = pools == null ? List.of() : List.copyOf(pools);
    audiences = audiences == null ? List.of() : List.copyOf(audiences);
  }

  /** Without code of its own (a function defined elsewhere, or no function at all). */
  public ImportedAuthorizer(String name, Kind kind, List<String> identitySources, String validationRegex, Integer ttlSeconds,
      List<String> pools, String issuer, List<String> audiences, String payloadFormat, boolean simpleResponses,
      String functionUri, String origin) {
    this(name, kind, identitySources, validationRegex, ttlSeconds, pools, issuer, audiences, payloadFormat, simpleResponses,
        functionUri, origin, null, null);
  }

  /** This authoriser, placed at {@code where} in its source (null leaves it where it was). */
  public ImportedAuthorizer locatedAt(ImportReport.Location where) {
    return where == null ? this : new ImportedAuthorizer(name, kind, identitySources, validationRegex, ttlSeconds, pools, issuer,
        audiences, payloadFormat, simpleResponses, functionUri, origin, code, where);
  }

  /** The same authoriser, its function's code found in the source. */
  public ImportedAuthorizer withCode(HandlerFunctions.Mapping newCode) {
    return new ImportedAuthorizer(name, kind, identitySources, validationRegex, ttlSeconds, pools, issuer, audiences,
        payloadFormat, simpleResponses, functionUri, origin, newCode, at);
  }

  public enum Kind { COGNITO, JWT, TOKEN, REQUEST }

  public static ImportedAuthorizer cognito(String name, List<String> pools, String identitySource, String origin) {
    return new ImportedAuthorizer(name, Kind.COGNITO, identitySource == null ? List.of() : List.of(identitySource), null, null,
        pools, null, null, null, false, null, origin);
  }

  public static ImportedAuthorizer jwt(String name, String issuer, List<String> audiences, String identitySource, String origin) {
    return new ImportedAuthorizer(name, Kind.JWT, identitySource == null ? List.of() : List.of(identitySource), null, null,
        null, issuer, audiences, null, false, null, origin);
  }
}
