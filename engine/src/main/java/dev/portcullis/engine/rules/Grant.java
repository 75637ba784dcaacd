package dev.portcullis.engine.rules;

import java.util.List;
import java.util.Map;

/**
 * What an authoriser established about the caller, for the integration event: who it is and what
 * context travels with the request. Rendered per flavour and payload format by {@link IntegrationEvents}.
 */
sealed interface Grant {

  /** No authoriser ran (NONE). */
  record None() implements Grant {}

  /**
   * SigV4 + IAM: the principal that signed.
   *
   * @param callerId IAM's principal id ({@code AIDA…}, {@code AROA…:session}), see {@link
   *     dev.portcullis.engine.rules.iam.PrincipalIds}
   */
  record Iam(String accessKey, String accountId, String userArn, String callerId) implements Grant {}

  /**
   * A Cognito or JWT token: its claims as strings, and the scopes when the route requires some
   * (null otherwise, as AWS sends it).
   */
  record Token(Map<String, String> claims, List<String> scopes) implements Grant {}

  /** A Lambda authoriser: principal id (null for simple responses) and its context map. */
  record Lambda(String principalId, Map<String, Object> context) implements Grant {}
}
