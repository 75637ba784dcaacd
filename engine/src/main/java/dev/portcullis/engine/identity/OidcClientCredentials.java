package dev.portcullis.engine.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderConfigurationRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.portcullis.engine.model.Caller;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OAuth 2.0 client credentials against an OIDC issuer, with nimbus oauth2-oidc-sdk for the
 * protocol: discovery, then the token endpoint with client_secret_basic, client_secret_post or
 * private_key_jwt. Every failure is a {@link Acquisition.Failed} in OAuth's own words.
 */
final class OidcClientCredentials {
  private final OkHttpSender sender;
  private final Clock clock;

  OidcClientCredentials(OkHttpSender sender, Clock clock) {
    this.sender = sender;
    this.clock = clock;
  }

  /** Secrets already resolved: {@code clientSecret} or {@code privateKey} (PEM or JWK JSON), as the client auth needs. */
  Acquisition acquire(Caller.OidcClient caller, String issuer, String clientSecret, String privateKey) {
    Instant start = clock.instant();
    String flow = "client_credentials (" + caller.clientAuth().name().toLowerCase(java.util.Locale.ROOT) + ")";
    URI tokenEndpoint;
    try {
      OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(
          new OIDCProviderConfigurationRequest(new Issuer(issuer)).toHTTPRequest().send(sender).getBodyAsJSONObject());
      tokenEndpoint = metadata.getTokenEndpointURI();
      if (tokenEndpoint == null) {
        return failed(flow, issuer, "The discovery document of " + issuer + " names no token_endpoint.",
            "Check the issuer URL; it must serve /.well-known/openid-configuration with a token_endpoint.", start);
      }
    } catch (IOException | ParseException e) {
      return failed(flow, issuer, "Discovery at " + issuer + "/.well-known/openid-configuration failed: " + e.getMessage(),
          "Check the issuer URL (it is the token's iss, without /.well-known) and that the provider is reachable.", start);
    }
    try {
      ClientAuthentication auth = auth(caller, tokenEndpoint, clientSecret, privateKey);
      Map<String, List<String>> extra = caller.audience() == null ? Map.of() : Map.of("audience", List.of(caller.audience()));
      Scope scope = caller.scopes().isEmpty() ? null : new Scope(caller.scopes().toArray(String[]::new));
      TokenRequest request = new TokenRequest(tokenEndpoint, auth, new ClientCredentialsGrant(), scope, null, extra);
      HTTPResponse http = request.toHTTPRequest().send(sender);
      return answer(flow, tokenEndpoint.toString(), http, start);
    } catch (IOException e) {
      return failed(flow, tokenEndpoint.toString(), "The token endpoint " + tokenEndpoint + " did not answer: " + e.getMessage(),
          "Check that the provider is running and reachable.", start);
    } catch (JOSEException | IllegalArgumentException | java.text.ParseException e) {
      return failed(flow, tokenEndpoint.toString(), "The private_key_jwt assertion could not be made: " + e.getMessage(),
          "The privateKey reference must hold an RSA private key as a JWK (JSON) or PKCS#8 PEM.", start);
    }
  }

  private Acquisition answer(String flow, String endpoint, HTTPResponse http, Instant start) {
    TokenResponse response;
    try {
      response = TokenResponse.parse(http);
    } catch (ParseException e) {
      return failed(flow, endpoint, "The token endpoint answered " + http.getStatusCode() + " with a body that is not an OAuth token response ("
          + e.getMessage() + ").", "Check the token endpoint URL; a proxy or login page may be answering instead.", start);
    }
    if (response instanceof TokenErrorResponse error) {
      ErrorObject e = error.getErrorObject();
      return failed(flow, endpoint, "The token endpoint refused: " + e.getCode()
          + (e.getDescription() == null ? "" : " (" + e.getDescription() + ")") + ", HTTP " + e.getHTTPStatusCode() + ".",
          fixFor(e.getCode()), start);
    }
    AccessToken token = ((AccessTokenResponse) response).getTokens().getAccessToken();
    List<String> notes = new ArrayList<>();
    Instant expires = token.getLifetime() > 0 ? clock.instant().plusSeconds(token.getLifetime()) : expiryFromJwt(token.getValue(), notes);
    Credential.Bearer bearer = new Credential.Bearer("Authorization", "Bearer ", token.getValue(), expires, "OIDC access token", null);
    return new Acquisition.Acquired(bearer, flow, endpoint, Acquisition.Freshness.FRESH, Duration.between(start, clock.instant()), notes);
  }

  private Instant expiryFromJwt(String token, List<String> notes) {
    try {
      java.util.Date exp = JWTParser.parse(token).getJWTClaimsSet().getExpirationTime();
      notes.add("The token response had no expires_in; the expiry comes from the token's exp claim.");
      return exp == null ? null : exp.toInstant();
    } catch (java.text.ParseException e) {
      notes.add("The token response had no expires_in and the token is not a JWT: Portcullis assumes one hour.");
      return clock.instant().plus(Duration.ofHours(1));
    }
  }

  private static ClientAuthentication auth(Caller.OidcClient caller, URI tokenEndpoint, String secret, String privateKey)
      throws JOSEException, java.text.ParseException {
    ClientID id = new ClientID(caller.clientId());
    return switch (caller.clientAuth()) {
      case CLIENT_SECRET_BASIC -> new ClientSecretBasic(id, new Secret(secret));
      case CLIENT_SECRET_POST -> new ClientSecretPost(id, new Secret(secret));
      case PRIVATE_KEY_JWT -> {
        JWK jwk = privateKey.strip().startsWith("{") ? JWK.parse(privateKey) : JWK.parseFromPEMEncodedObjects(privateKey);
        RSAKey rsa = jwk.toRSAKey();
        yield new PrivateKeyJWT(id, tokenEndpoint, JWSAlgorithm.RS256, rsa.toRSAPrivateKey(), rsa.getKeyID(), null);
      }
    };
  }

  private static String fixFor(String code) {
    return switch (code == null ? "" : code) {
      case "invalid_client" -> "Check the client id and its secret or key, and that the client may use this authentication method.";
      case "invalid_scope" -> "Ask only for scopes the client is allowed (see the caller's scopes).";
      case "unauthorized_client" -> "Enable the client_credentials grant for this client at the provider.";
      default -> "See the provider's error; the caller's issuer, client id and scopes are the usual suspects.";
    };
  }

  private Acquisition.Failed failed(String flow, String endpoint, String message, String fix, Instant start) {
    return new Acquisition.Failed(flow, endpoint, message, fix, Duration.between(start, clock.instant()));
  }
}
