package dev.portcullis.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first requests a fresh world gets are answered as the hundredth is: the authorisers' keys come
 * from the local providers in-process (loaded when the world starts), and requests that miss the key
 * cache together share one fetch, so none of them meets the HTTP API's 1500 ms JWKS quota
 * (apigw-facts §3), which AWS documents for a real issuer's endpoint and for HTTP API JWT
 * authorisers only, not for a REST Cognito authoriser (§2).
 */
class FirstTokenUnderLoadTest {
  private static final int CONCURRENT = 32;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "payments|/me|us-east-1_Local01|token_use=access,scope=profile.read,client_id=5mobileappclientlocal01|",
      "mobile|/v2/me|us-east-1_Local01|token_use=id|5mobileappclientlocal01"})
  @DisplayName("32 concurrent first requests at a fresh world all get the answer a later request gets")
  void firstAnswersAreTheLaterAnswer(String api, String path, String issuer, String claims, String audience) throws Exception {
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    try (LocalWorld world = LocalWorld.start(demo, Clock.systemUTC(), true, line -> { });
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT)) {
      String token = world.identityProviders().mint(issuer, claimsOf(claims), audience, Duration.ofMinutes(10), false);
      URI uri = URI.create(world.apiUrls().get(api) + path);
      Callable<String> call = () -> answer(uri, token);
      List<Future<String>> first = clients.invokeAll(IntStream.range(0, CONCURRENT).mapToObj(i -> call).toList());
      String later = answer(uri, token);
      assertThat(later).startsWith("200");
      for (Future<String> f : first) {
        assertThat(f.get()).isEqualTo(later);
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "payments|/me|us-east-1_Local01|token_use=access,scope=profile.read,client_id=5mobileappclientlocal01|",
      "mobile|/v2/me|us-east-1_Local01|token_use=id|5mobileappclientlocal01"})
  @DisplayName("the local providers' keys are read in-process: with their HTTP port closed, their tokens still get in")
  void localKeysAreNotBehindAFetch(String api, String path, String issuer, String claims, String audience) throws Exception {
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    try (LocalWorld world = LocalWorld.start(demo, Clock.systemUTC(), true, line -> { })) {
      String token = world.identityProviders().mint(issuer, claimsOf(claims), audience, Duration.ofMinutes(10), false);
      world.identityProviders().close(); // nothing answers on the providers' port from here on
      assertThat(answer(URI.create(world.apiUrls().get(api) + path), token)).startsWith("200");
    }
  }

  private static Map<String, Object> claimsOf(String text) {
    java.util.LinkedHashMap<String, Object> claims = new java.util.LinkedHashMap<>();
    for (String pair : text.split(",")) {
      String[] kv = pair.split("=", 2);
      claims.put(kv[0], kv[1]);
    }
    return claims;
  }

  /** What a caller compares: the status and the error type, not the per-request ids. */
  private static String answer(URI uri, String token) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.headers().firstValue("x-amzn-ErrorType").orElse("-");
  }
}
