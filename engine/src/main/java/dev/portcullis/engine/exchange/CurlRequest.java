package dev.portcullis.engine.exchange;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request as a curl command says it: what goes on the wire, and how it authenticates.
 *
 * @param method upper case; GET, or POST when a body is given, unless {@code -X} says otherwise
 * @param headers in the order given, the credential headers included as written
 * @param body null when none
 * @param auth how the command authenticates, read from {@code --aws-sigv4}, {@code -u} and its headers
 * @param ignored options the command had that do not change what a gateway sees ({@code -s}, {@code -v}, ...)
 */
public record CurlRequest(String method, String url, List<Map.Entry<String, String>> headers, String body, CurlAuth auth,
    List<String> ignored) {
  public CurlRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = List.copyOf(headers);
    Objects.requireNonNull(auth, "auth");
    ignored = List.copyOf(ignored);
  }

  /** The headers that are not the credential (what a saved request keeps; the caller carries the rest). */
  public List<Map.Entry<String, String>> plainHeaders() {
    return headers.stream().filter(h -> !CurlAuth.isCredentialHeader(h.getKey())).toList();
  }

  /** How a curl command authenticates, which maps to a Portcullis caller kind. */
  public sealed interface CurlAuth {
    /** {@code --aws-sigv4 "aws:amz:REGION:SERVICE" --user KEY:SECRET}; the values as written (often {@code $AWS_...}). */
    record Sigv4(String region, String service, String accessKeyId, String secretAccessKey, String sessionToken) implements CurlAuth {}

    /** {@code Authorization: Bearer TOKEN} (or a raw token in Authorization). */
    record Bearer(String header, String prefix, String token) implements CurlAuth {}

    /** {@code x-api-key: KEY} */
    record ApiKey(String key) implements CurlAuth {}

    /** {@code -u user:password} without SigV4: HTTP Basic, which API Gateway has no authoriser for. */
    record Basic(String user, String password) implements CurlAuth {}

    record None() implements CurlAuth {}

    static boolean isCredentialHeader(String name) {
      return name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("x-api-key") || name.equalsIgnoreCase("x-amz-security-token");
    }
  }
}
