package dev.portcullis.engine.identity;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.send.Exchange;
import dev.portcullis.engine.send.HttpExchanger;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.store.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Gets the credential a caller sends, for any kind of caller, with a cache per caller: a token
 * with more than {@link #REFRESH_MARGIN} left is reused; otherwise it is refreshed (Cognito refresh
 * token) or acquired again, and the {@link Acquisition} says which happened.
 */
public final class CredentialAcquirer {
  /** Tokens closer than this to expiry are renewed before use, so a request never leaves with a dying token. */
  public static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);

  private final SecretResolver secrets;
  private final Variables variables;
  private final HttpExchanger exchanger;
  private final Clock clock;
  private final LocalTokens localTokens;
  private final AwsProfiles profiles;
  private final CognitoLogin cognito;
  private final Map<String, Acquisition.Acquired> cache = new ConcurrentHashMap<>();

  private CredentialAcquirer(SecretResolver secrets, Variables variables, HttpExchanger exchanger, Clock clock, LocalTokens localTokens,
      AwsProfiles profiles) {
    this.secrets = secrets;
    this.profiles = profiles;
    this.variables = variables;
    this.exchanger = exchanger;
    this.clock = clock;
    this.localTokens = localTokens;
    this.cognito = new CognitoLogin(clock);
  }

  public static CredentialAcquirer create(SecretResolver secrets, Variables variables, HttpExchanger exchanger, Clock clock,
      LocalTokens localTokens) {
    return new CredentialAcquirer(secrets, variables, exchanger, clock, localTokens, AwsProfiles.system());
  }

  /** As {@link #create(SecretResolver, Variables, HttpExchanger, Clock, LocalTokens)}, with AWS profiles from {@code profiles}. */
  public static CredentialAcquirer create(SecretResolver secrets, Variables variables, HttpExchanger exchanger, Clock clock,
      LocalTokens localTokens, AwsProfiles profiles) {
    return new CredentialAcquirer(secrets, variables, exchanger, clock, localTokens, java.util.Objects.requireNonNull(profiles, "profiles"));
  }

  /**
   * The caller's credential, from the cache when still good.
   *
   * @param observer sees each HTTP exchange made on the way (discovery, token endpoint)
   */
  public Acquisition acquire(Caller caller, ChallengeHandler challenges, Consumer<Exchange> observer) {
    Acquisition.Acquired cached = cache.get(caller.name());
    Instant now = clock.instant();
    if (cached != null && stillGood(cached.credential(), now)) {
      return new Acquisition.Acquired(cached.credential(), cached.flow(), cached.endpoint(), Acquisition.Freshness.CACHED,
          Duration.ZERO, List.of("Reused: it expires " + cached.credential().expiresAt() + "."));
    }
    Acquisition fresh = renewOrAcquire(caller, cached, challenges, observer);
    if (fresh instanceof Acquisition.Acquired a && a.credential().expiresAt() != null) {
      cache.put(caller.name(), a);
    }
    return fresh;
  }

  /** Forgets a caller's cached credential (log out, or its configuration changed). */
  public void forget(String callerName) {
    cache.remove(callerName);
  }

  private boolean stillGood(Credential credential, Instant now) {
    return credential.expiresAt() != null && credential.expiresAt().minus(REFRESH_MARGIN).isAfter(now);
  }

  private Acquisition renewOrAcquire(Caller caller, Acquisition.Acquired cached, ChallengeHandler challenges, Consumer<Exchange> observer) {
    String where = "caller '" + caller.name() + "'";
    try {
      if (cached != null && caller instanceof Caller.CognitoUser u && cached.credential() instanceof Credential.Bearer b
          && b.refreshToken() != null) {
        Acquisition refreshed = cognito.refresh(cognitoInputs(u, where), b.refreshToken());
        if (refreshed instanceof Acquisition.Acquired) {
          return refreshed;
        }
      }
      Acquisition result = acquireFresh(caller, where, challenges, observer);
      return cached != null && result instanceof Acquisition.Acquired a
          ? new Acquisition.Acquired(a.credential(), a.flow(), a.endpoint(), Acquisition.Freshness.REACQUIRED, a.took(), a.notes())
          : result;
    } catch (SecretResolver.SecretException e) {
      return new Acquisition.Failed("secret references", "-", e.getMessage(), "Set the reference's source, or change the reference.", Duration.ZERO);
    } catch (IllegalArgumentException e) {
      return new Acquisition.Failed("variables", "-", e.getMessage(), "Define the variable in the workspace or the environment.", Duration.ZERO);
    }
  }

  /** The client's id, scopes and audience with their {{variables}} filled in (a real provider's client id is an environment's). */
  private Caller.OidcClient withVariables(Caller.OidcClient o, String where) {
    return new Caller.OidcClient(o.name(), o.description(), o.issuer(), variables.apply(o.clientId(), where + " clientId"),
        o.clientSecret(), o.clientAuth(), o.privateKey(), o.scopes().stream().map(s -> variables.apply(s, where + " scopes")).toList(),
        o.audience() == null ? null : variables.apply(o.audience(), where + " audience"));
  }

  private Acquisition acquireFresh(Caller caller, String where, ChallengeHandler challenges, Consumer<Exchange> observer)
      throws SecretResolver.SecretException {
    return switch (caller) {
      case Caller.CognitoUser u -> cognito.login(cognitoInputs(u, where), challenges);
      case Caller.OidcClient o -> new OidcClientCredentials(new OkHttpSender(exchanger, observer), clock).acquire(withVariables(o, where),
          variables.apply(o.issuer(), where + " issuer"), resolveOrNull(o.clientSecret(), where + " clientSecret"),
          resolveOrNull(o.privateKey(), where + " privateKey"));
      case Caller.Iam i -> iam(i, where, challenges);
      case Caller.ApiKey k -> new Acquisition.Acquired(new Credential.ApiKey(secrets.resolve(k.apiKey(), where + " apiKey"),
          resolvedHeaders(k.headers(), where)), "API key", "-", Acquisition.Freshness.FRESH, Duration.ZERO, List.of());
      case Caller.CustomToken t -> new Acquisition.Acquired(new Credential.Bearer(t.header(), t.prefix(), customToken(t, where),
          null, "custom token", null), "custom token", "-", Acquisition.Freshness.FRESH, Duration.ZERO, List.of());
      case Caller.Anonymous a -> new Acquisition.Acquired(new Credential.None(), "none", "-", Acquisition.Freshness.FRESH,
          Duration.ZERO, List.of());
    };
  }

  private Acquisition iam(Caller.Iam caller, String where, ChallengeHandler challenges) throws SecretResolver.SecretException {
    Instant start = clock.instant();
    // null: sign for the region of the API being called (the runner knows it); STS then uses us-east-1
    String region = caller.region();
    CredentialSource credentials = withVariables(caller.credentials(), where);
    AwsCredentialsProvider provider = AwsCredentialSources.provider(credentials, secrets, where, region, profiles, challenges);
    String source = AwsCredentialSources.describe(credentials, profiles);
    try {
      AwsCredentialsIdentity identity = AwsCredentialSources.resolve(provider, credentials, where, profiles);
      return new Acquisition.Acquired(new Credential.Aws(identity, region, AwsCredentialSources.expiry(identity), source),
          "AWS credentials", source, Acquisition.Freshness.FRESH, Duration.between(start, clock.instant()), List.of());
    } catch (AwsCredentialSources.AwsCredentialsException e) {
      return new Acquisition.Failed("AWS credentials", source, e.getMessage(), e.fix(), Duration.between(start, clock.instant()));
    }
  }

  /** A profile named by variable ({@code {{refreshJobProfile}}}), resolved: the user's own profile for the role. */
  private CredentialSource withVariables(CredentialSource source, String where) {
    return switch (source) {
      case CredentialSource.Profile p -> new CredentialSource.Profile(variables.apply(p.profile(), where + " profile"));
      case CredentialSource.AssumeRole r -> new CredentialSource.AssumeRole(variables.apply(r.roleArn(), where + " roleArn"), r.externalId(),
          r.sessionName(), withVariables(r.source(), where));
      case CredentialSource.DefaultChain d -> d;
      case CredentialSource.StaticKeys k -> k;
    };
  }

  private String customToken(Caller.CustomToken t, String where) throws SecretResolver.SecretException {
    if (t.token() instanceof SecretRef.Local l && l.key().startsWith("tokens/")) {
      String name = l.key().substring("tokens/".length());
      return localTokens.mint(name).orElseThrow(() -> new SecretResolver.SecretException(where + ": " + l.text()
          + " needs the local identity providers to mint it; start the local gateway, or check the emulator's tokens."));
    }
    return secrets.resolve(t.token(), where + " token");
  }

  private CognitoLogin.Inputs cognitoInputs(Caller.CognitoUser caller, String where) throws SecretResolver.SecretException {
    // an environment's user names its pool and app client by variable ({{mobilePoolId}}): the real ones of the user's account
    Caller.CognitoUser u = new Caller.CognitoUser(caller.name(), caller.description(), variables.apply(caller.userPoolId(), where + " userPoolId"),
        variables.apply(caller.clientId(), where + " clientId"), caller.clientSecret(), caller.username(), caller.password(), caller.flow(),
        caller.token(), caller.endpoint(), caller.mfaSecret());
    String endpoint = u.endpoint() == null ? null : variables.apply(u.endpoint(), where + " endpoint");
    String realEndpoint = endpoint != null ? endpoint
        : "https://cognito-idp." + u.userPoolId().substring(0, Math.max(0, u.userPoolId().indexOf('_'))) + ".amazonaws.com/";
    java.util.Optional<String> refused = secrets.gate().host(realEndpoint, where + " login");
    if (refused.isPresent()) {
      throw new SecretResolver.SecretException(refused.get());
    }
    return new CognitoLogin.Inputs(u, endpoint, secrets.resolve(u.password(), where + " password"),
        resolveOrNull(u.clientSecret(), where + " clientSecret"), resolveOrNull(u.mfaSecret(), where + " mfaSecret"));
  }

  private String resolveOrNull(SecretRef ref, String where) throws SecretResolver.SecretException {
    return ref == null ? null : secrets.resolve(ref, where);
  }

  private Map<String, String> resolvedHeaders(Map<String, String> headers, String where) throws SecretResolver.SecretException {
    Map<String, String> out = new java.util.TreeMap<>();
    for (var e : headers.entrySet()) {
      SecretRef ref = SecretRef.parse(e.getValue());
      out.put(e.getKey(), ref.isLiteral() ? variables.apply(e.getValue(), where + " header " + e.getKey())
          : secrets.resolve(ref, where + " header " + e.getKey()));
    }
    return out;
  }
}
