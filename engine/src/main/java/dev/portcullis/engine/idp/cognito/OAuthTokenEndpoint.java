package dev.portcullis.engine.idp.cognito;

import dev.portcullis.engine.idp.http.Exchanges;
import dev.portcullis.engine.idp.http.IdpContext;
import dev.portcullis.engine.model.Emulator.AppClient;
import dev.portcullis.engine.serve.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user pool domain's {@code /oauth2/token}, client_credentials grant only (spec §9.6).
 *
 * <p>A real pool serves this on its own host, {@code https://<domain>.auth.<region>.amazoncognito.com}
 * (or a custom domain), so the host says which pool is meant. The local one serves every pool on one
 * loopback address at {@code {baseUrl}/oauth2/token} and finds the pool by the client id instead;
 * client ids are unique across the emulator's pools.
 */
final class OAuthTokenEndpoint {

  private final IdpContext context;
  private final List<CognitoPool> pools;

  OAuthTokenEndpoint(IdpContext context, List<CognitoPool> pools) {
    this.context = context;
    this.pools = pools;
  }

  void handle(Exchange exchange) throws IOException {
    if (!"POST".equals(exchange.method())
        || !"application/x-www-form-urlencoded".equals(Exchanges.mediaType(exchange))) {
      error(exchange, "invalid_request");
      return;
    }
    Optional<String> body = Exchanges.body(exchange);
    if (body.isEmpty()) {
      error(exchange, "invalid_request");
      return;
    }
    Map<String, List<String>> form = Exchanges.form(body.get());
    Optional<String[]> basic = Exchanges.basicCredentials(exchange);
    String clientId = basic.map(b -> b[0]).orElse(single(form, "client_id"));
    String secret = basic.map(b -> b[1]).orElse(single(form, "client_secret"));
    Optional<CognitoPool> pool = pools.stream().filter(p -> p.client(clientId).isPresent()).findFirst();
    Optional<AppClient> client = pool.flatMap(p -> p.client(clientId)).filter(c -> secretMatches(c, secret));
    if (client.isEmpty()) {
      error(exchange, "invalid_client");
      return;
    }
    grant(exchange, pool.get(), client.get(), form);
  }

  private void grant(Exchange exchange, CognitoPool pool, AppClient client, Map<String, List<String>> form)
      throws IOException {
    if (!"client_credentials".equals(single(form, "grant_type"))) {
      error(exchange, form.containsKey("grant_type") ? "unsupported_grant_type" : "invalid_request");
      return;
    }
    List<String> allowed = client.scopes().stream().filter(pool::isResourceServerScope).toList();
    if (allowed.isEmpty()) {
      // The fixture has no switch for the client_credentials flow: a client with custom scopes has it.
      error(exchange, "unauthorized_client");
      return;
    }
    String requested = single(form, "scope");
    // Requested scopes the client lacks are ignored; none requested means all of the client's (§9.6).
    List<String> scopes = requested == null ? allowed
        : Arrays.stream(requested.trim().split("\\s+")).filter(allowed::contains).distinct().toList();
    if (scopes.isEmpty()) {
      error(exchange, "invalid_scope");
      return;
    }
    String token = CognitoTokens.clientCredentials(pool, client, scopes, context);
    context.event("Cognito client_credentials token for " + client.clientId() + " (" + String.join(" ", scopes)
        + "): " + Exchanges.abbreviate(token));
    Exchanges.sendJson(exchange, 200, Map.of("access_token", token, "token_type", "Bearer",
        "expires_in", client.accessTokenMinutes() * 60));
  }

  private static boolean secretMatches(AppClient client, String secret) {
    return client.clientSecret() != null && secret != null && MessageDigest.isEqual(
        client.clientSecret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
  }

  /** A parameter given once; a repeated one counts as absent (RFC 6749 §3.2 forbids repeats). */
  private static String single(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }

  /** Cognito answers every token endpoint error with 400 and {@code {"error": ...}} (spec §9.6). */
  private static void error(Exchange exchange, String code) throws IOException {
    Exchanges.sendJson(exchange, 400, Map.of("error", code));
  }
}
