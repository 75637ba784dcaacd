package dev.portcullis.engine.rules.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.portcullis.engine.http.InstantTexts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The time claims, with no clock-skew leeway: AWS documents none (apigw-facts §3, §10 q2).
 * {@code nbf} and {@code iat} equal to now pass, so a token minted this second is usable; AWS's
 * "before the current time" does not settle the equal case.
 */
final class TokenTimes {
  // the evidence's times; each kind keeps its own second (a reused token's exp and iat, this second's now)
  private static final InstantTexts EXP = new InstantTexts();
  private static final InstantTexts NBF = new InstantTexts();
  private static final InstantTexts IAT = new InstantTexts();
  private static final InstantTexts NOW = new InstantTexts();

  private TokenTimes() {}

  /** @param expired true when the refusal is for a past {@code exp} (it picks the response text) */
  record Result(Outcome outcome, boolean expired) {}

  static Result check(JWTClaimsSet claims, Instant now, boolean checkIat) {
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      return new Result(Outcome.fail("token has no exp; AWS does not document this case, refused as the yulin emulator does"), false);
    }
    if (!now.isBefore(exp.toInstant())) {
      return new Result(Outcome.fail("token exp " + EXP.format(exp.toInstant()) + " is not after now " + NOW.format(now)), true);
    }
    List<String> passed = new ArrayList<>(List.of("exp " + EXP.format(exp.toInstant()) + " is after now " + NOW.format(now)));
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().isAfter(now)) {
      return new Result(Outcome.fail("token nbf " + NBF.format(nbf.toInstant()) + " is after now " + NOW.format(now)), false);
    }
    if (nbf != null) {
      passed.add("nbf " + NBF.format(nbf.toInstant()) + " is not after now");
    }
    Date iat = claims.getIssueTime();
    if (checkIat && iat != null && iat.toInstant().isAfter(now)) {
      return new Result(Outcome.fail("token iat " + IAT.format(iat.toInstant()) + " is after now " + NOW.format(now)), false);
    }
    if (checkIat && iat != null) {
      passed.add("iat " + IAT.format(iat.toInstant()) + " is not after now");
    }
    return new Result(Outcome.pass(String.join("; ", passed)), false);
  }
}
