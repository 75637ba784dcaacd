package dev.portcullis.engine.trace.token;

import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.TokenInspection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.portcullis.engine.store.Json;
import dev.portcullis.engine.trace.TokenInspection.Claim;
import dev.portcullis.engine.trace.TokenInspection.SignatureCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takes a JWT apart: header, claims with their meaning, times relative to now, and optionally the
 * signature checked against the issuer's JWKS. Every problem is a value in the inspection, never
 * an exception, because a malformed token is exactly what a user comes here to understand.
 */
public final class TokenInspector {
  /** Tokens closer than this to expiry get a warning: a request may outlive them. */
  private static final Duration SOON = Duration.ofMinutes(5);

  private final Clock clock;

  private TokenInspector(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static TokenInspector create(Clock clock) {
    return new TokenInspector(clock);
  }

  /** Decodes and explains {@code token} without checking its signature. */
  public TokenInspection inspect(String token) {
    return inspect(token, null);
  }

  /** Decodes and explains {@code token}; checks the signature when {@code keys} is not null. */
  public TokenInspection inspect(String token, JWKSet keys) {
    String raw = stripBearer(token == null ? "" : token.strip());
    JwtParts parts = JwtParts.decode(raw);
    if (!parts.decoded()) {
      return new TokenInspection(raw, Outcome.FAIL, parts.problem(), parts.fix(), "", "", List.of(),
          SignatureCheck.NOT_CHECKED, "", null);
    }
    Instant now = clock.instant();
    List<Claim> claims = claims(parts.claims(), now);
    Instant exp = epoch(parts.claims().get("exp"));
    Instant nbf = epoch(parts.claims().get("nbf"));
    SignatureVerifier.Result signature = SignatureVerifier.check(raw, parts.header(), keys);
    Judgement judgement = judge(exp, nbf, now, signature);
    String summary = describe(parts.claims(), exp, now) + judgement.suffix();
    return new TokenInspection(raw, judgement.outcome(), summary, judgement.fix(), pretty(parts.header()),
        pretty(parts.claims()), claims, signature.check(), signature.note(), exp);
  }

  private record Judgement(Outcome outcome, String suffix, String fix) {}

  private static Judgement judge(Instant exp, Instant nbf, Instant now, SignatureVerifier.Result signature) {
    if (signature.check() == SignatureCheck.ALG_NONE_REFUSED) {
      return new Judgement(Outcome.FAIL, "; unsigned (alg none), which API Gateway always refuses",
          "Use a token signed by the issuer (RS256 for Cognito); never accept alg none.");
    }
    if (signature.check() == SignatureCheck.BAD_SIGNATURE || signature.check() == SignatureCheck.KID_NOT_FOUND) {
      return new Judgement(Outcome.FAIL, "; " + signature.note(), signature.fix());
    }
    if (exp != null && !exp.isAfter(now)) {
      return new Judgement(Outcome.FAIL, "; API Gateway will refuse it as expired",
          "Refresh the token (Cognito REFRESH_TOKEN_AUTH) or sign in again, and check this machine's clock.");
    }
    if (nbf != null && nbf.isAfter(now)) {
      return new Judgement(Outcome.FAIL, "; not valid yet",
          "Wait until nbf, or check the clocks of this machine and the issuer.");
    }
    if (exp != null && Duration.between(now, exp).compareTo(SOON) < 0) {
      return new Judgement(Outcome.WARN, "; refresh it before the next request", "");
    }
    Outcome outcome = signature.check() == SignatureCheck.UNSUPPORTED ? Outcome.WARN : Outcome.OK;
    return new Judgement(outcome, "", "");
  }

  private static String describe(ObjectNode claims, Instant exp, Instant now) {
    String use = claims.path("token_use").asText("");
    String kind = switch (use) {
      case "id" -> "Cognito ID token";
      case "access" -> "Cognito access token";
      default -> "JWT";
    };
    String who = firstText(claims, "cognito:username", "username", "sub", "client_id");
    String subject = who == null ? "" : " for " + who;
    String expiry = exp == null ? ", no expiry (exp)" : ", " + RelativeTime.expiry(exp, now);
    return kind + subject + expiry;
  }

  private static List<Claim> claims(ObjectNode claims, Instant now) {
    List<Claim> lines = new ArrayList<>();
    for (Map.Entry<String, JsonNode> claim : claims.properties()) {
      String name = claim.getKey();
      JsonNode value = claim.getValue();
      String text = value.isTextual() ? value.asText() : value.toString();
      lines.add(new Claim(name, text, ClaimMeanings.of(name), time(name, value, now)));
    }
    return lines;
  }

  private static String time(String name, JsonNode value, Instant now) {
    Instant when = epoch(value);
    if (when == null) {
      return "";
    }
    String relative = switch (name) {
      case "exp" -> RelativeTime.expiry(when, now);
      case "nbf" -> RelativeTime.notBefore(when, now);
      case "iat" -> RelativeTime.past("issued", when, now);
      case "auth_time" -> RelativeTime.past("signed in", when, now);
      default -> null;
    };
    return relative == null ? "" : when + " (" + relative + ")";
  }

  private static Instant epoch(JsonNode value) {
    if (value == null || !value.isNumber()) {
      return null; // a string exp is malformed; the claims table still shows it as given
    }
    return Instant.ofEpochSecond(value.asLong());
  }

  private static String firstText(ObjectNode claims, String... names) {
    for (String name : names) {
      if (claims.hasNonNull(name) && !claims.get(name).asText("").isEmpty()) {
        return claims.get(name).asText();
      }
    }
    return null;
  }

  private static String stripBearer(String token) {
    // the Authorization header's scheme is not part of the token; users often paste it with it
    return token.regionMatches(true, 0, "Bearer ", 0, 7) ? token.substring(7).strip() : token;
  }

  private static String pretty(ObjectNode node) {
    return Json.write(node).strip();
  }
}
