package dev.portcullis.app.ui.request;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import java.util.ArrayList;
import java.util.List;

/**
 * What the caller adds to the request on its way out (a token, an API key, a SigV4 signature), shown
 * greyed under the headers so nobody types an Authorization header the caller then replaces.
 */
final class CallerHeaders {
  private CallerHeaders() {}

  static List<KeyValueRow> of(Caller caller) {
    List<KeyValueRow> rows = new ArrayList<>();
    switch (caller) {
      case null -> { }
      case Caller.CognitoUser u -> rows.add(row("Authorization", "‹Cognito " + (u.token() == Caller.TokenUse.ACCESS ? "access" : "ID")
          + " token of " + u.username() + "›"));
      case Caller.OidcClient o -> rows.add(row("Authorization", "Bearer ‹access token from " + o.issuer() + "›"));
      case Caller.CustomToken t -> rows.add(row(t.header(), t.prefix() + "‹token›"));
      case Caller.ApiKey k -> {
        rows.add(row("x-api-key", "‹API key of " + k.name() + "›"));
        k.headers().forEach((name, value) -> rows.add(row(name, value)));
      }
      case Caller.Iam i -> {
        rows.add(row("Authorization", "AWS4-HMAC-SHA256 ‹SigV4 signature›"));
        rows.add(row("X-Amz-Date", "‹signing time›"));
        if (!(i.credentials() instanceof CredentialSource.StaticKeys keys) || keys.sessionToken() != null) {
          rows.add(row("X-Amz-Security-Token", "‹session token, when the credentials are temporary›"));
        }
      }
      case Caller.Anonymous a -> { }
    }
    return rows;
  }

  private static KeyValueRow row(String name, String value) {
    return new KeyValueRow(true, name, value);
  }
}
