package dev.portcullis.engine.rules.jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One run of the HTTP API JWT authoriser's checks (apigw-facts §3), in AWS's documented order. */
final class JwtVerification {
  private final JwksSource jwks;
  private final VerifiedSignatures signatures;
  private final Instant now;
  private final String identityValue;
  private final String issuer;
  private final List<String> audiences;
  private final List<String> routeScopes;
  private final CheckLog log = new CheckLog("JWT");
  private ParsedToken token;
  private SigningKey key;

  JwtVerification(JwksSource jwks, VerifiedSignatures signatures, Instant now, String identityValue, String issuer,
      List<String> audiences, List<String> routeScopes) {
    this.jwks = jwks;
    this.signatures = signatures;
    this.now = now;
    this.identityValue = identityValue;
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audiences = List.copyOf(audiences);
    this.routeScopes = List.copyOf(routeScopes);
  }

  TokenVerdict run() {
    return log.firstRefusal(List.of(this::identityAndFormat, this::kid, this::algorithm, this::signature, this::issuer, this::audience,
        this::expiry, this::scopes),
        () -> log.accept(token.claims(), Scopes.granted(token.claims())));
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
    token = ParsedToken.parse(identity.token());
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
    return switch (KeyLookup.find(jwks, issuer, token.kid(), log)) {
      case KeyLookup.FetchFailed failed -> log.refusal("jwks.fetch",
          "could not get the keys of issuer " + issuer + ": " + failed.reason(), WwwAuthenticate.BEARER, claims());
      case KeyLookup.Unknown unknown -> log.check("jwt.kid", Outcome.fail(unknown.evidence()), WwwAuthenticate.BEARER, claims());
      case KeyLookup.Found found -> {
        key = found.key();
        yield log.check("jwt.kid", Outcome.pass(found.evidence()), WwwAuthenticate.BEARER, claims());
      }
    };
  }

  private TokenVerdict.Refused algorithm() {
    return log.check("jwt.algorithm", Signatures.algorithm(token), WwwAuthenticate.BEARER, claims());
  }

  private TokenVerdict.Refused signature() {
    return log.check("jwt.signature", Signatures.verify(token, key, signatures), WwwAuthenticate.BEARER, claims());
  }

  private TokenVerdict.Refused issuer() {
    String iss = token.claimsSet().getIssuer();
    Outcome outcome = issuer.equals(iss)
        ? Outcome.pass("token iss '" + iss + "' equals the configured issuer")
        : Outcome.fail("token iss " + quoted(iss) + " is not the configured issuer '" + issuer + "' (exact match)");
    return log.check("jwt.issuer", outcome, WwwAuthenticate.BEARER, claims());
  }

  private TokenVerdict.Refused audience() {
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
    return log.check("jwt.scopes", Scopes.anyOf(Scopes.granted(token.claims()), routeScopes, "route"), null, claims());
  }

  static String quoted(String value) {
    return value == null ? "(absent)" : "'" + value + "'";
  }
}
