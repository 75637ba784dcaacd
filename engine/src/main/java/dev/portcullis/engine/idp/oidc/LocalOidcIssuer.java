package dev.portcullis.engine.idp.oidc;

import dev.portcullis.engine.idp.http.Exchanges;
import dev.portcullis.engine.idp.http.IdpContext;
import dev.portcullis.engine.idp.keys.JwtSigning;
import dev.portcullis.engine.idp.keys.KeyRing;
import dev.portcullis.engine.model.Emulator.OidcClientFixture;
import dev.portcullis.engine.model.Emulator.OidcIssuer;
import dev.portcullis.engine.serve.Exchange;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local OIDC issuer (the demo's "bank") under {@code {baseUrl}/oidc/{name}}: discovery, JWKS and
 * a token endpoint for the client_credentials grant. Each client's token carries its audience, its
 * granted scopes and its fixed claims (e.g. {@code actor}): what a JWT authoriser checks (spec §3).
 */
public final class LocalOidcIssuer {

  /** The fixture has no per-client lifetime; an hour is the common default of real issuers. */
  static final long TOKEN_SECONDS = 3600;
  /** The one key purpose of an OIDC issuer. */
  public static final String SIGNING_KEY = "signing";

  private final OidcIssuer model;
  private final String issuer;
  private final KeyRing keys;
  private final IdpContext context;
  private final ClientAuthenticator authenticator;

  /** @param issuer this issuer's URL, {@code {baseUrl}/oidc/{name}} */
  public LocalOidcIssuer(OidcIssuer model, String issuer, String seed, IdpContext context) {
    this.model = model;
    this.issuer = issuer;
    this.keys = new KeyRing(seed, "oidc/" + model.name(), List.of(SIGNING_KEY));
    this.context = context;
    this.authenticator = new ClientAuthenticator(model.clients(), List.of(issuer + "/token", issuer));
  }

  public String issuer() {
    return issuer;
  }

  public KeyRing keys() {
    return keys;
  }

  /**
   * Serves {@code path} below the issuer URL.
   *
   * @return false for a path this issuer does not serve, so the caller answers 404
   */
  public boolean handle(Exchange exchange, String path) throws IOException {
    if (path.equals("/token")) {
      token(exchange);
      return true;
    }
    Optional<Map<String, Object>> body = wellKnown(path);
    if (body.isPresent()) {
      Exchanges.sendJson(exchange, 200, body.get());
    }
    return body.isPresent();
  }

  /** The discovery document or key set at {@code path} below the issuer URL, served over HTTP or read in-process. */
  public Optional<Map<String, Object>> wellKnown(String path) {
    return switch (path) {
      case "/.well-known/openid-configuration" -> Optional.of(discovery());
      case "/jwks.json" -> Optional.of(keys.publicJwks(context.clock().instant()).toJSONObject(true));
      default -> Optional.empty();
    };
  }

  private void token(Exchange exchange) throws IOException {
    Optional<String> body = Exchanges.body(exchange);
    if (!"POST".equals(exchange.method()) || body.isEmpty()
        || !"application/x-www-form-urlencoded".equals(Exchanges.mediaType(exchange))) {
      error(exchange, "invalid_request", "POST a form (application/x-www-form-urlencoded)");
      return;
    }
    Map<String, List<String>> form = Exchanges.form(body.get());
    Instant now = context.clock().instant();
    switch (authenticator.authenticate(Exchanges.basicCredentials(exchange), form, now)) {
      case ClientAuthenticator.Outcome.Refused refused -> {
        context.event("Issuer " + model.name() + " refused a token request: " + refused.description());
        error(exchange, refused.error(), refused.description());
      }
      case ClientAuthenticator.Outcome.Authenticated ok -> grant(exchange, ok, form, now);
    }
  }

  private void grant(Exchange exchange, ClientAuthenticator.Outcome.Authenticated ok,
      Map<String, List<String>> form, Instant now) throws IOException {
    if (!"client_credentials".equals(ClientAuthenticator.single(form, "grant_type"))) {
      error(exchange, "unsupported_grant_type", "this issuer serves the client_credentials grant only");
      return;
    }
    OidcClientFixture client = ok.client();
    String requested = ClientAuthenticator.single(form, "scope");
    List<String> scopes = requested == null ? client.scopes() : Arrays.asList(requested.trim().split("\\s+"));
    if (!client.scopes().containsAll(scopes)) {
      error(exchange, "invalid_scope", "client '" + client.clientId() + "' may ask for " + client.scopes());
      return;
    }
    String token = JwtSigning.sign(keys.current(SIGNING_KEY), claims(client, scopes, now));
    context.event("Issuer " + model.name() + " token for " + client.clientId() + " (" + ok.method() + "): "
        + Exchanges.abbreviate(token));
    Exchanges.sendJson(exchange, 200, Map.of("access_token", token, "token_type", "Bearer",
        "expires_in", TOKEN_SECONDS, "scope", String.join(" ", scopes)));
  }

  private Map<String, Object> claims(OidcClientFixture client, List<String> scopes, Instant now) {
    // Fixture claims first, so they cannot displace the registered claims the authoriser checks.
    Map<String, Object> claims = new LinkedHashMap<>(client.claims());
    claims.put("iss", issuer);
    claims.put("sub", client.clientId());
    if (client.audience() != null) {
      claims.put("aud", client.audience());
    }
    claims.put("iat", now.getEpochSecond());
    claims.put("nbf", now.getEpochSecond());
    claims.put("exp", now.getEpochSecond() + TOKEN_SECONDS);
    claims.put("jti", context.randomUuid());
    claims.put("client_id", client.clientId());
    claims.put("scope", String.join(" ", scopes));
    return claims;
  }

  private Map<String, Object> discovery() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer);
    doc.put("jwks_uri", issuer + "/jwks.json");
    doc.put("token_endpoint", issuer + "/token");
    doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
    doc.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256", "ES256"));
    doc.put("grant_types_supported", List.of("client_credentials"));
    // Required by OIDC Discovery even for an issuer without an authorization endpoint.
    doc.put("response_types_supported", List.of("token"));
    doc.put("subject_types_supported", List.of("public"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    doc.put("scopes_supported", model.clients().stream().flatMap(c -> c.scopes().stream()).distinct().toList());
    return doc;
  }

  /** OAuth error JSON (RFC 6749 §5.2): invalid_client is 401 with a Basic challenge, the rest 400. */
  private void error(Exchange exchange, String code, String description) throws IOException {
    boolean client = "invalid_client".equals(code);
    Exchanges.sendJson(exchange, client ? 401 : 400, Map.of("error", code, "error_description", description),
        "application/json", client ? Map.of("WWW-Authenticate", "Basic realm=\"" + model.name() + "\"") : Map.of());
  }
}
