package dev.portcullis.engine.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Who sends a request, and how they get the credential it carries. */
public sealed interface Caller {
  String name();

  String description();

  /**
   * A Cognito user-pool user.
   *
   * @param endpoint the Cognito endpoint; null for the real regional one (from the pool id), or the
   *     local pool's URL, or {@code {{variable}}}
   * @param flow how to log in
   * @param token which token goes on the wire
   * @param mfaSecret a TOTP secret reference, so headless runs can answer SOFTWARE_TOKEN_MFA
   */
  record CognitoUser(
      String name,
      String description,
      String userPoolId,
      String clientId,
      SecretRef clientSecret,
      String username,
      SecretRef password,
      CognitoFlow flow,
      TokenUse token,
      String endpoint,
      SecretRef mfaSecret) implements Caller {
    public CognitoUser {
      Names.require(name, "caller name");
      Names.require(userPoolId, "caller '" + name + "' userPoolId");
      Names.require(clientId, "caller '" + name + "' clientId");
      Names.require(username, "caller '" + name + "' username");
      flow = flow == null ? CognitoFlow.USER_SRP_AUTH : flow;
      token = token == null ? TokenUse.ID : token;
    }
  }

  enum CognitoFlow { USER_SRP_AUTH, USER_PASSWORD_AUTH }

  enum TokenUse { ID, ACCESS }

  /** An OAuth 2.0 client using client credentials against an OIDC issuer. */
  record OidcClient(
      String name,
      String description,
      String issuer,
      String clientId,
      SecretRef clientSecret,
      ClientAuth clientAuth,
      SecretRef privateKey,
      List<String> scopes,
      String audience) implements Caller {
    public OidcClient {
      Names.require(name, "caller name");
      Names.require(issuer, "caller '" + name + "' issuer");
      Names.require(clientId, "caller '" + name + "' clientId");
      clientAuth = clientAuth == null ? ClientAuth.CLIENT_SECRET_BASIC : clientAuth;
      scopes = Names.list(scopes);
    }
  }

  enum ClientAuth { CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, PRIVATE_KEY_JWT }

  /** An AWS principal that signs with SigV4. */
  record Iam(String name, String description, CredentialSource credentials, String region) implements Caller {
    public Iam {
      Names.require(name, "caller name");
      credentials = credentials == null ? new CredentialSource.DefaultChain() : credentials;
    }
  }

  /**
   * A partner with an API key ({@code x-api-key}); {@code headers} adds what its Lambda authoriser
   * reads (values may be references or {@code {{variables}}}).
   */
  record ApiKey(String name, String description, SecretRef apiKey, Map<String, String> headers) implements Caller {
    public ApiKey {
      Names.require(name, "caller name");
      java.util.Objects.requireNonNull(apiKey, () -> "caller '" + name + "' needs an apiKey reference");
      headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
    }
  }

  /** A token from anywhere (pasted, minted in the token lab), sent in a header with a prefix. */
  record CustomToken(String name, String description, SecretRef token, String header, String prefix)
      implements Caller {
    public CustomToken {
      Names.require(name, "caller name");
      java.util.Objects.requireNonNull(token, () -> "caller '" + name + "' needs a token reference");
      header = header == null ? "Authorization" : header;
      prefix = prefix == null ? "Bearer " : prefix;
    }
  }

  /** No credential at all. */
  record Anonymous(String name, String description) implements Caller {
    public Anonymous {
      Names.require(name, "caller name");
    }
  }
}
