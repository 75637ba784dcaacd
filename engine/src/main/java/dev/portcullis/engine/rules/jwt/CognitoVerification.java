package dev.portcullis.engine.rules.jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run of the REST Cognito user-pool authoriser's checks (apigw-facts §2). AWS documents what is
 * checked, not in which order. The issuer goes before the signature because it picks the pool whose
 * keys to fetch: keys are only ever fetched from a configured pool, never from a token's claim.
 */
final class CognitoVerification {
  private static final String BEARER_NOTE =
      " (AWS does not document whether the REST Cognito authoriser accepts a 'Bearer ' prefix, §10 q7; accepted here)";

  private final JwksSource jwks;
  private final ParsedTokens tokens;
  private final VerifiedSignatures signatures;
  private final Instant now;
  private final String identityValue;
  private final List<String> issuers;
  private final List<String> methodScopes;
  private final CheckLog log = new CheckLog("Cognito token");
  private ParsedToken token;
  private String issuer;

  CognitoVerification(JwksSource jwks, ParsedTokens tokens, VerifiedSignatures signatures, Instant now, String identityValue,
      List<String> issuers, List<String> methodScopes) {
    this.jwks = jwks;
    this.tokens = tokens;
    this.signatures = signatures;
    this.now = now;
    this.identityValue = identityValue;
    this.issuers = List.copyOf(issuers);
    this.methodScopes = List.copyOf(methodScopes);
  }

  TokenVerdict run() {
    return log.firstRefusal(List.of(this::identityAndFormat, this::issuer, this::signature, this::expiry, this::tokenUse, this::scopes),
        () -> log.accept(token.claims(), token.scopes()));
  }

  private Map<String, Object> claims() {
    return token == null ? Map.of() : token.claims();
  }

  private TokenVerdict.Refused identityAndFormat() {
    Identity identity = Identity.extract(identityValue, BEARER_NOTE);
    TokenVerdict.Refused refused = log.check("cognito.identitySource", identity.outcome(), null, Map.of());
    if (refused != null) {
      return refused;
    }
    token = tokens.parse(identity.token());
    return log.check("cognito.format", token.format(), null, Map.of());
  }

  private TokenVerdict.Refused issuer() {
    String iss = token.claimsSet().getIssuer();
    issuer = iss != null && issuers.contains(iss) ? iss : null; // no iss: refused, as AWS does (401)
    Outcome outcome = issuer != null
        ? Outcome.pass("token iss '" + iss + "' is one of the authoriser's pools " + issuers)
        : Outcome.fail("token iss " + JwtVerification.quoted(iss) + " is none of the authoriser's pools " + issuers);
    return log.check("cognito.issuer", outcome, null, claims());
  }

  private TokenVerdict.Refused signature() {
    Outcome algorithm = Signatures.algorithm(token);
    if (!algorithm.passed() || token.kid() == null) {
      Outcome failed = algorithm.passed() ? Outcome.fail("token header has no kid") : algorithm;
      return log.check("cognito.signature", failed, null, claims());
    }
    return switch (KeyLookup.find(jwks, issuer, token.kid(), log)) {
      case KeyLookup.FetchFailed failed -> log.refusal("jwks.fetch",
          "could not get the keys of pool " + issuer + ": " + failed.reason() + " (AWS documents no key-fetch limit for "
              + "REST Cognito authorisers, spec §2, §3: the emulator waits up to " + JwksSource.COGNITO_TIMEOUT_SECONDS + " s)",
          null, claims());
      case KeyLookup.Unknown unknown -> log.check("cognito.signature", Outcome.fail(unknown.evidence()), null, claims());
      case KeyLookup.Found found -> log.check("cognito.signature", Signatures.verify(token, found.key(), signatures), null, claims());
    };
  }

  private TokenVerdict.Refused expiry() {
    // Cognito tokens carry exp and iat, no nbf; AWS documents only "token isn't expired" (KC-COG401).
    return log.check("cognito.expiry", TokenTimes.check(token.claimsSet(), now, false).outcome(), null, claims());
  }

  private TokenVerdict.Refused tokenUse() {
    String expected = methodScopes.isEmpty() ? "id" : "access";
    Object tokenUse = token.claims().get("token_use");
    String why = methodScopes.isEmpty()
        ? "the method has no authorizationScopes, so API Gateway expects an ID token"
        : "the method has authorizationScopes " + methodScopes + ", so API Gateway expects an access token";
    // AWS says which token it expects, not how it tells them apart; token_use is Cognito's own marker.
    Outcome outcome = expected.equals(tokenUse)
        ? Outcome.pass("token_use '" + tokenUse + "': " + why)
        : Outcome.fail("token_use " + (tokenUse == null ? "(absent)" : "'" + tokenUse + "'") + " but " + why);
    return log.check("cognito.tokenUse", outcome, null, claims());
  }

  private TokenVerdict.Refused scopes() {
    if (methodScopes.isEmpty()) {
      log.record("cognito.scopes", Outcome.pass("the method has no authorizationScopes, so scopes are not checked"));
      return null;
    }
    return log.check("cognito.scopes", Scopes.anyOf(token.scopes(), methodScopes, "method"), null, claims());
  }
}
