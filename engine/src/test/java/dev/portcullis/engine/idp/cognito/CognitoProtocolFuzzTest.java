package dev.portcullis.engine.idp.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.engine.idp.LocalIdentityProviders;
import dev.portcullis.engine.store.DemoWorkspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Jazzer on the local Cognito's JSON protocol, over loopback HTTP as a client speaks it: any body
 * for any operation gets a Cognito error (4xx with {@code __type}) or an answer, never a 500 or an
 * empty reply, and never a demo password in the answer.
 */
class CognitoProtocolFuzzTest {
  private static final List<String> OPERATIONS = List.of("InitiateAuth", "RespondToAuthChallenge", "GetUser", "GlobalSignOut",
      "SignUp");
  private static LocalIdentityProviders idps;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void start() throws Exception {
    idps = LocalIdentityProviders.builder(DemoWorkspace.load().emulator(), Clock.systemUTC(), new SecureRandom()).port(0).start();
  }

  @AfterAll
  static void stop() {
    if (idps != null) {
      idps.close();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void everyBodyGetsACognitoAnswer(FuzzedDataProvider data) throws Exception {
    String operation = data.pickValue(OPERATIONS);
    String body = data.consumeRemainingAsString();
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(idps.baseUrl().resolve("/"))
        .timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(body).isLessThan(500);
    assertThat(r.body()).isNotEmpty().doesNotContain("Alice#local-2026");
    if (r.statusCode() >= 400) {
      assertThat(r.body()).contains("__type");
    }
  }
}
