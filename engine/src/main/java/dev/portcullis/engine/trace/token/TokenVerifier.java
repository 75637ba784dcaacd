package dev.portcullis.engine.trace.token;

import dev.portcullis.engine.rules.jwt.TokenReport;
import dev.portcullis.engine.trace.TokenInspection;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code portcullis token verify}: a JWT checked by the rule book's JWT authoriser (the same checks
 * and key fetching as the gateway and the token lab), with the issuer, and when asked the audience,
 * compared. Problems are sentences in the result; only an unreachable key set is an exception.
 */
public final class TokenVerifier {
  private final Clock clock;

  private TokenVerifier(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static TokenVerifier create(Clock clock) {
    return new TokenVerifier(clock);
  }

  /**
   * The inspection and what the JWT authoriser objects to; valid when there is nothing.
   * {@code inspection().decidedBy()} names the deciding check, {@code inspection().joseNote()} the
   * second line for a token a generic JOSE library would accept.
   */
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
    TokenLab lab = TokenLab.create(clock);
    List<String> audiences = audience == null ? null : List.of(audience);
    TokenReport report = jwks != null ? lab.reportWithJwksUrl(token, jwks.toString(), issuer, audiences)
        : lab.reportWithIssuer(token, issuer, audiences);
    TokenInspection inspection = lab.present(token, report);
    String jwksUrl = jwks != null ? jwks.toString() : "the discovery document of " + issuer;
    List<String> problems = new ArrayList<>();
    if (!report.decidedBy().isEmpty()) {
      problems.add(switch (report.decidedBy()) {
        case "jwt.issuer" -> "the issuer is " + claim(inspection, "iss") + ", not " + issuer;
        case "jwt.audience" -> "the audience is " + audienceOf(inspection) + ", not " + audience;
        default -> inspection.summary() + (inspection.fix().isEmpty() ? "" : " " + inspection.fix());
      });
    }
    return new Result(inspection, jwksUrl, problems);
  }

  private static String audienceOf(TokenInspection inspection) {
    String aud = claim(inspection, "aud");
    String clientId = claim(inspection, "client_id");
    return aud != null ? aud : clientId != null ? "client_id " + clientId : "absent";
  }

  private static String claim(TokenInspection inspection, String name) {
    return inspection.claims().stream().filter(c -> c.name().equals(name)).map(TokenInspection.Claim::value).findFirst().orElse(null);
  }
}
