package dev.portcullis.engine.trace.token;

import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.TokenInspection;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a JWT as a JWT authoriser would: the signature against the issuer's keys (found by OIDC
 * discovery, or at a given JWKS URL), expiry, and when asked the issuer and audience. Problems are
 * sentences in the result; only an unreachable key set is an exception.
 */
public final class TokenVerifier {
  private final Clock clock;

  private TokenVerifier(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static TokenVerifier create(Clock clock) {
    return new TokenVerifier(clock);
  }

  /** The inspection and what a JWT authoriser would object to; valid when there is nothing. */
  public record Result(TokenInspection inspection, String jwksUrl, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /**
   * @param issuer the expected {@code iss}; its discovery document names the keys when {@code jwks} is null
   * @param jwks the key set's URL; null to discover it from {@code issuer}
   * @param audience the expected {@code aud} (or Cognito access token {@code client_id}); null not to check
   * @throws IOException when the keys cannot be fetched, with a sentence naming the URL
   */
  public Result verify(String token, String issuer, URI jwks, String audience) throws IOException {
    if (issuer == null && jwks == null) {
      throw new IllegalArgumentException("give the issuer or the JWKS URL to verify against");
    }
    // Fetching and checking the signature is the token lab's; this adds the issuer and audience checks.
    TokenLab lab = TokenLab.create(clock);
    TokenInspection inspection = jwks != null ? lab.verifyWithJwksUrl(token, jwks.toString()) : lab.verifyWithIssuer(token, issuer);
    String jwksUrl = jwks != null ? jwks.toString() : "the discovery document of " + issuer;
    List<String> problems = new ArrayList<>();
    if (inspection.outcome() == Outcome.FAIL) {
      problems.add(inspection.summary() + (inspection.fix().isEmpty() ? "" : " " + inspection.fix()));
    } else if (inspection.signatureCheck() != TokenInspection.SignatureCheck.VERIFIED) {
      problems.add("the signature was not verified: " + inspection.signatureNote());
    }
    String iss = claim(inspection, "iss");
    if (issuer != null && !issuer.replaceAll("/+$", "").equals(iss == null ? null : iss.replaceAll("/+$", ""))) {
      problems.add("the issuer is " + iss + ", not " + issuer);
    }
    if (audience != null) {
      String aud = claim(inspection, "aud");
      String clientId = claim(inspection, "client_id");
      boolean ok = (aud != null && (aud.equals(audience) || aud.contains("\"" + audience + "\""))) || audience.equals(clientId);
      if (!ok) {
        problems.add("the audience is " + (aud != null ? aud : clientId != null ? "client_id " + clientId : "absent") + ", not " + audience);
      }
    }
    return new Result(inspection, jwksUrl, problems);
  }

  private static String claim(TokenInspection inspection, String name) {
    return inspection.claims().stream().filter(c -> c.name().equals(name)).map(TokenInspection.Claim::value).findFirst().orElse(null);
  }
}
