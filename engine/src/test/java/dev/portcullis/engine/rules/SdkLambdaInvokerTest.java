package dev.portcullis.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.store.SecretResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@code invoke} function kind against a server speaking the Lambda Invoke API (as real AWS or
 * {@code sam local start-lambda} do): the AWS SDK's client sends the authoriser event, signed, and
 * the answer or the function's error comes back as the rule book expects (spec §4.2).
 */
class SdkLambdaInvokerTest {
  private final MockWebServer lambda = new MockWebServer();
  private LambdaInvoker invoker;

  @BeforeEach
  void setUp() throws Exception {
    lambda.start();
    LambdaFunction.Invoke fn = new LambdaFunction.Invoke("partner-gate", "eu-west-1", lambda.url("/").toString(),
        new CredentialSource.StaticKeys("AKIDLOCALINVOKE00001", SecretRef.parse("env:INVOKE_SECRET"), null));
    SecretResolver secrets = SecretResolver.create(Emulator.empty(), (w, l) -> Optional.empty(),
        Map.of("INVOKE_SECRET", "local-invoke-secret")::get, null);
    invoker = LambdaInvoker.forFunction(fn, secrets);
  }

  @AfterEach
  void tearDown() {
    lambda.close();
  }

  private static LambdaInvoker.Call call() {
    String arn = "arn:aws:execute-api:eu-west-1:111122223333:pay1local/prod/POST/partners/acme/transactions";
    return new LambdaInvoker.Call(Map.of("type", "REQUEST", "methodArn", arn), Map.of("method.request.header.x-api-key", "k"),
        arn, "arn:aws:execute-api:eu-west-1:111122223333:pay1local/prod/*", false);
  }

  @Test
  @DisplayName("spec §4.2: the function's policy answer is returned; the event went out signed by the SDK")
  void returnsThePolicyTheFunctionAnswers() throws Exception {
    lambda.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
        .body("{\"principalId\":\"acme\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":"
            + "\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]},\"context\":{\"tenantId\":\"acme-001\"}}").build());

    LambdaInvoker.Result result = invoker.invoke(call());

    assertThat(result).isInstanceOfSatisfying(LambdaInvoker.Result.Returned.class, r -> {
      assertThat(r.payload()).containsEntry("principalId", "acme");
      assertThat(r.payload().get("context")).isEqualTo(Map.of("tenantId", "acme-001"));
    });
    RecordedRequest sent = lambda.takeRequest();
    assertThat(sent.getTarget()).isEqualTo("/2015-03-31/functions/partner-gate/invocations");
    assertThat(sent.getBody().utf8()).contains("\"methodArn\"").contains("\"type\":\"REQUEST\"");
    assertThat(sent.getHeaders().get("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDLOCALINVOKE00001/")
        .contains("/eu-west-1/lambda/aws4_request");
  }

  @Test
  @DisplayName("spec §4.2, §1.2: a function error comes back raised with its message (\"Unauthorized\" → 401, else 500)")
  void functionErrorIsRaisedWithItsMessage() {
    lambda.enqueue(new MockResponse.Builder().code(200).addHeader("X-Amz-Function-Error", "Unhandled")
        .addHeader("content-type", "application/json").body("{\"errorMessage\":\"Unauthorized\",\"errorType\":\"Error\"}").build());

    LambdaInvoker.Result result = invoker.invoke(call());

    assertThat(result).isInstanceOfSatisfying(LambdaInvoker.Result.Raised.class, r -> {
      assertThat(r.errorMessage()).isEqualTo("Unauthorized");
      assertThat(r.log()).contains("Unhandled");
    });
  }

  @Test
  void anUnreachableEndpointIsUnreachableWithTheFunctionNamed() {
    lambda.close();

    LambdaInvoker.Result result = invoker.invoke(call());

    assertThat(result).isInstanceOfSatisfying(LambdaInvoker.Result.Unreachable.class,
        r -> assertThat(r.reason()).startsWith("Lambda Invoke of partner-gate failed"));
  }

  @Test
  void aMissingSecretIsUnreachableWithTheReferenceNamed() {
    LambdaInvoker noSecret = LambdaInvoker.forFunction(new LambdaFunction.Invoke("f", "eu-west-1", lambda.url("/").toString(),
        new CredentialSource.StaticKeys("AKID", SecretRef.parse("env:PORTCULLIS_NEVER_SET_INVOKE"), null)),
        SecretResolver.create(Emulator.empty(), (w, l) -> Optional.empty(), name -> null, null));

    assertThat(noSecret.invoke(call())).isInstanceOfSatisfying(LambdaInvoker.Result.Unreachable.class,
        r -> assertThat(r.reason()).contains("env:PORTCULLIS_NEVER_SET_INVOKE is not set"));
    assertThat(List.of(lambda.getRequestCount())).containsExactly(0);
  }
}
