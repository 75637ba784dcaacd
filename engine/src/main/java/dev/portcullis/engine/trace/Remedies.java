package dev.portcullis.engine.trace;

import java.util.Map;

/**
 * For each check the gateway makes: who decides it in words, and the first thing a user changes
 * when it refuses. The headline's second half; the evidence is the first.
 */
final class Remedies {
  private record Entry(String who, String fix) {}

  private static final Map<String, Entry> ENTRIES = Map.ofEntries(
      Map.entry("route", new Entry("route matching",
          "Check the method and path against the API's routes; on a REST API the path starts after the stage.")),
      Map.entry("stage", new Entry("stage matching", "Send to a stage the API has deployed.")),
      Map.entry("resourcePolicy", new Entry("the API's resource policy",
          "Allow this caller in the resource policy, or call from where it allows.")),
      Map.entry("cognito.identitySource", new Entry("the Cognito authoriser",
          "Send as a caller that signs in to the pool (a Cognito user); this one sends no token.")),
      Map.entry("cognito.format", new Entry("the Cognito authoriser", "Send a JWT issued by the user pool, without any prefix the pool does not issue.")),
      Map.entry("cognito.signature", new Entry("the Cognito authoriser",
          "Send a token signed by the pool the authoriser names (sign in again against that pool).")),
      Map.entry("cognito.issuer", new Entry("the Cognito authoriser", "Sign in to a user pool the authoriser lists.")),
      Map.entry("cognito.expiry", new Entry("the Cognito authoriser", "Sign in again for a fresh token, or check this machine's clock.")),
      Map.entry("cognito.tokenUse", new Entry("the Cognito authoriser",
          "Send the access token (the caller's token setting), or remove the method's scopes to accept ID tokens.")),
      Map.entry("cognito.scopes", new Entry("the Cognito authoriser",
          "Add the scope to the user's access token (a pre-token-generation rule or a resource-server scope the app client asks for), "
              + "or send as a user whose token carries it.")),
      Map.entry("jwt.identitySource", new Entry("the JWT authoriser", "Send as a caller that gets a token from the authoriser's issuer; this one sends none.")),
      Map.entry("jwt.format", new Entry("the JWT authoriser", "Send a signed JWT (three dot-separated parts), with or without 'Bearer '.")),
      Map.entry("jwt.algorithm", new Entry("the JWT authoriser", "Have the issuer sign with RS256: API Gateway's JWT authoriser takes RSA keys only.")),
      Map.entry("jwt.kid", new Entry("the JWT authoriser", "Send a token whose kid is in the issuer's JWKS (the key may have rotated: get a fresh token).")),
      Map.entry("jwt.signature", new Entry("the JWT authoriser", "Send a token signed by the issuer's current key.")),
      Map.entry("jwt.issuer", new Entry("the JWT authoriser",
          "Get the token from the issuer the authoriser names; the iss claim must match it exactly (a trailing slash counts).")),
      Map.entry("jwt.audience", new Entry("the JWT authoriser",
          "Ask the issuer for a token with an audience the authoriser lists, or add this audience to the authoriser.")),
      Map.entry("jwt.expiry", new Entry("the JWT authoriser", "Get a fresh token, or check this machine's clock.")),
      Map.entry("jwt.scopes", new Entry("the JWT authoriser",
          "Ask the issuer for one of the route's scopes, or send as a caller whose token carries one.")),
      Map.entry("lambda.identitySource", new Entry("the Lambda authoriser",
          "Send what the authoriser's identity sources name (a caller with an API key or token); API Gateway refuses before invoking it.")),
      Map.entry("lambda.validationRegex", new Entry("the Lambda authoriser", "Send a token that matches the authoriser's validation expression.")),
      Map.entry("lambda.function", new Entry("the Lambda authoriser", "Fix the function: its answer must be a policy (or a simple response) API Gateway can read.")),
      Map.entry("lambda.environment", new Entry("the Lambda function's environment",
          "Set the secret the function's environment names, or give that variable another value in the function's environment.")),
      Map.entry("lambda.policy", new Entry("the Lambda authoriser's policy",
          "Change what the function returns for this caller, or call a resource its policy allows.")),
      Map.entry("lambda.cache", new Entry("the Lambda authoriser's cached policy",
          "An earlier call's policy was reused: reset local state or wait for it to expire, and have the function return a policy "
              + "that covers every method the caller may use (e.g. …/prod/*/partners/*).")),
      Map.entry("iam", new Entry("IAM authorisation", "Send as an IAM caller that signs with SigV4.")),
      Map.entry("iam.policy", new Entry("IAM authorisation",
          "Allow execute-api:Invoke on this method's ARN in the caller's identity policy, or send as a role that has it.")),
      Map.entry("sigv4.skew", new Entry("the SigV4 signature check", "Set the caller's clock right: API Gateway takes signatures within 5 minutes of its time.")),
      Map.entry("sigv4.missing", new Entry("IAM authorisation", "Send as an IAM caller: the method takes only SigV4-signed requests.")),
      Map.entry("sigv4.malformed", new Entry("the SigV4 signature check", "Sign with the AWS SDK's signer: the Authorization header is not a SigV4 one.")),
      Map.entry("sigv4.scope", new Entry("the SigV4 signature check", "Sign for this API's region and the execute-api service, with today's date.")),
      Map.entry("sigv4.expired", new Entry("the SigV4 signature check", "Presign the URL again: it has expired.")),
      Map.entry("sigv4.accessKey", new Entry("the SigV4 signature check", "Sign with an access key the account knows (it may be deleted or from another account).")),
      Map.entry("sigv4.sessionToken", new Entry("the SigV4 signature check", "Send the session token that belongs to the temporary keys (X-Amz-Security-Token).")),
      Map.entry("sigv4.sessionExpired", new Entry("the SigV4 signature check",
          "Get fresh temporary credentials (assume the role again, or let the SDK's provider refresh them) and sign with those.")),
      Map.entry("sigv4.signature", new Entry("the SigV4 signature check", "Sign exactly what is sent (method, path, query, signed headers, body) with the caller's current keys.")),
      Map.entry("stageVariables", new Entry("the stage's variables",
          "Define the stage variable on the stage, or remove the reference to it.")),
      Map.entry("apiKey", new Entry("the API key check", "Send an enabled API key that belongs to a usage plan of this stage.")),
      Map.entry("usagePlan.throttle", new Entry("the usage plan's throttle", "Send more slowly (retry after a back-off), or raise the plan's rate and burst.")),
      Map.entry("usagePlan.quota", new Entry("the usage plan's quota",
          "Wait until the quota resets, reset local state, or move the key to a plan with a larger quota.")));

  private Remedies() {}

  static String who(String checkId) {
    Entry e = ENTRIES.get(checkId);
    if (e != null) {
      return e.who();
    }
    String family = checkId.contains(".") ? checkId.substring(0, checkId.indexOf('.')) : checkId;
    return ENTRIES.entrySet().stream().filter(x -> x.getKey().startsWith(family + ".")).map(x -> x.getValue().who()).findFirst()
        .orElse("the " + checkId + " check");
  }

  static String fix(String checkId) {
    Entry e = ENTRIES.get(checkId);
    return e == null ? "The deciding check's evidence is below." : e.fix();
  }
}
