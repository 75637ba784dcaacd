package dev.portcullis.engine.idp.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.engine.model.Emulator.OidcClientFixture;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates a client at the local OIDC issuer's token endpoint with client_secret_basic,
 * client_secret_post (RFC 6749 §2.3.1) or private_key_jwt (RFC 7523, OIDC Core §9). A fixture
 * allows only the methods it lists. Using more than one method in one request is refused, as
 * RFC 6749 §2.3 requires. Assertion expiry is checked against the injected clock, not nimbus's
 * wall-clock verifier.
 */
final class ClientAuthenticator {

  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /** The outcome: an authenticated client, or an OAuth error with a description for the log. */
  sealed interface Outcome {
    record Authenticated(OidcClientFixture client, String method) implements Outcome {}

    record Refused(String error, String description) implements Outcome {}
  }

  private final List<OidcClientFixture> clients;
  private final List<String> audiences;
  private final Map<String, Instant> seenAssertions = new ConcurrentHashMap<>();

  /** @param audiences what a client assertion's {@code aud} may name: the token endpoint or the issuer */
  ClientAuthenticator(List<OidcClientFixture> clients, List<String> audiences) {
    this.clients = clients;
    this.audiences = audiences;
  }

  Outcome authenticate(Optional<String[]> basic, Map<String, List<String>> form, Instant now) {
    boolean post = form.containsKey("client_secret");
    boolean jwt = form.containsKey("client_assertion");
    if ((basic.isPresent() ? 1 : 0) + (post ? 1 : 0) + (jwt ? 1 : 0) > 1) {
      return new Outcome.Refused("invalid_request", "more than one client authentication method");
    }
    if (basic.isPresent()) {
      return secret(basic.get()[0], basic.get()[1], "client_secret_basic");
    }
    if (post) {
      return secret(single(form, "client_id"), single(form, "client_secret"), "client_secret_post");
    }
    if (jwt) {
      return assertion(form, now);
    }
    return new Outcome.Refused("invalid_client", "no client authentication");
  }

  private Outcome secret(String clientId, String secret, String method) {
    Optional<OidcClientFixture> client = allowing(clientId, method);
    if (client.isEmpty()) {
      return new Outcome.Refused("invalid_client", "client '" + clientId + "' unknown or not allowed " + method);
    }
    String expected = client.get().clientSecret();
    if (expected == null || secret == null || !MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
      return new Outcome.Refused("invalid_client", "wrong secret for client '" + clientId + "'");
    }
    return new Outcome.Authenticated(client.get(), method);
  }

  private Outcome assertion(Map<String, List<String>> form, Instant now) {
    if (!JWT_BEARER.equals(single(form, "client_assertion_type"))) {
      return new Outcome.Refused("invalid_request", "client_assertion_type must be " + JWT_BEARER);
    }
    try {
      SignedJWT jwt = SignedJWT.parse(single(form, "client_assertion"));
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      String clientId = claims.getIssuer();
      String formClientId = single(form, "client_id");
      Optional<OidcClientFixture> client = allowing(clientId, "private_key_jwt");
      if (client.isEmpty() || client.get().publicKeyJwk() == null || (formClientId != null && !formClientId.equals(clientId))) {
        return new Outcome.Refused("invalid_client", "client '" + clientId + "' unknown or not allowed private_key_jwt");
      }
      Optional<String> problem = problem(jwt, claims, client.get(), now);
      return problem.<Outcome>map(p -> new Outcome.Refused("invalid_client", "client assertion of '" + clientId + "': " + p))
          .orElseGet(() -> new Outcome.Authenticated(client.get(), "private_key_jwt"));
    } catch (ParseException | JOSEException | NullPointerException e) {
      return new Outcome.Refused("invalid_client", "client_assertion is not a signed JWT with a verifiable key");
    }
  }

  private Optional<String> problem(SignedJWT jwt, JWTClaimsSet claims, OidcClientFixture client, Instant now)
      throws ParseException, JOSEException {
    if (!jwt.verify(verifier(JWK.parse(client.publicKeyJwk())))) {
      return Optional.of("signature does not verify with the client's registered key");
    }
    if (!claims.getIssuer().equals(claims.getSubject())) {
      return Optional.of("iss and sub must both be the client id");
    }
    if (claims.getAudience().stream().noneMatch(audiences::contains)) {
      return Optional.of("aud " + claims.getAudience() + " names neither " + audiences);
    }
    if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
      return Optional.of("expired or without exp");
    }
    String jti = claims.getJWTID();
    if (jti == null || seenAssertions.putIfAbsent(client.clientId() + " " + jti, claims.getExpirationTime().toInstant()) != null) {
      return Optional.of("jti missing or already used");
    }
    seenAssertions.values().removeIf(exp -> !exp.isAfter(now));
    return Optional.empty();
  }

  private static JWSVerifier verifier(JWK key) throws JOSEException {
    return switch (key) {
      case RSAKey rsa -> new RSASSAVerifier(rsa);
      case ECKey ec -> new ECDSAVerifier(ec);
      default -> throw new JOSEException("key type " + key.getKeyType() + " cannot verify a client assertion");
    };
  }

  private Optional<OidcClientFixture> allowing(String clientId, String method) {
    return clients.stream().filter(c -> c.clientId().equals(clientId) && c.authMethods().contains(method)).findFirst();
  }

  /** A parameter given once; a repeated one counts as absent (RFC 6749 §3.2 forbids repeats). */
  static String single(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }
}
