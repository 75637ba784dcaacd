package dev.portcullis.engine.rules.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
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
  private TokenTimes() {}

  /** @param expired true when the refusal is for a past {@code exp} (it picks the response text) */
  record Result(Outcome outcome, boolean expired) {}

  static Result check(JWTClaimsSet claims, Instant now, boolean checkIat) {
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      return new Result(Outcome.fail("token has no exp; AWS does not document this case, refused as the yulin emulator does"), false);
    }
    if (!now.isBefore(exp.toInstant())) {
      return new Result(Outcome.fail("token exp " + exp.toInstant() + " is not after now " + now), true);
    }
    List<String> passed = new ArrayList<>(List.of("exp " + exp.toInstant() + " is after now " + now));
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().isAfter(now)) {
      return new Result(Outcome.fail("token nbf " + nbf.toInstant() + " is after now " + now), false);
    }
    if (nbf != null) {
      passed.add("nbf " + nbf.toInstant() + " is not after now");
    }
    Date iat = claims.getIssueTime();
    if (checkIat && iat != null && iat.toInstant().isAfter(now)) {
      return new Result(Outcome.fail("token iat " + iat.toInstant() + " is after now " + now), false);
    }
    if (checkIat && iat != null) {
      passed.add("iat " + iat.toInstant() + " is not after now");
    }
    return new Result(Outcome.pass(String.join("; ", passed)), false);
  }
}
