package dev.portcullis.engine.identity;

import dev.portcullis.engine.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.send.Exchange;
import dev.portcullis.engine.send.HttpExchanger;
import dev.portcullis.engine.store.Keychain;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.store.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredentialAcquirerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private final MockWebServer server = new MockWebServer();
  private final List<Exchange> seen = new ArrayList<>();
  private MutableClock clock;

  @BeforeEach
  void start() throws Exception {
    server.start();
    clock = new MutableClock(NOW);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CredentialAcquirer acquirer(Map<String, String> env) {
    Keychain none = new Keychain() {
      public Optional<String> lookup(String name) {
        return Optional.empty();
      }

      public String description() {
        return "test keychain";
      }
    };
    SecretResolver secrets = SecretResolver.create(Emulator.empty(), (w, l) -> Optional.empty(), env::get, none);
    return CredentialAcquirer.create(secrets, Variables.of(Map.of("issuer", issuer())), HttpExchanger.create(Duration.ofSeconds(3)),
        clock, name -> name.equals("expired") ? Optional.of("minted.jwt.value") : Optional.empty());
  }

  private String issuer() {
    return server.url("/oidc/bank").toString();
  }

  private void discovery() {
    server.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json").body("""
        {"issuer":"%s","token_endpoint":"%s","jwks_uri":"%s","response_types_supported":["token"],
         "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}"""
        .formatted(issuer(), server.url("/oidc/bank/token"), server.url("/oidc/bank/jwks.json"))).build());
  }

  private static Caller.OidcClient bank(Caller.ClientAuth auth) {
    return new Caller.OidcClient("bank", null, "{{issuer}}", "backoffice", SecretRef.parse("env:BANK_SECRET"), auth, null,
        List.of("settlements:write"), "payments.example.com");
  }

  @Test
  void clientCredentialsWithBasicAuthGetsABearerTokenAndShowsBothExchanges() throws Exception {
    discovery();
    server.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json")
        .body("{\"access_token\":\"tok-123\",\"token_type\":\"Bearer\",\"expires_in\":300}").build());

    Acquisition a = acquirer(Map.of("BANK_SECRET", "s3cret")).acquire(bank(Caller.ClientAuth.CLIENT_SECRET_BASIC), ChallengeHandler.none(), seen::add);

    assertThat(a).isInstanceOfSatisfying(Acquisition.Acquired.class, ok -> {
      assertThat(ok.credential()).isEqualTo(new Credential.Bearer("Authorization", "Bearer ", "tok-123", NOW.plusSeconds(300), "OIDC access token", null));
      assertThat(ok.flow()).isEqualTo("client_credentials (client_secret_basic)");
      assertThat(ok.endpoint()).endsWith("/oidc/bank/token");
    });
    assertThat(seen).hasSize(2);
    server.takeRequest();
    var token = server.takeRequest();
    assertThat(token.getHeaders().get("Authorization")).startsWith("Basic ");
    assertThat(token.getBody().utf8()).contains("grant_type=client_credentials").contains("audience=payments.example.com")
        .contains("scope=settlements%3Awrite").doesNotContain("s3cret");
  }

  @Test
  void postAuthSendsTheSecretInTheForm() throws Exception {
    discovery();
    server.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json")
        .body("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":60}").build());

    acquirer(Map.of("BANK_SECRET", "s3cret")).acquire(bank(Caller.ClientAuth.CLIENT_SECRET_POST), ChallengeHandler.none(), seen::add);

    server.takeRequest();
    var token = server.takeRequest();
    assertThat(token.getHeaders().get("Authorization")).isNull();
    assertThat(token.getBody().utf8()).contains("client_id=backoffice").contains("client_secret=s3cret");
  }

  @Test
  void cachedTokenIsReusedThenReacquiredNearExpiry() {
    discovery();
    server.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json")
        .body("{\"access_token\":\"first\",\"token_type\":\"Bearer\",\"expires_in\":600}").build());
    discovery();
    server.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json")
        .body("{\"access_token\":\"second\",\"token_type\":\"Bearer\",\"expires_in\":600}").build());
    CredentialAcquirer acquirer = acquirer(Map.of("BANK_SECRET", "s"));
    Caller.OidcClient caller = bank(Caller.ClientAuth.CLIENT_SECRET_BASIC);

    Acquisition first = acquirer.acquire(caller, ChallengeHandler.none(), seen::add);
    clock.advance(Duration.ofMinutes(5));
    Acquisition second = acquirer.acquire(caller, ChallengeHandler.none(), seen::add);
    clock.advance(Duration.ofMinutes(4));
    Acquisition third = acquirer.acquire(caller, ChallengeHandler.none(), seen::add);

    assertThat(((Acquisition.Acquired) first).freshness()).isEqualTo(Acquisition.Freshness.FRESH);
    assertThat(((Acquisition.Acquired) second).freshness()).isEqualTo(Acquisition.Freshness.CACHED);
    assertThat(((Credential.Bearer) ((Acquisition.Acquired) second).credential()).token()).isEqualTo("first");
    assertThat(((Acquisition.Acquired) third).freshness()).isEqualTo(Acquisition.Freshness.REACQUIRED);
    assertThat(((Credential.Bearer) ((Acquisition.Acquired) third).credential()).token()).isEqualTo("second");
  }

  @Test
  void invalidClientIsAFailedStepInOAuthsWords() {
    discovery();
    server.enqueue(new MockResponse.Builder().code(401).addHeader("content-type", "application/json")
        .body("{\"error\":\"invalid_client\",\"error_description\":\"bad secret\"}").build());

    Acquisition a = acquirer(Map.of("BANK_SECRET", "wrong")).acquire(bank(Caller.ClientAuth.CLIENT_SECRET_BASIC), ChallengeHandler.none(), seen::add);

    assertThat(a).isInstanceOfSatisfying(Acquisition.Failed.class, f -> {
      assertThat(f.message()).isEqualTo("The token endpoint refused: invalid_client (bad secret), HTTP 401.");
      assertThat(f.fix()).contains("client id and its secret");
    });
  }

  @Test
  void nonJsonTokenResponseIsAFailedStep() {
    discovery();
    server.enqueue(new MockResponse.Builder().addHeader("content-type", "text/html").body("<html>login</html>").build());

    Acquisition a = acquirer(Map.of("BANK_SECRET", "s")).acquire(bank(Caller.ClientAuth.CLIENT_SECRET_BASIC), ChallengeHandler.none(), seen::add);

    assertThat(a).isInstanceOfSatisfying(Acquisition.Failed.class, f ->
        assertThat(f.message()).contains("not an OAuth token response"));
  }

  @Test
  void tokenResponseWithoutExpiresInTakesExpiryFromTheJwtOrAssumesAnHour() {
    discovery();
    server.enqueue(new MockResponse.Builder().addHeader("content-type", "application/json")
        .body("{\"access_token\":\"opaque\",\"token_type\":\"Bearer\"}").build());

    Acquisition a = acquirer(Map.of("BANK_SECRET", "s")).acquire(bank(Caller.ClientAuth.CLIENT_SECRET_BASIC), ChallengeHandler.none(), seen::add);

    assertThat(a).isInstanceOfSatisfying(Acquisition.Acquired.class, ok -> {
      assertThat(ok.credential().expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
      assertThat(ok.notes()).anyMatch(n -> n.contains("no expires_in"));
    });
  }

  @Test
  void unreachableIssuerIsAFailedDiscovery() {
    server.close();

    Acquisition a = acquirer(Map.of("BANK_SECRET", "s")).acquire(bank(Caller.ClientAuth.CLIENT_SECRET_BASIC), ChallengeHandler.none(), seen::add);

    assertThat(a).isInstanceOfSatisfying(Acquisition.Failed.class, f -> {
      assertThat(f.message()).startsWith("Discovery at " + issuer());
      assertThat(f.fix()).contains("issuer URL");
    });
  }

  @Test
  void unsetSecretIsAFailedStepNamingTheReference() {
    Acquisition a = acquirer(Map.of()).acquire(bank(Caller.ClientAuth.CLIENT_SECRET_BASIC), ChallengeHandler.none(), seen::add);

    assertThat(a).isInstanceOfSatisfying(Acquisition.Failed.class, f ->
        assertThat(f.message()).isEqualTo("caller 'bank' clientSecret: secret reference env:BANK_SECRET is not set. "
            + "Set the environment variable BANK_SECRET before starting Portcullis."));
  }

  @Test
  void iamStaticKeysComeThroughTheSdkProvider() {
    Caller.Iam caller = new Caller.Iam("job", null,
        new CredentialSource.StaticKeys("AKIDEXAMPLE", SecretRef.parse("env:SECRET"), SecretRef.parse("env:TOKEN")), "eu-west-1");

    Acquisition a = acquirer(Map.of("SECRET", "sk", "TOKEN", "st")).acquire(caller, ChallengeHandler.none(), seen::add);

    assertThat(a).isInstanceOfSatisfying(Acquisition.Acquired.class, ok -> {
      Credential.Aws aws = (Credential.Aws) ok.credential();
      assertThat(aws.identity().accessKeyId()).isEqualTo("AKIDEXAMPLE");
      assertThat(aws.identity().secretAccessKey()).isEqualTo("sk");
      assertThat(aws.region()).isEqualTo("eu-west-1");
      assertThat(aws.toString()).doesNotContain("sk");
    });
  }

  @Test
  void missingAwsProfileIsASentenceWithAFix() {
    Caller.Iam caller = new Caller.Iam("ops", null, new CredentialSource.Profile("portcullis-no-such-profile-7"), "us-east-1");

    Acquisition a = acquirer(Map.of()).acquire(caller, ChallengeHandler.none(), seen::add);

    assertThat(a).isInstanceOfSatisfying(Acquisition.Failed.class, f -> {
      assertThat(f.message()).startsWith("caller 'ops': no AWS credentials from profile 'portcullis-no-such-profile-7'");
      // not an SSO profile, just no such profile: the fix says how to add it (AwsProfilesTest covers SSO)
      assertThat(f.fix()).startsWith("Add profile 'portcullis-no-such-profile-7' to ~/.aws/config");
    });
  }

  @Test
  void customTokenFromALocalRecipeIsMintedByTheLocalProviders() {
    Caller.CustomToken caller = new Caller.CustomToken("expired", null, SecretRef.parse("local:tokens/expired"), null, null);

    Acquisition a = acquirer(Map.of()).acquire(caller, ChallengeHandler.none(), seen::add);

    assertThat(a).isInstanceOfSatisfying(Acquisition.Acquired.class, ok ->
        assertThat(((Credential.Bearer) ok.credential()).token()).isEqualTo("minted.jwt.value"));
  }

}
