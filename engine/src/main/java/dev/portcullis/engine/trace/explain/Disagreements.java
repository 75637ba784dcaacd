package dev.portcullis.engine.trace.explain;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.trace.Disagreement;
import dev.portcullis.engine.trace.Disagreement.Kind;
import dev.portcullis.engine.trace.Disagreement.Reason;
import dev.portcullis.engine.trace.Explanation;
import dev.portcullis.engine.trace.Prediction;
import dev.portcullis.engine.trace.explain.CatalogueEntry.Seen;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the rule book's prediction and AWS's answer part, and the known reasons why: things the
 * imported configuration cannot show (a cache, a clock, a token's scopes, a usage plan's keys).
 */
final class Disagreements {
  private static final Set<String> LAMBDA_DENIES = Set.of("rest.lambda-explicit-deny", "rest.lambda-implicit-deny",
      "rest.lambda-explicit-deny-identity-policy", "http.lambda-deny");

  private static final Set<String> IAM_DENIES = Set.of("rest.iam-explicit-deny", "rest.iam-no-allow");
  private static final Set<String> USAGE_REFUSALS = Set.of("rest.throttled", "rest.quota-exceeded", "http.throttled");

  private Disagreements() {}

  /** The disagreement, or null when prediction and answer agree. */
  static Disagreement find(Seen seen, Gateway.Flavor flavor, Explanation explanation, Prediction prediction) {
    if (agree(seen, explanation, prediction)) {
      return null;
    }
    List<Reason> reasons = new ArrayList<>();
    String entry = explanation.entry() == null ? "" : explanation.entry();
    if (prediction.allows() && LAMBDA_DENIES.contains(entry) && lambdaRoute(seen, prediction)) {
      reasons.add(new Reason(Kind.AUTHORIZER_CACHE_FROM_OTHER_METHOD,
          "The rule book allows this method, but a Lambda authoriser's cached policy (keyed by identity source, not by method) from an earlier call to another method denies it.",
          "Make the authoriser's policy cover every method the caller may call, or set its TTL to 0; call this method first to confirm."));
    }
    if (signatureTime(seen) && !"sigv4.skew".equals(prediction.decidedBy())) {
      reasons.add(new Reason(Kind.CLOCK_SKEW,
          "AWS judged the signature's time outside its 5-minute window: this machine's clock and AWS's differ.",
          "Synchronise the clock (NTP) and sign again."));
    }
    if (prediction.allows() && scopeRefusal(seen, flavor, entry)) {
      reasons.add(new Reason(Kind.SCOPE_NOT_IN_TOKEN,
          "The rule book allowed the request, but AWS refused the token's scopes: the token lacks every scope the route requires (tokens from InitiateAuth carry only aws.cognito.signin.user.admin).",
          "Check the Inspect step's scope claim; request a token with the scope, or add a scope the token carries to the route."));
    }
    if (prediction.allows() && flavor == Gateway.Flavor.REST && entry.equals("rest.api-key-forbidden") && seen.route().apiKeyRequired()) {
      reasons.add(new Reason(Kind.KEY_NOT_IN_USAGE_PLAN,
          "The key exists, but AWS refused it: it is not in a usage plan attached to this API stage (or it is disabled).",
          "Add the key to a usage plan and the API stage to that plan; check the key is enabled."));
    }
    if (prediction.allows() && IAM_DENIES.contains(entry)) {
      reasons.add(new Reason(Kind.RESOURCE_POLICY_UNSEEN,
          "AWS refused execute-api:Invoke although the workspace's policies allow it: the deployed API's resource policy (or the caller's"
              + " IAM policy) says otherwise, and the workspace does not have that version of it.",
          "Read the deployed resource policy (aws apigateway get-rest-api --rest-api-id ID --query policy) and import it again, or"
              + " change it on AWS; the message names the principal and the method's ARN it refused."));
    }
    if (prediction.allows() && lambdaIdentityRefusal(seen, flavor, entry)) {
      reasons.add(new Reason(Kind.STAGE_VARIABLE_UNSEEN,
          "The rule book allowed the request, but AWS's Lambda authoriser refused it as unauthenticated: the deployed authoriser reads"
              + " something the workspace cannot see, most often a stage variable (an identity source stageVariables.X that is empty on"
              + " this stage gives 401 without calling the function, spec §4.1; a function ARN built from ${stageVariables.X} runs another function),"
              + " or the deployed function answers Unauthorized to this caller.",
          "Compare the stage's variables (aws apigateway get-stage --rest-api-id ID --stage-name STAGE) and the authoriser's identity"
              + " sources and function (aws apigateway get-authorizers) with the workspace, and import them again."));
    }
    if (prediction.allows() && USAGE_REFUSALS.contains(entry)) {
      reasons.add(new Reason(Kind.USAGE_PLAN_STATE,
          "The throttle or quota was already spent when this request arrived (by a burst, earlier calls, or other clients of the same"
              + " key or account): the rule book predicts each request on its own and cannot see AWS's counters.",
          "Slow down or wait for the next period (a quota resets at the period's start, UTC); check the key's usage with"
              + " aws apigateway get-usage."));
    }
    return new Disagreement(sentence(seen, explanation, prediction, reasons), reasons);
  }

  private static boolean agree(Seen seen, Explanation explanation, Prediction prediction) {
    if (prediction.status() != seen.status()) {
      return false;
    }
    // no row of the catalogue matched: its response type is the default for the status, no evidence against the prediction's
    return prediction.responseType() == null || explanation.responseType() == null || explanation.entry() == null
        || prediction.responseType().equals(explanation.responseType());
  }

  private static boolean lambdaRoute(Seen seen, Prediction prediction) {
    boolean decidedByLambda = prediction.decidedBy() != null && prediction.decidedBy().startsWith("lambda.");
    return seen.route().is(AuthorizationType.CUSTOM) || seen.route().authorization() == null || decidedByLambda;
  }

  private static boolean signatureTime(Seen seen) {
    return seen.status() == 403 && (seen.message().startsWith("Signature expired") || seen.message().startsWith("Signature not yet current"));
  }

  private static boolean scopeRefusal(Seen seen, Gateway.Flavor flavor, String entry) {
    if (flavor == Gateway.Flavor.HTTP) {
      return entry.equals("http.jwt-insufficient-scope");
    }
    return seen.status() == 401 && entry.equals("rest.unauthorized")
        && seen.route().is(AuthorizationType.COGNITO_USER_POOLS) && !seen.route().scopes().isEmpty();
  }

  private static boolean lambdaIdentityRefusal(Seen seen, Gateway.Flavor flavor, String entry) {
    if (flavor == Gateway.Flavor.HTTP) {
      return entry.equals("http.lambda-missing-identity");
    }
    return entry.equals("rest.unauthorized") && seen.route().is(AuthorizationType.CUSTOM);
  }

  private static String sentence(Seen seen, Explanation explanation, Prediction prediction, List<Reason> reasons) {
    String predicted = "The rule book predicted " + prediction.status()
        + (prediction.responseType() == null ? "" : " " + prediction.responseType())
        + (prediction.decidedBy() == null ? "" : " (" + prediction.decidedBy() + ")");
    String actual = "AWS answered " + seen.status() + (explanation.responseType() == null ? "" : " " + explanation.responseType());
    String why = reasons.isEmpty()
        ? "No known reason fits: check that the imported configuration matches what is deployed (export the stage again)."
        : "Most likely: " + reasons.getFirst().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".";
    return predicted + "; " + actual + ". " + why;
  }
}
