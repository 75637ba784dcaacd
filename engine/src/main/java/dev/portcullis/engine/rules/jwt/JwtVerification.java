package dev.portcullis.engine.rules.jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of the HTTP API JWT authoriser's checks (apigw-facts §3), in AWS's documented order.
 * Tools that know only part of an authoriser (the token lab, {@code token verify}) leave the
 * issuer or the audiences null: that check is then recorded as not compared. Under {@link
 * Rules#JOSE} the same checks run as a generic JOSE library would: EC signatures verify and a
 * trailing slash on the issuer is ignored, so a tool can say where the two part.
 */
final class JwtVerification {
  /** Whose rules: API Gateway's, or a generic JOSE library's. */
  enum Rules { GATEWAY, JOSE }

  private final JwksSource jwks;
  private final ParsedTokens tokens;
  private final VerifiedSignatures signatures;
  private final Instant now;
  private final String identityValue;
  private final String issuer;
  private final List<String> audiences;
  private final List<String> routeScopes;
  private final Rules rules;
  private final CheckLog log = new CheckLog("JWT");
  private ParsedToken token;
  private SigningKey key;

  JwtVerification(JwksSource jwks, ParsedTokens tokens, VerifiedSignatures signatures, Instant now, String identityValue, String issuer,
      List<String> audiences, List<String> routeScopes) {
    this(jwks, tokens, signatures, now, identityValue, Objects.requireNonNull(issuer, "issuer"), audiences, routeScopes, Rules.GATEWAY);
  }

  /** @param issuer null not to compare iss; @param audiences null not to compare aud / client_id */
  JwtVerification(JwksSource jwks, ParsedTokens tokens, VerifiedSignatures signatures, Instant now, String identityValue, String issuer,
      List<String> audiences, List<String> routeScopes, Rules rules) {
    this.jwks = jwks;
    this.tokens = tokens;
    this.signatures = signatures;
    this.now = now;
    this.identityValue = identityValue;
    this.issuer = issuer;
    this.audiences = audiences == null ? null : List.copyOf(audiences);
    this.routeScopes = List.copyOf(routeScopes);
    this.rules = rules;
  }

  TokenVerdict run() {
    return log.firstRefusal(List.of(this::identityAndFormat, this::kid, this::algorithm, this::signature, this::issuer, this::audience,
        this::expiry, this::scopes),
        () -> log.accept(token.claims(), token.scopes()));
  }

  private Map<String, Object> claims() {
    return token == null ? Map.of() : token.claims();
  }

  private TokenVerdict.Refused identityAndFormat() {
    Identity identity = Identity.extract(identityValue, "");
    TokenVerdict.Refused refused = log.check("jwt.identitySource", identity.outcome(), WwwAuthenticate.BEARER, Map.of());
    if (refused != null) {
      return refused;
    }
    token = tokens.parse(identity.token());
    return log.check("jwt.format", token.format(), WwwAuthenticate.BEARER, Map.of());
  }

  private TokenVerdict.Refused kid() {
    // An unsigned token names no key; it fails on its algorithm next.
    if (token.signed() == null) {
      return null;
    }
    if (token.kid() == null) {
      Outcome none = Outcome.fail("token header has no kid; it must name a key in the issuer's jwks_uri");
      return log.check("jwt.kid", none, WwwAuthenticate.BEARER, claims());
    }
    // Without a configured issuer the source is a fixed key set (a JWKS URL, pasted keys), which
    // ignores the name; the token's own iss only labels the evidence.
    String keysOf = issuer != null ? issuer : String.valueOf(token.claimsSet().getIssuer());
    return switch (KeyLookup.find(jwks, keysOf, token.kid(), log)) {
      case KeyLookup.FetchFailed failed -> log.refusal("jwks.fetch", "could not get the keys"
          + (issuer != null ? " of issuer " + issuer : "") + ": " + failed.reason(), WwwAuthenticate.BEARER, claims());
      case KeyLookup.Unknown unknown -> log.check("jwt.kid", Outcome.fail(unknown.evidence()), WwwAuthenticate.BEARER, claims());
      case KeyLookup.Found found -> {
        key = found.key();
        yield log.check("jwt.kid", Outcome.pass(found.evidence()), WwwAuthenticate.BEARER, claims());
      }
    };
  }

  private TokenVerdict.Refused algorithm() {
    return log.check("jwt.algorithm", Signatures.algorithm(token, rules == Rules.JOSE), WwwAuthenticate.BEARER, claims());
  }

  private TokenVerdict.Refused signature() {
    return log.check("jwt.signature", Signatures.verify(token, key, signatures, rules == Rules.JOSE), WwwAuthenticate.BEARER, claims());
  }

  private TokenVerdict.Refused issuer() {
    String iss = token.claimsSet().getIssuer();
    if (issuer == null) {
      log.record("jwt.issuer", Outcome.pass("no issuer given, so token iss " + quoted(iss) + " is not compared"));
      return null;
    }
    boolean same = rules == Rules.JOSE ? withoutTrailingSlash(issuer).equals(withoutTrailingSlash(iss)) : issuer.equals(iss);
    Outcome outcome = same
        ? Outcome.pass("token iss '" + iss + "' equals the configured issuer")
        : Outcome.fail("token iss " + quoted(iss) + " is not the configured issuer '" + issuer + "' (exact match)");
    return log.check("jwt.issuer", outcome, WwwAuthenticate.BEARER, claims());
  }

  private TokenVerdict.Refused audience() {
    if (audiences == null) {
      log.record("jwt.audience", Outcome.pass("no audience given, so aud and client_id are not compared"));
      return null;
    }
    return log.check("jwt.audience", Audience.check(token.claimsSet(), audiences), WwwAuthenticate.INVALID_AUDIENCE, claims());
  }

  private TokenVerdict.Refused expiry() {
    TokenTimes.Result times = TokenTimes.check(token.claimsSet(), now, true);
    if (times.expired()) {
      Outcome observed = Outcome.fail(times.outcome().evidence()
          + " (www-authenticate description 'the token has expired' is observed, not documented by AWS)");
      return log.check("jwt.expiry", observed, WwwAuthenticate.EXPIRED, claims());
    }
    return log.check("jwt.expiry", times.outcome(), WwwAuthenticate.BEARER, claims());
  }

  private TokenVerdict.Refused scopes() {
    if (routeScopes.isEmpty()) {
      log.record("jwt.scopes", Outcome.pass("the route has no authorizationScopes, so scopes are not checked"));
      return null;
    }
    // A valid token without the scope is 403 (observed, §1.3); AWS documents no www-authenticate for it.
    return log.check("jwt.scopes", Scopes.anyOf(token.scopes(), routeScopes, "route"), null, claims());
  }

  private static String withoutTrailingSlash(String value) {
    return value == null ? null : value.replaceAll("/+$", "");
  }

  static String quoted(String value) {
    return value == null ? "(absent)" : "'" + value + "'";
  }
}
