package dev.portcullis.engine.trace.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.rules.jwt.TokenReport;
import dev.portcullis.engine.rules.jwt.TokenVerdict;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.TokenInspection.SignatureCheck;
import dev.portcullis.engine.trace.token.TokenInspector.Judgement;
import java.time.Duration;
import java.time.Instant;

/**
 * The rule book's verdict on a token in the inspection's words: which signature state it means,
 * and the sentence and fix a user reads. Presentation only; the verdict is the rule book's.
 */
final class TokenJudgements {
  /** Tokens closer than this to expiry get a warning: a request may outlive them. */
  private static final Duration SOON = Duration.ofMinutes(5);

  static final Judgement UNSIGNED = new Judgement(Outcome.FAIL, "; unsigned (alg none), which API Gateway always refuses",
      "Use a token signed by the issuer (RS256 for Cognito); never accept alg none.");
  static final Judgement EXPIRED = new Judgement(Outcome.FAIL, "; API Gateway will refuse it as expired",
      "Refresh the token (Cognito REFRESH_TOKEN_AUTH) or sign in again, and check this machine's clock.");
  static final Judgement NOT_YET_VALID = new Judgement(Outcome.FAIL, "; not valid yet",
      "Wait until nbf, or check the clocks of this machine and the issuer.");
  private static final String KID_FIX = "Check the token comes from the configured issuer (another user pool has other keys); "
      + "if the issuer rotated keys, fetch the JWKS again.";
  private static final String SIGNATURE_FIX =
      "The token was altered or signed by another issuer; acquire a fresh token from the configured issuer.";

  private TokenJudgements() {}

  static boolean unsigned(ObjectNode header) {
    String alg = header.path("alg").asText("");
    return alg.isEmpty() || alg.equalsIgnoreCase("none");
  }

  /** OK, or a warning when it expires within minutes. */
  static Judgement soon(Instant exp, Instant now) {
    if (exp != null && Duration.between(now, exp).compareTo(SOON) < 0) {
      return new Judgement(Outcome.WARN, "; refresh it before the next request", "");
    }
    return new Judgement(Outcome.OK, "", "");
  }

  static Judgement of(TokenReport report, Instant exp, Instant now) {
    if (!(report.verdict() instanceof TokenVerdict.Refused refused)) {
      return soon(exp, now);
    }
    String why = "; API Gateway's JWT authoriser refuses it (" + refused.decidedBy() + ")";
    return switch (refused.decidedBy()) {
      case "jwt.algorithm" -> refused.message().contains("alg is none") ? UNSIGNED
          : new Judgement(Outcome.FAIL, why + ": only RSA-based algorithms are accepted",
              "Have the issuer sign with RS256: API Gateway's JWT authoriser accepts only RSA-based algorithms.");
      case "jwt.kid" -> new Judgement(Outcome.FAIL, why + ": its key is not in the issuer's JWKS", KID_FIX);
      case "jwt.signature" -> new Judgement(Outcome.FAIL, why + ": the signature does not match its key", SIGNATURE_FIX);
      case "jwt.expiry" -> refused.message().contains(" exp ") ? EXPIRED
          : refused.message().contains(" nbf ") ? NOT_YET_VALID
          : new Judgement(Outcome.FAIL, why, "Have the issuer put exp (and a past iat) in the token.");
      case "jwt.issuer" -> new Judgement(Outcome.FAIL, why + ": its iss is not the configured issuer",
          "Configure the issuer exactly as the token's iss reads, trailing slash included.");
      case "jwt.audience" -> new Judgement(Outcome.FAIL, why + ": its audience is not the configured one",
          "Request the token for the API's audience (aud, or client_id of a Cognito access token).");
      default -> new Judgement(Outcome.FAIL, why, "");
    };
  }

  static SignatureCheck signature(TokenReport report, boolean unsigned) {
    if (unsigned) {
      return SignatureCheck.ALG_NONE_REFUSED;
    }
    if (report.verdict() instanceof TokenVerdict.Accepted || report.passed("jwt.signature")) {
      return SignatureCheck.VERIFIED;
    }
    return switch (report.decidedBy()) {
      case "jwt.kid" -> SignatureCheck.KID_NOT_FOUND;
      case "jwt.signature" -> report.verdict().checks().getLast().evidence().contains("does not verify")
          ? SignatureCheck.BAD_SIGNATURE : SignatureCheck.UNSUPPORTED;
      case "jwt.algorithm" -> SignatureCheck.UNSUPPORTED;
      default -> SignatureCheck.NOT_CHECKED;
    };
  }

  /** The rule book's last word on the token (the JOSE view is {@link TokenReport#joseNote}, shown apart). */
  static String note(TokenReport report) {
    String verdict = switch (report.verdict()) {
      case TokenVerdict.Accepted a -> "API Gateway's JWT authoriser accepts it ("
          + a.checks().stream().filter(c -> c.id().equals("jwt.signature")).map(c -> c.evidence()).findFirst().orElse("signature verified") + ")";
      case TokenVerdict.Refused r -> r.message();
    };
    return verdict;
  }
}
