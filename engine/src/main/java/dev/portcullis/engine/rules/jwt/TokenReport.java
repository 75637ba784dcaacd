package dev.portcullis.engine.rules.jwt;

import java.util.Objects;

/**
 * The JWT authoriser's verdict on a token, for the tools that explain tokens (the token lab,
 * {@code portcullis token verify}, the trace's Inspect step).
 *
 * @param verdict what API Gateway's JWT authoriser decides: this, never the JOSE view, is the verdict
 * @param joseNote empty, or one line for a token a generic JOSE library accepts and API Gateway
 *     refuses, e.g. {@code a JOSE library would accept this; API Gateway's JWT authoriser does not,
 *     because it accepts only RSA-based algorithms (apigw-facts §3) and this token is signed with ES256}
 */
public record TokenReport(TokenVerdict verdict, String joseNote) {
  public TokenReport {
    Objects.requireNonNull(verdict, "verdict");
    joseNote = joseNote == null ? "" : joseNote;
  }

  /** The check that refused the token, or empty when it was accepted. */
  public String decidedBy() {
    return verdict instanceof TokenVerdict.Refused r ? r.decidedBy() : "";
  }

  /** Whether a check with this id passed, e.g. {@code jwt.signature} on a token refused later for its audience. */
  public boolean passed(String checkId) {
    return verdict.checks().stream().anyMatch(c -> c.id().equals(checkId) && c.passed());
  }
}
