package dev.portcullis.engine.trace.token;

import java.util.Map;

/** Plain-language meanings of standard JWT and Cognito claims (spec §2, §3, §9.7). */
final class ClaimMeanings {
  private static final Map<String, String> MEANINGS = Map.ofEntries(
      Map.entry("iss", "Issuer: who minted the token. A JWT authoriser needs it to equal its issuer exactly; a trailing slash breaks the match."),
      Map.entry("sub", "Subject: the stable unique id of the user (or, for client credentials, the client)."),
      Map.entry("aud", "Audience: the app client the token is for. HTTP JWT authorisers match it against their audience list; Cognito ID tokens carry it, access tokens do not."),
      Map.entry("exp", "Expiry: after this time every authoriser refuses the token."),
      Map.entry("nbf", "Not before: the token is refused until this time."),
      Map.entry("iat", "Issued at: when the token was minted; must not be in the future."),
      Map.entry("jti", "Token id: unique per token, useful to find it in logs."),
      Map.entry("scope", "Scopes granted, space-separated. A route or method with authorisation scopes needs at least one of them."),
      Map.entry("scp", "Scopes granted (the list form some providers use instead of scope)."),
      Map.entry("client_id", "App client id. Cognito access tokens carry it instead of aud; HTTP JWT authorisers check it only when aud is absent."),
      Map.entry("azp", "Authorised party: the client the token was issued to."),
      Map.entry("auth_time", "When the user actually signed in (refreshes keep it unchanged)."),
      Map.entry("token_use", "Cognito: 'id' for an ID token, 'access' for an access token. REST Cognito authorisers want an ID token on methods without scopes and an access token on methods with scopes."),
      Map.entry("cognito:username", "Cognito user name (ID token); may differ from the e-mail the user types."),
      Map.entry("username", "Cognito user name (access token)."),
      Map.entry("cognito:groups", "Cognito groups the user belongs to; the integration sees them as a string like \"[g1 g2]\"."),
      Map.entry("cognito:roles", "IAM roles of the user's groups."),
      Map.entry("cognito:preferred_role", "The IAM role of the user's highest-precedence group."),
      Map.entry("origin_jti", "Cognito: id of the original sign-in; shared by every token refreshed from it, and used to revoke them."),
      Map.entry("event_id", "Cognito: id of the sign-in event (seen in older tokens; do not depend on it)."),
      Map.entry("email", "The user's e-mail address."),
      Map.entry("email_verified", "Whether the e-mail address is verified; the integration sees it as the string \"true\" or \"false\"."),
      Map.entry("phone_number", "The user's phone number."),
      Map.entry("phone_number_verified", "Whether the phone number is verified."),
      Map.entry("device_key", "Cognito: the remembered device this token was issued to."),
      Map.entry("version", "Cognito access-token format version."),
      Map.entry("nonce", "Echo of the nonce the client sent when signing in (replay protection)."),
      Map.entry("at_hash", "Hash of the access token issued alongside this ID token."),
      Map.entry("identities", "Federated identities linked to the user (social or SAML sign-in)."),
      Map.entry("name", "The user's full name."),
      Map.entry("given_name", "The user's given name."),
      Map.entry("family_name", "The user's family name."));

  private ClaimMeanings() {}

  /** The meaning of {@code claim}, or an empty string for a claim we do not know. */
  static String of(String claim) {
    if (claim.startsWith("custom:")) {
      return "Custom user-pool attribute; always a string, even when it holds a number.";
    }
    return MEANINGS.getOrDefault(claim, "");
  }
}
