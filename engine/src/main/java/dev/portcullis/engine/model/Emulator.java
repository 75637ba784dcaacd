package dev.portcullis.engine.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The emulated world the local gateway and identity providers serve: users and passwords, app
 * clients and their secrets, access keys, API keys. Everything here is local-only: it opens nothing
 * on real AWS, so it may be shared, and {@code local:} references resolve against it.
 *
 * @param idpPort the loopback port of the local Cognito pools and OIDC issuers
 * @param signingKeySeed seeds the local issuers' RSA keys, so tokens and JWKS are reproducible
 */
public record Emulator(
    boolean localOnly,
    String signingKeySeed,
    Integer idpPort,
    List<UserPool> userPools,
    List<OidcIssuer> oidcIssuers,
    List<AccessKey> accessKeys,
    List<ApiKeyFixture> apiKeys,
    List<TokenRecipe> tokens) {

  public Emulator {
    userPools = Names.list(userPools);
    oidcIssuers = Names.list(oidcIssuers);
    accessKeys = Names.list(accessKeys);
    apiKeys = Names.list(apiKeys);
    tokens = Names.list(tokens);
    boolean hasFixtures = !(userPools.isEmpty() && oidcIssuers.isEmpty() && accessKeys.isEmpty() && apiKeys.isEmpty());
    if (hasFixtures && !localOnly) {
      // The marker is what tells a reader (and export) that these secrets open nothing real.
      throw new IllegalArgumentException("the emulator section holds local fixtures, so it must say \"localOnly\": true");
    }
    signingKeySeed = signingKeySeed == null ? "portcullis" : signingKeySeed;
  }

  public static Emulator empty() {
    return new Emulator(true, null, null, null, null, null, null, null);
  }

  /**
   * A token the local issuers mint on demand for failure cases ({@code local:tokens/NAME}):
   * {@code lifetimeSeconds} may be negative (already expired); {@code signingKey} "jwks" signs with
   * the issuer's published key, "unpublished" with a key that is not in its JWKS.
   */
  public record TokenRecipe(String name, String issuer, String audience, Map<String, Object> claims,
      long lifetimeSeconds, String signingKey) {
    public TokenRecipe {
      Names.require(name, "token recipe name");
      Names.require(issuer, "issuer of token recipe '" + name + "'");
      claims = claims == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(claims));
      signingKey = signingKey == null ? "jwks" : signingKey;
    }
  }

  /** A local Cognito user pool. {@code id} looks like a real one: {@code us-east-1_Local01}. */
  public record UserPool(String id, List<AppClient> clients, List<Group> groups, List<User> users,
      List<ResourceServer> resourceServers) {
    public UserPool {
      Names.require(id, "user pool id");
      if (!id.matches("[\\w-]+_[0-9a-zA-Z]+")) {
        throw new IllegalArgumentException("user pool id '" + id + "' is not of the form region_Name (us-east-1_Local01)");
      }
      clients = Names.list(clients);
      groups = Names.list(groups);
      users = Names.list(users);
      resourceServers = Names.list(resourceServers);
    }

    public String region() {
      return id.substring(0, id.indexOf('_'));
    }

    /** The part after the underscore: SRP's "pool name". */
    public String poolName() {
      return id.substring(id.indexOf('_') + 1);
    }
  }

  /**
   * An app client; token lifetimes in minutes (refresh in days), as Cognito configures them.
   *
   * @param scopes OAuth scopes it may ask for with client credentials
   */
  public record AppClient(String clientId, String name, String clientSecret, List<String> authFlows,
      List<String> scopes, int idTokenMinutes, int accessTokenMinutes, int refreshTokenDays) {
    public AppClient {
      Names.require(clientId, "app client id");
      authFlows = Names.list(authFlows);
      scopes = Names.list(scopes);
      idTokenMinutes = idTokenMinutes <= 0 ? 60 : idTokenMinutes;
      accessTokenMinutes = accessTokenMinutes <= 0 ? 60 : accessTokenMinutes;
      refreshTokenDays = refreshTokenDays <= 0 ? 30 : refreshTokenDays;
    }
  }

  /**
   * A group; {@code addScopes} stands in for a pre-token-generation trigger that adds scopes to
   * its members' access tokens.
   */
  public record Group(String name, String description, List<String> addScopes) {
    public Group {
      Names.require(name, "group name");
      addScopes = Names.list(addScopes);
    }
  }

  /** A user: {@code status} CONFIRMED or FORCE_CHANGE_PASSWORD; {@code totpSecret} (base32) turns on TOTP MFA. */
  public record User(String username, String sub, String password, String email, String status,
      List<String> groups, String totpSecret, Map<String, String> attributes) {
    public User {
      Names.require(username, "username");
      Names.require(password, "password of local user '" + username + "'");
      status = status == null ? "CONFIRMED" : status;
      groups = Names.list(groups);
      attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }
  }

  public record ResourceServer(String identifier, List<String> scopes) {
    public ResourceServer {
      Names.require(identifier, "resource server identifier");
      scopes = Names.list(scopes);
    }
  }

  /** A local OIDC issuer (the bank), served under {@code /oidc/{name}}. */
  public record OidcIssuer(String name, List<OidcClientFixture> clients) {
    public OidcIssuer {
      Names.require(name, "issuer name");
      clients = Names.list(clients);
    }
  }

  /** A client of a local issuer; {@code claims} go into every token it gets (e.g. {@code actor}). */
  public record OidcClientFixture(String clientId, String clientSecret, List<String> authMethods,
      String audience, List<String> scopes, Map<String, Object> claims, String publicKeyJwk) {
    public OidcClientFixture {
      Names.require(clientId, "OIDC client id");
      authMethods = Names.list(authMethods);
      scopes = Names.list(scopes);
      claims = claims == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(claims));
    }
  }

  /**
   * A local access key and the principal it signs as, with that principal's identity policies.
   * A role has no long-term keys on AWS: its callers (a Lambda's execution role, an ECS task) sign
   * with an assumed-role session, a temporary {@code ASIA…} key with a session token that expires.
   * Such a key names the session ({@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}), its
   * {@code sessionToken} and {@code expiresInSeconds}.
   *
   * @param expiresInSeconds for a session: seconds from when the local world starts until it expires
   *     (negative: expired already); null for a long-term key
   */
  public record AccessKey(String accessKeyId, String secretAccessKey, String sessionToken, Long expiresInSeconds,
      String principalArn, List<PolicyDocument> identityPolicies) {
    public AccessKey {
      Names.require(accessKeyId, "access key id");
      Names.require(secretAccessKey, "secret of access key " + accessKeyId);
      Names.require(principalArn, "principal of access key " + accessKeyId);
      identityPolicies = Names.list(identityPolicies);
      if (expiresInSeconds != null && (sessionToken == null || sessionToken.isEmpty())) {
        throw new IllegalArgumentException("access key " + accessKeyId + " expires, so it is a session: give it the "
            + "sessionToken its callers send (X-Amz-Security-Token)");
      }
    }

    /** A long-term key (an IAM user's). */
    public AccessKey(String accessKeyId, String secretAccessKey, String principalArn, List<PolicyDocument> identityPolicies) {
      this(accessKeyId, secretAccessKey, null, null, principalArn, identityPolicies);
    }
  }

  /** A local API key, in a usage plan of a gateway ({@code gateway/plan}). */
  public record ApiKeyFixture(String id, String name, String value, boolean enabled, List<String> usagePlans) {
    public ApiKeyFixture {
      Names.require(id, "API key id");
      Names.require(value, "value of API key " + id);
      usagePlans = Names.list(usagePlans);
    }
  }
}
