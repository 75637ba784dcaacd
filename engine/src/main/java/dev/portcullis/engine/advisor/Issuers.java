package dev.portcullis.engine.advisor;

import dev.portcullis.engine.model.Emulator;
import java.util.ArrayList;
import java.util.List;

/** What the advisor can tell about a JWT issuer from its URL and the workspace's emulated world. */
final class Issuers {
  private Issuers() {}

  /** The issuer with the workspace's own variables resolved where they can be; as written otherwise. */
  static String resolved(String issuer, dev.portcullis.engine.model.Workspace ws) {
    try {
      return dev.portcullis.engine.store.Variables.of(ws, null, null, java.util.Map.of()).apply(issuer, "issuer");
    } catch (IllegalArgumentException e) {
      return issuer;
    }
  }

  static boolean isCognito(String issuer, Emulator emulator) {
    if (issuer.contains("cognito-idp.")) {
      return true;
    }
    return emulator.userPools().stream().anyMatch(p -> issuer.endsWith("/" + p.id()));
  }

  /** The pool id at the end of a Cognito issuer URL. */
  static String poolId(String issuer) {
    String trimmed = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** The extra claims local issuers put in their clients' tokens (e.g. {@code actor}). */
  static List<String> localClaims(String issuer, Emulator emulator) {
    List<String> claims = new ArrayList<>();
    for (Emulator.OidcIssuer local : emulator.oidcIssuers()) {
      if (issuer.endsWith("/oidc/" + local.name())) {
        local.clients().forEach(c -> c.claims().keySet().stream().filter(k -> !claims.contains(k)).forEach(claims::add));
      }
    }
    return claims;
  }
}
