package dev.portcullis.engine.trace;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A JWT taken apart and explained. Malformed input is an inspection with outcome FAIL and a
 * sentence saying what is wrong and how to fix it, never an exception.
 *
 * @param token the token as given (every export masks it)
 * @param outcome OK when decoded (and verified, if keys were given); WARN when it expires within
 *     minutes or its signature cannot be checked here; FAIL when it cannot be decoded, is unsigned,
 *     fails its signature check, is expired or not yet valid (API Gateway would refuse it)
 * @param summary one sentence, e.g. "Cognito access token for alice, expires in 42 min"
 * @param fix what to change when something is wrong; empty otherwise
 * @param headerJson the decoded header, pretty-printed; empty if it could not be decoded
 * @param claimsJson the decoded claims, pretty-printed; empty if they could not be decoded
 * @param claims every claim with its meaning, in the token's order
 * @param expiresAt {@code exp}, or null
 * @param decidedBy the rule book's check that refused the token ({@code jwt.kid}, ...); empty when it
 *     was accepted or not verified
 * @param joseNote empty, or the line saying a generic JOSE library would accept what API Gateway
 *     refuses, and why (never the verdict)
 */
public record TokenInspection(
    String token,
    Outcome outcome,
    String summary,
    String fix,
    String headerJson,
    String claimsJson,
    List<Claim> claims,
    SignatureCheck signatureCheck,
    String signatureNote,
    Instant expiresAt,
    String decidedBy,
    String joseNote) {

  public TokenInspection {
    token = token == null ? "" : token;
    Objects.requireNonNull(outcome, "inspection outcome");
    Objects.requireNonNull(summary, "inspection summary");
    fix = fix == null ? "" : fix;
    headerJson = headerJson == null ? "" : headerJson;
    claimsJson = claimsJson == null ? "" : claimsJson;
    claims = claims == null ? List.of() : List.copyOf(claims);
    signatureCheck = signatureCheck == null ? SignatureCheck.NOT_CHECKED : signatureCheck;
    signatureNote = signatureNote == null ? "" : signatureNote;
    decidedBy = decidedBy == null ? "" : decidedBy;
    joseNote = joseNote == null ? "" : joseNote;
  }

  /**
   * One claim.
   *
   * @param value the value as JSON text would show it (strings unquoted, arrays as JSON)
   * @param meaning what the claim means in plain language; empty for claims we do not know
   * @param time for time claims: the UTC time and how far from now, e.g.
   *     {@code 2024-01-02T10:00:00Z (expires in 42 min)}; empty otherwise
   */
  public record Claim(String name, String value, String meaning, String time) {
    public Claim {
      Objects.requireNonNull(name, "claim name");
      value = value == null ? "" : value;
      meaning = meaning == null ? "" : meaning;
      time = time == null ? "" : time;
    }
  }

  /** The result of checking the signature against the issuer's JWKS. */
  public enum SignatureCheck {
    NOT_CHECKED,
    VERIFIED,
    KID_NOT_FOUND,
    BAD_SIGNATURE,
    /** {@code alg: none}: unsigned, and API Gateway never accepts it. */
    ALG_NONE_REFUSED,
    /** The key or algorithm cannot be checked here (e.g. HMAC, which needs the shared secret). */
    UNSUPPORTED
  }
}
