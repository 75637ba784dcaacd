package dev.portcullis.engine.rules.iam;

import java.util.Objects;

/**
 * The ARN API Gateway authorises a REST or HTTP API call against:
 * {@code arn:partition:execute-api:region:account-id:api-id/stage/HTTP-VERB/resource-path}
 * (apigw-facts §5, "ARN formats").
 *
 * @param partition usually {@code aws}
 * @param resourcePath the path below the stage, starting with {@code /}; the root resource is
 *     {@code /}, which renders as a trailing slash after the verb. Empty for an HTTP API route key
 *     with no path, such as {@code $default} in {@code api-id/$default/$default} (§5).
 */
public record MethodArn(
    String partition, String region, String account, String apiId, String stage, String verb, String resourcePath) {
  private static final String SERVICE = "execute-api";

  public MethodArn {
    partition = requireText(partition, "partition");
    region = requireText(region, "region");
    account = requireText(account, "account");
    apiId = requireNoSlash(requireText(apiId, "api id"), "api id");
    stage = requireNoSlash(requireText(stage, "stage"), "stage");
    verb = requireNoSlash(requireText(verb, "HTTP verb"), "HTTP verb");
    Objects.requireNonNull(resourcePath, "method ARN: resource path is required (use / for the root)");
    resourcePath = resourcePath.isEmpty() || resourcePath.startsWith("/") ? resourcePath : "/" + resourcePath;
  }

  /** A method ARN in the {@code aws} partition. */
  public static MethodArn of(String region, String account, String apiId, String stage, String verb, String resourcePath) {
    return new MethodArn("aws", region, account, apiId, stage, verb, resourcePath);
  }

  /**
   * Reads a method ARN such as {@code arn:aws:execute-api:us-east-1:123456789012:a1b2/prod/GET/pets}.
   *
   * @throws IllegalArgumentException naming the ARN and the part that is wrong
   */
  public static MethodArn parse(String arn) {
    String[] parts = Objects.requireNonNull(arn, "method ARN").split(":", 6);
    if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals(SERVICE)) {
      throw new IllegalArgumentException(
          "Method ARN '" + arn + "' is not of the form arn:partition:execute-api:region:account:api-id/stage/VERB/path");
    }
    String[] resource = parts[5].split("/", 4);
    if (resource.length < 3) {
      throw new IllegalArgumentException(
          "Method ARN '" + arn + "': the resource part needs api-id/stage/VERB, got '" + parts[5] + "'");
    }
    // "GET/" is the REST root resource; no slash at all is a route key like $default.
    String path = resource.length == 4 ? "/" + resource[3] : "";
    return new MethodArn(parts[1], parts[3], parts[4], resource[0], resource[1], resource[2], path);
  }

  /** The ARN as API Gateway writes it. */
  public String render() {
    return "arn:" + partition + ":" + SERVICE + ":" + region + ":" + account + ":" + apiId + "/" + stage + "/" + verb
        + resourcePath;
  }

  @Override
  public String toString() {
    return render();
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("method ARN: " + what + " is required");
    }
    return value;
  }

  private static String requireNoSlash(String value, String what) {
    if (value.contains("/")) {
      throw new IllegalArgumentException("method ARN: " + what + " '" + value + "' must not contain '/'");
    }
    return value;
  }
}
