package dev.portcullis.engine.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.portcullis.engine.send.Exchange;
import dev.portcullis.engine.send.HttpExchanger;
import dev.portcullis.engine.send.OutgoingRequest;
import dev.portcullis.engine.store.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token lab's engine side: decode and explain any JWT, verify it against a JWKS URL, an
 * issuer's discovery document or a pasted key, and tamper with its claims. Keeps nimbus and Jackson
 * out of the app. Fetch failures are {@link IOException}s whose message is a sentence for the user.
 */
public final class TokenLab {
  private final TokenInspector inspector;
  private final HttpExchanger http;

  private TokenLab(Clock clock, HttpExchanger http) {
    this.inspector = TokenInspector.create(clock);
    this.http = http;
  }

  public static TokenLab create(Clock clock) {
    return create(clock, HttpExchanger.create(Duration.ofSeconds(10)));
  }

  /** With a given exchanger, so a session's key fetches go through its own connections. */
  public static TokenLab create(Clock clock, HttpExchanger http) {
    return new TokenLab(clock, http);
  }

  /** Decodes and explains; a token that is not a JWT is an inspection that says so. */
  public TokenInspection inspect(String token) {
    return inspector.inspect(token);
  }

  /** Checks the signature against the keys at {@code jwksUrl}. */
  public TokenInspection verifyWithJwksUrl(String token, String jwksUrl) throws IOException {
    return inspector.inspect(token, parseKeys(fetch(jwksUrl, "the JWKS"), "the JWKS at " + jwksUrl));
  }

  /** Checks the signature against the keys the issuer publishes (its discovery document's {@code jwks_uri}). */
  public TokenInspection verifyWithIssuer(String token, String issuerUrl) throws IOException {
    return inspector.inspect(token, issuerKeys(issuerUrl));
  }

  /** The keys an issuer publishes: its discovery document, then the key set its {@code jwks_uri} names. */
  public JWKSet issuerKeys(String issuerUrl) throws IOException {
    String discoveryUrl = issuerUrl.strip().replaceAll("/+$", "") + "/.well-known/openid-configuration";
    JsonNode discovery = readJson(fetch(discoveryUrl, "the issuer's discovery document"), discoveryUrl);
    String jwksUri = discovery.path("jwks_uri").asText("");
    if (jwksUri.isEmpty()) {
      throw new IOException("The discovery document at " + discoveryUrl + " names no jwks_uri, so there are no keys to check against.");
    }
    return parseKeys(fetch(jwksUri, "the JWKS"), "the JWKS at " + jwksUri);
  }

  /** Checks the signature against a pasted JWKS, single JWK, or PEM public key. */
  public TokenInspection verifyWithKey(String token, String key) throws IOException {
    return inspector.inspect(token, parseKeys(key, "the pasted key"));
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

  private String fetch(String url, String what) throws IOException {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IOException("'" + url + "' is not a URL.", e);
    }
    Exchange e = http.send(new OutgoingRequest("GET", uri, null, null));
    if (e instanceof Exchange.Failed f && f.kind() == Exchange.FailureKind.IO) {
      // a server that closes each connection (HTTP/1.0, python -m http.server) leaves a dead one in the pool:
      // retry this GET once, on a fresh connection, as clients do
      e = http.send(new OutgoingRequest("GET", uri, null, null));
    }
    if (e instanceof Exchange.Answered a) {
      if (a.status() == 200) {
        return a.bodyText();
      }
      throw new IOException("Fetching " + what + " from " + url + " answered " + a.status() + ", not 200.");
    }
    Exchange.Failed failed = (Exchange.Failed) e;
    throw new IOException("Could not fetch " + what + " from " + url + ": nothing answered (" + failed.message() + ")");
  }

  private static JWKSet parseKeys(String text, String what) throws IOException {
    String key = text == null ? "" : text.strip();
    try {
      if (key.startsWith("-----BEGIN")) {
        return new JWKSet(JWK.parseFromPEMEncodedObjects(key));
      }
      JsonNode json = readJson(key, what);
      return json.has("keys") ? JWKSet.parse(key) : new JWKSet(List.of(JWK.parse(key)));
    } catch (ParseException | JOSEException e) {
      throw new IOException(capitalised(what) + " is not a JWKS, a JWK or a PEM public key: " + e.getMessage(), e);
    }
  }

  private static JsonNode readJson(String text, String what) throws IOException {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IOException(capitalised(what) + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
