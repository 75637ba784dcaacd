package dev.portcullis.engine.rules;

import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.LambdaFunction.Rule;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.store.SecretResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declarative function: the first rule whose match values all equal the identity-source values
 * decides. Match values may be references ({@code local:api-keys/acme}) resolved against the
 * emulator, so the workspace names keys without repeating them.
 */
final class RulesLambdaInvoker implements LambdaInvoker {
  private final LambdaFunction.Rules rules;
  private final SecretResolver secrets;

  RulesLambdaInvoker(LambdaFunction.Rules rules, SecretResolver secrets) {
    this.rules = rules;
    this.secrets = secrets;
  }

  @Override
  public Result invoke(Call call) {
    try {
      for (int i = 0; i < rules.rules().size(); i++) {
        Rule rule = rules.rules().get(i);
        if (matches(rule, call.identityValues())) {
          String usageKey = rule.usageIdentifierKey() == null ? null
              : secrets.resolve(SecretRef.parse(rule.usageIdentifierKey()), "rules function, usageIdentifierKey");
          return answer(rule.effect(), Optional.of(rule), usageKey, call, "rule #" + i + describe(rule));
        }
      }
    } catch (SecretResolver.SecretException e) {
      return new Result.Raised("rules function: " + e.getMessage(), e.getMessage());
    }
    return answer(rules.otherwise(), Optional.empty(), null, call, "no rule matched; otherwise " + rules.otherwise());
  }

  private boolean matches(Rule rule, Map<String, String> values) throws SecretResolver.SecretException {
    for (Map.Entry<String, String> m : rule.match().entrySet()) {
      String expected = secrets.resolve(SecretRef.parse(m.getValue()), "rules function, match on " + m.getKey());
      if (!expected.equals(values.get(m.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static String describe(Rule rule) {
    return rule.description() == null ? "" : " (" + rule.description() + ")";
  }

  private static Result answer(Rule.Effect effect, Optional<Rule> rule, String usageKey, Call call, String why) {
    if (effect == Rule.Effect.UNAUTHORIZED) {
      return new Result.Raised("Unauthorized", why);
    }
    Map<String, Object> context = rule.map(Rule::context).orElse(Map.of());
    Map<String, Object> payload = new LinkedHashMap<>();
    if (call.simpleResponse()) {
      payload.put("isAuthorized", effect == Rule.Effect.ALLOW);
      payload.put("context", context);
      return new Result.Returned(payload, why);
    }
    boolean methodOnly = rule.map(r -> r.resourceScope() == Rule.ResourceScope.METHOD).orElse(false);
    String resource = methodOnly ? call.invokedArn() : call.apiWideArn();
    payload.put("principalId", rule.map(Rule::principalId).orElse("user"));
    payload.put("policyDocument", LambdaInvoker.policy(effect == Rule.Effect.ALLOW ? "Allow" : "Deny", List.of(resource)));
    if (!context.isEmpty()) {
      payload.put("context", context);
    }
    if (usageKey != null) {
      payload.put("usageIdentifierKey", usageKey);
    }
    return new Result.Returned(payload, why);
  }
}
