package dev.portcullis.engine.trace.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.rules.jwt.TokenReport;
import dev.portcullis.engine.store.Json;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.TokenInspection;
import dev.portcullis.engine.trace.TokenInspection.Claim;
import dev.portcullis.engine.trace.TokenInspection.SignatureCheck;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takes a JWT apart: header, claims with their meaning, times relative to now, and optionally the
 * rule book's verdict on it ({@link TokenReport}, from the JWT authoriser's own checks). This class
 * only presents: it decides nothing about signatures or claims that the rule book decides. Every
 * problem is a value in the inspection, never an exception, because a malformed token is exactly
 * what a user comes here to understand.
 */
public final class TokenInspector {
  private final Clock clock;

  private TokenInspector(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static TokenInspector create(Clock clock) {
    return new TokenInspector(clock);
  }

  /** Decodes and explains {@code token} without checking its signature. */
  public TokenInspection inspect(String token) {
    return inspect(token, (TokenReport) null);
  }

  /**
   * Decodes and explains {@code token} with the rule book's verdict on it; {@code report} null
   * leaves the signature unchecked.
   */
  public TokenInspection inspect(String token, TokenReport report) {
    String raw = stripBearer(token == null ? "" : token.strip());
    JwtParts parts = JwtParts.decode(raw);
    if (!parts.decoded()) {
      return new TokenInspection(raw, Outcome.FAIL, parts.problem(), parts.fix(), "", "", List.of(),
          SignatureCheck.NOT_CHECKED, "", null, "", "");
    }
    Instant now = clock.instant();
    Instant exp = epoch(parts.claims().get("exp"));
    Judgement judgement = report == null || report.decidedBy().equals("jwks.fetch")
        ? judge(exp, epoch(parts.claims().get("nbf")), now, parts.header())
        : TokenJudgements.of(report, exp, now);
    boolean unsigned = TokenJudgements.unsigned(parts.header());
    SignatureCheck check = report != null ? TokenJudgements.signature(report, unsigned)
        : unsigned ? SignatureCheck.ALG_NONE_REFUSED : SignatureCheck.NOT_CHECKED;
    String note = report != null ? TokenJudgements.note(report)
        : unsigned ? "unsigned (alg " + parts.header().path("alg").asText("missing") + ")" : "signature not checked (no JWKS given)";
    String summary = describe(parts.claims(), exp, now) + judgement.suffix();
    return new TokenInspection(raw, judgement.outcome(), summary, judgement.fix(), pretty(parts.header()),
        pretty(parts.claims()), claims(parts.claims(), now), check, note, exp,
        report == null ? "" : report.decidedBy(), report == null ? "" : report.joseNote());
  }

  record Judgement(Outcome outcome, String suffix, String fix) {}

  /** Without the rule book's verdict: what the claims alone say (times, and an unsigned token). */
  private static Judgement judge(Instant exp, Instant nbf, Instant now, ObjectNode header) {
    if (TokenJudgements.unsigned(header)) {
      return TokenJudgements.UNSIGNED;
    }
    if (exp != null && !exp.isAfter(now)) {
      return TokenJudgements.EXPIRED;
    }
    if (nbf != null && nbf.isAfter(now)) {
      return TokenJudgements.NOT_YET_VALID;
    }
    return TokenJudgements.soon(exp, now);
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
