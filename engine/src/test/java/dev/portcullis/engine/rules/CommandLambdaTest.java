package dev.portcullis.engine.rules;

import dev.portcullis.engine.testing.MutableClock;
import static dev.portcullis.engine.rules.PipelineFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Ruling.Outcome.Denied;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A {@code command} Lambda function: a shell script gets the event on stdin and answers on stdout (spec §4). */
class CommandLambdaTest {
  private final MutableClock clock = new MutableClock(START);

  private Ruling call(String script, int timeoutMillis, String payloadFormat, boolean simple, Gateway.Flavor flavor) {
    LambdaFunction fn = new LambdaFunction.Command(List.of("sh", "-c", script), null, timeoutMillis);
    String source = flavor == Gateway.Flavor.REST ? "method.request.header.Authorization" : "$request.header.Authorization";
    Authorizer auth = new Authorizer.Lambda("script", Authorizer.LambdaType.REQUEST, List.of(source), null, 0,
        payloadFormat, simple, fn);
    Route route = new Route("GET", "/things/{id}", Route.AuthorizationType.CUSTOM, "script", null, false,
        new Integration.Echo(payloadFormat), null);
    Gateway gw = new Gateway("g", flavor, "eu-west-1", "111122223333", "api1", null, null, 0, null, List.of(route),
        List.of(auth), null, null);
    Workspace ws = new Workspace(1, "w", null, null, null, List.of(gw), null, null, null, null, null);
    Pipeline pipeline = Pipeline.builder(ws).clock(clock).requestIds(numberedIds()).build();
    String path = flavor == Gateway.Flavor.REST ? "/prod/things/7" : "/things/7";
    return pipeline.decide(request(clock, "GET", path, "Authorization", "token-1"), gw);
  }

  private static final String ALLOW = "cat >&2; echo '{\"principalId\":\"u1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
      + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"arn:aws:execute-api:*:*:api1/*\"}]},"
      + "\"context\":{\"tier\":3,\"beta\":true}}'";

  @Test
  @DisplayName("spec §4.1, §4.2, §4.4: the script sees the REQUEST event; its context is stringified for REST")
  void restScriptAllows() {
    Ruling ruling = call(ALLOW, 5_000, null, false, Gateway.Flavor.REST);
    assertThat(ruling.allowed()).isTrue();
    assertThat(ruling.check("lambda.function").orElseThrow().evidence())
        .contains("\"type\":\"REQUEST\"").contains("\"methodArn\":\"arn:aws:execute-api:eu-west-1:111122223333:api1/prod/GET/things/7\"");
    @SuppressWarnings("unchecked")
    Map<String, Object> authorizer = (Map<String, Object>) ((Map<String, Object>) ruling.integrationEvent()
        .get("requestContext")).get("authorizer");
    assertThat(authorizer).containsEntry("principalId", "u1").containsEntry("tier", "3").containsEntry("beta", "true");
  }

  @Test
  @DisplayName("spec §4.5: HTTP 2.0 simple response; context reaches authorizer.lambda with its JSON types")
  void httpSimpleResponse() {
    Ruling ruling = call("cat >/dev/null; echo '{\"isAuthorized\":true,\"context\":{\"tier\":3,\"tags\":[\"a\"]}}'",
        5_000, "2.0", true, Gateway.Flavor.HTTP);
    assertThat(ruling.allowed()).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Object> authorizer = (Map<String, Object>) ((Map<String, Object>) ruling.integrationEvent()
        .get("requestContext")).get("authorizer");
    assertThat(authorizer).isEqualTo(Map.of("lambda", Map.of("tier", 3, "tags", List.of("a"))));
  }

  @Test
  @DisplayName("spec §4.2: a REST context value that is an object is a 500, not an allow")
  void objectContextIsAConfigurationError() {
    Ruling ruling = call(ALLOW.replace("\"beta\":true", "\"beta\":{\"x\":1}"), 5_000, null, false, Gateway.Flavor.REST);
    Denied d = (Denied) ruling.outcome();
    assertThat(d.status()).isEqualTo(500);
    assertThat(d.body()).isEqualTo("{\"message\":null}");
    assertThat(d.errorType()).isEqualTo("AuthorizerConfigurationException");
  }

  @Test
  @DisplayName("spec §4.2: raising exactly Unauthorized is 401; any other error is 500")
  void errors() {
    Ruling unauthorized = call("echo '{\"errorMessage\":\"Unauthorized\"}'; exit 1", 5_000, null, false, Gateway.Flavor.REST);
    assertThat(unauthorized.outcome().status()).isEqualTo(401);
    Ruling other = call("echo 'boom' >&2; exit 3", 5_000, null, false, Gateway.Flavor.REST);
    assertThat(other.outcome().status()).isEqualTo(500);
    assertThat(other.check("lambda.function").orElseThrow().evidence()).contains("exited with status 3").contains("boom");
  }

  @Test
  @DisplayName("spec §4.2, §4.5: a function that does not answer in time is a 500 and the process is ended")
  void timeout() {
    long started = System.nanoTime();
    Ruling ruling = call("sleep 5", 300, null, false, Gateway.Flavor.REST);
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_000);
    Denied d = (Denied) ruling.outcome();
    assertThat(d.status()).isEqualTo(500);
    assertThat(d.gatewayResponseType()).isEqualTo("AUTHORIZER_CONFIGURATION_ERROR");
    assertThat(ruling.check("lambda.function").orElseThrow().evidence()).contains("did not answer within 300 ms");
  }
}
