package dev.portcullis.engine.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.store.Json;
import dev.portcullis.engine.store.SecretResolver;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The AWS Lambda Invoke API through the SDK (real AWS, or {@code sam local start-lambda} with an
 * endpoint override). The only class of the rule book that touches the SDK's Lambda client.
 */
final class SdkLambdaInvoker implements LambdaInvoker {
  /** HTTP APIs give an authoriser 10 s (spec §4.5); REST documents no figure, so the same is used. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final LambdaFunction.Invoke function;
  private final SecretResolver secrets;

  SdkLambdaInvoker(LambdaFunction.Invoke function, SecretResolver secrets) {
    this.function = function;
    this.secrets = secrets;
  }

  @Override
  public Result invoke(Call call) {
    try (LambdaClient client = client()) {
      byte[] event = Json.mapper().writeValueAsBytes(call.event());
      InvokeResponse response = client.invoke(r -> r.functionName(function.functionName())
          .payload(SdkBytes.fromByteArray(event)));
      Map<String, Object> payload = parse(response.payload());
      String log = response.functionError() == null ? "" : "FunctionError: " + response.functionError();
      if (response.functionError() != null) {
        Object message = payload == null ? null : payload.get("errorMessage");
        return new Result.Raised(message == null ? response.functionError() : message.toString(), log);
      }
      return payload == null ? new Result.Raised("the function returned no JSON object", log)
          : new Result.Returned(payload, log);
    } catch (SdkException | IOException | SecretResolver.SecretException e) {
      return new Result.Unreachable("Lambda Invoke of " + function.functionName() + " failed: " + e.getMessage(), "");
    }
  }

  private LambdaClient client() throws SecretResolver.SecretException {
    var builder = LambdaClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(TIMEOUT).connectionTimeout(TIMEOUT))
        .overrideConfiguration(c -> c.apiCallTimeout(TIMEOUT))
        .credentialsProvider(credentials(function.credentials()));
    if (function.region() != null) {
      builder.region(Region.of(function.region()));
    }
    if (function.endpointOverride() != null) {
      builder.endpointOverride(URI.create(function.endpointOverride()));
    }
    return builder.build();
  }

  private AwsCredentialsProvider credentials(CredentialSource source) throws SecretResolver.SecretException {
    String where = "Lambda function " + function.functionName() + " credentials";
    return switch (source) {
      case null -> DefaultCredentialsProvider.builder().build();
      case CredentialSource.DefaultChain d -> DefaultCredentialsProvider.builder().build();
      case CredentialSource.Profile p -> ProfileCredentialsProvider.create(p.profile());
      case CredentialSource.StaticKeys k -> StaticCredentialsProvider.create(k.sessionToken() == null
          ? AwsBasicCredentials.create(k.accessKeyId(), secrets.resolve(k.secretAccessKey(), where))
          : AwsSessionCredentials.create(k.accessKeyId(), secrets.resolve(k.secretAccessKey(), where),
              secrets.resolve(k.sessionToken(), where)));
      case CredentialSource.AssumeRole a -> throw new SecretResolver.SecretException(where
          + ": assume-role is not supported for Lambda invocation yet; use a profile with role_arn instead.");
    };
  }

  private static Map<String, Object> parse(SdkBytes bytes) {
    try {
      return bytes == null ? null : Json.mapper().readValue(bytes.asByteArray(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      return null;
    }
  }
}
