package dev.portcullis.engine.trace.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.portcullis.engine.rules.jwt.JwksSource;
import dev.portcullis.engine.rules.jwt.TokenAuthorizer;
import dev.portcullis.engine.rules.jwt.TokenReport;
import dev.portcullis.engine.rules.jwt.TokenVerdict;
import dev.portcullis.engine.store.Json;
import dev.portcullis.engine.trace.TokenInspection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token lab's engine side: decode and explain any JWT, verify it against an issuer, a JWKS URL
 * or a pasted key, and tamper with its claims. Verifying asks the rule book's own JWT authoriser
 * ({@link TokenAuthorizer#report}), with keys from the rule book's {@link JwksSource} (the gateway's
 * fetch limits, one cache per lab); this class only presents the verdict. Keeps nimbus and Jackson
 * out of the app. A key set that cannot be fetched or read is an {@link IOException} whose message
 * is a sentence for the user.
 */
public final class TokenLab {
  private final TokenInspector inspector;
  private final Clock clock;
  private final TokenAuthorizer issuers;
  private final Map<String, TokenAuthorizer> jwksUrls = new ConcurrentHashMap<>();

  private TokenLab(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.inspector = TokenInspector.create(clock);
    this.issuers = TokenAuthorizer.create(JwksSource.http(clock), clock);
  }

  public static TokenLab create(Clock clock) {
    return new TokenLab(clock);
  }

  /** Decodes and explains; a token that is not a JWT is an inspection that says so. */
  public TokenInspection inspect(String token) {
    return inspector.inspect(token);
  }

  /** Verifies as a JWT authoriser whose issuer is not known would, with the keys at {@code jwksUrl}. */
  public TokenInspection verifyWithJwksUrl(String token, String jwksUrl) throws IOException {
    return present(token, reportWithJwksUrl(token, jwksUrl, null));
  }

  /** Verifies as a JWT authoriser configured with {@code issuerUrl} would (keys by its discovery document). */
  public TokenInspection verifyWithIssuer(String token, String issuerUrl) throws IOException {
    return present(token, reportWithIssuer(token, issuerUrl.strip(), null));
  }

  /** Verifies against a pasted JWKS, single JWK, or PEM public key, the issuer not compared. */
  public TokenInspection verifyWithKey(String token, String key) throws IOException {
    TokenAuthorizer pasted;
    try {
      pasted = TokenAuthorizer.create(JwksSource.pasted(key), clock);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    return present(token, pasted.report(token, null, null));
  }

  /**
   * The rule book's report with keys found through the issuer's discovery document.
   *
   * @param audiences null not to compare the audience
   */
  public TokenReport reportWithIssuer(String token, String issuer, List<String> audiences) {
    return issuers.report(token, issuer, audiences);
  }

  /** The rule book's report with the keys at {@code jwksUrl}; {@code issuer} null not to compare iss. */
  public TokenReport reportWithJwksUrl(String token, String jwksUrl, String issuer, List<String> audiences) {
    return jwksUrls.computeIfAbsent(jwksUrl.strip(), url -> TokenAuthorizer.create(JwksSource.jwksUrl(url, clock), clock))
        .report(token, issuer, audiences);
  }

  private TokenReport reportWithJwksUrl(String token, String jwksUrl, List<String> audiences) {
    return reportWithJwksUrl(token, jwksUrl, null, audiences);
  }

  /** The inspection of {@code token} with the rule book's verdict on it. */
  public TokenInspection present(String token, TokenReport report) throws IOException {
    if (report.verdict() instanceof TokenVerdict.Refused r && r.decidedBy().equals("jwks.fetch")) {
      throw new IOException(r.message().replaceFirst("^JWT refused \\(jwks.fetch\\): could not get the keys", "Could not fetch the JWKS") + ".");
    }
    return inspector.inspect(token, report);
  }

  /**
   * The token with its payload replaced by {@code claimsJson} and the original signature kept: what
   * an attacker would send, so the signature check must now fail.
   */
  public String tamper(String token, String claimsJson) {
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("Only a signed JWT (header.payload.signature) can be tampered with; this one has "
          + parts.length + " parts.");
    }
    String compact = Json.write(claims(claimsJson)).replaceAll("\\s*\\n\\s*", "");
    String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(compact.getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + payload + "." + parts[2];
  }

  /** The claims of an edited JSON object, in order, for minting. */
  public static Map<String, Object> claims(String claimsJson) {
    try {
      Map<String, Object> claims = Json.mapper().readValue(claimsJson, new TypeReference<LinkedHashMap<String, Object>>() {});
      if (claims == null) {
        throw new IllegalArgumentException("The claims must be a JSON object, e.g. {\"sub\": \"alice\"}.");
      }
      return claims;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The claims are not a JSON object: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ").", e);
    }
  }
}
