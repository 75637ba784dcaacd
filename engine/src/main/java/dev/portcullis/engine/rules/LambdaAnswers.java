package dev.portcullis.engine.rules;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.rules.Ruling.Outcome.Denied;
import dev.portcullis.engine.rules.iam.CallerIdentity;
import dev.portcullis.engine.rules.iam.NamedPolicy;
import dev.portcullis.engine.rules.iam.PolicyDecision;
import dev.portcullis.engine.rules.iam.PolicyEvaluator;
import dev.portcullis.engine.rules.iam.PolicyQuery;
import dev.portcullis.engine.store.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges what a Lambda authoriser answered (spec §4.2, §4.5): a simple response's
 * {@code isAuthorized}, or the returned policy evaluated against the method ARN. The authoriser's
 * own policy must allow: a policy that names another method is an implicit deny (403), which is
 * what makes a cached method-specific policy refuse the next method (§4.3).
 */
final class LambdaAnswers {
  private final PolicyEvaluator evaluator;

  LambdaAnswers(PolicyEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /**
   * @param checkId {@code lambda.policy} for a fresh answer, {@code lambda.cache} for a cached one
   * @param preface evidence that goes before the verdict (where the answer came from)
   */
  Optional<Denied> judge(PipelineState ex, Authorizer.Lambda auth, Map<String, Object> payload, String checkId,
      String preface) {
    if (!ex.rest() && auth.simpleResponses()) {
      return simple(ex, payload, checkId, preface);
    }
    Object principal = payload.get("principalId");
    Object document = payload.get("policyDocument");
    if (!(principal instanceof String) || !(document instanceof Map)) {
      return malformed(ex, checkId, preface + "the response needs a string principalId and a policyDocument "
          + "(\"Could not parse policy\")");
    }
    PolicyDocument policy;
    try {
      policy = Json.mapper().convertValue(document, PolicyDocument.class);
    } catch (IllegalArgumentException e) {
      return malformed(ex, checkId, preface + "the policyDocument could not be parsed: " + e.getMessage());
    }
    Map<String, Object> context = context(payload);
    Optional<String> badContext = ex.rest() ? badContextValue(context) : Optional.empty();
    if (badContext.isPresent()) {
      return malformed(ex, checkId, preface + "context value '" + badContext.get() + "' is an object or array, which "
          + "REST APIs refuse: values must be string, number or boolean (spec §4.2)");
    }
    return evaluate(ex, payload, policy, (String) principal, context, checkId, preface);
  }

  private Optional<Denied> evaluate(PipelineState ex, Map<String, Object> payload, PolicyDocument policy, String principal,
      Map<String, Object> context, String checkId, String preface) {
    // The authoriser's policy is an identity policy of an unnamed principal in the API's account.
    CallerIdentity caller = CallerIdentity.of("arn:aws:iam::" + ex.gateway.accountId() + ":user/lambda-authorizer");
    PolicyQuery query = PolicyQuery.invoke(caller, List.of(new NamedPolicy("returned policy", policy)), null,
        ex.methodArn(), null);
    PolicyDecision decision = evaluator.evaluate(query);
    String statements = String.join("; ", decision.evidence().stream().filter(l -> l.startsWith("statement")).toList());
    String evidence = preface + "policy for principal '" + principal + "' names " + resources(policy) + "; invoked "
        + ex.methodArn() + ": " + statements;
    if (decision instanceof PolicyDecision.Allow) {
      ex.pass(checkId, evidence);
      ex.grant = new Grant.Lambda(principal, context);
      ex.usageIdentifierKey = payload.get("usageIdentifierKey") instanceof String k ? k : null;
      return Optional.empty();
    }
    boolean explicit = decision instanceof PolicyDecision.ExplicitDeny;
    ex.fail(checkId, evidence + (explicit ? "; explicit deny" : "; no statement allows this method: implicit deny"
        + " (spec §1.2 [OBS])"));
    if (!ex.rest()) {
      return Optional.of(GatewayResponses.forbiddenHttp(ex, checkId));
    }
    String message = "User is not authorized to access this resource" + (explicit ? " with an explicit deny" : "");
    // Capital M as captured from AWS (spec §1.2 [OBS]), unlike every other gateway response body.
    return Optional.of(GatewayResponses.deny(ex, 403, "ACCESS_DENIED", "AccessDeniedException",
        "{\"Message\":" + GatewayResponses.quote(message) + "}", checkId));
  }

  private Optional<Denied> simple(PipelineState ex, Map<String, Object> payload, String checkId, String preface) {
    if (!(payload.get("isAuthorized") instanceof Boolean authorized)) {
      return malformed(ex, checkId, preface + "a simple response needs a boolean isAuthorized (spec §4.5)");
    }
    String evidence = preface + "simple response isAuthorized=" + authorized
        + "; a cached simple response decides every route for these identity values (spec §4.5)";
    if (!authorized) {
      ex.fail(checkId, evidence);
      return Optional.of(GatewayResponses.forbiddenHttp(ex, checkId));
    }
    ex.pass(checkId, evidence);
    ex.grant = new Grant.Lambda(null, context(payload));
    return Optional.empty();
  }

  private static Optional<Denied> malformed(PipelineState ex, String checkId, String evidence) {
    ex.fail(checkId, evidence + "; API Gateway answers 500 (spec §4.2)");
    return Optional.of(GatewayResponses.authorizerFailure(ex, "AUTHORIZER_FAILURE", checkId));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> context(Map<String, Object> payload) {
    return payload.get("context") instanceof Map<?, ?> map
        ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
  }

  private static Optional<String> badContextValue(Map<String, Object> context) {
    return context.entrySet().stream()
        .filter(e -> e.getValue() instanceof Map || e.getValue() instanceof List).map(Map.Entry::getKey).findFirst();
  }

  private static List<String> resources(PolicyDocument policy) {
    return policy.statements().stream().flatMap(s -> s.resources().stream()).distinct().toList();
  }
}
