package dev.portcullis.engine.rules;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.LambdaFunction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${stageVariables.x}} in integration and authoriser function URIs, resolved from the stage
 * (AWS docs {@code aws-api-gateway-stage-variables-reference.html}). What AWS answers when the stage
 * does not define a variable so referenced is not documented (apigw-facts says nothing of it), so
 * the local gateway keeps the reference as written, names the variable in the evidence and says so:
 * an authoriser function is then called by that name and its failure answers as any failed call
 * (spec §4.2); an integration URL cannot be called at all and the answer is a plain 500.
 * (A stage variable as an identity source is documented: see {@link IdentitySources}.)
 */
final class StageVariables {
  static final String CHECK = "stageVariables";
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");
  // the spec is silent here; the sentence reaches users, who have no copy of it, so it names no section
  private static final String UNDOCUMENTED = "what API Gateway answers for a stage variable the stage does not define is "
      + "undocumented by AWS";

  private StageVariables() {}

  static String resolve(String text, Map<String, String> variables) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The variables {@code text} references that {@code variables} does not define, in order of mention. */
  static List<String> undefined(String text, Map<String, String> variables) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      if (!variables.containsKey(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return List.copyOf(names);
  }

  /** The integration with its URL resolved; empty when a variable it names is undefined, so it cannot be called. */
  static Optional<Integration> integration(PipelineState ex, Integration integration) {
    if (integration instanceof Integration.Http http && REFERENCE.matcher(http.url()).find()) {
      String url = resolve(http.url(), ex.gateway.stageVariables());
      boolean complete = note(ex, "integration URL " + http.url(), url, undefined(http.url(), ex.gateway.stageVariables()),
          "the local gateway answers 500 Internal server error without calling the integration");
      return complete ? Optional.of(new Integration.Http(url)) : Optional.empty();
    }
    return Optional.of(integration);
  }

  static Authorizer.Lambda authorizer(PipelineState ex, Authorizer.Lambda a) {
    if (a.function() instanceof LambdaFunction.Invoke invoke && REFERENCE.matcher(invoke.functionName()).find()) {
      String name = resolve(invoke.functionName(), ex.gateway.stageVariables());
      note(ex, "authoriser " + a.name() + "'s function " + invoke.functionName(), name,
          undefined(invoke.functionName(), ex.gateway.stageVariables()),
          "the local gateway calls the function by the name as written, and a failed call answers 500 (spec §4.2)");
      return new Authorizer.Lambda(a.name(), a.eventType(), a.identitySources(), a.validationRegex(), a.ttlSeconds(),
          a.payloadFormat(), a.simpleResponses(), new LambdaFunction.Invoke(name, invoke.region(),
              invoke.endpointOverride(), invoke.credentials()));
    }
    return a;
  }

  /** Records the resolution; true when every variable was defined. */
  private static boolean note(PipelineState ex, String what, String resolved, List<String> undefined, String emulated) {
    String defined = "stage " + ex.gateway.stage() + "'s variables " + ex.gateway.stageVariables().keySet();
    if (undefined.isEmpty()) {
      ex.pass(CHECK, what + " with " + defined + " is " + resolved);
      return true;
    }
    ex.fail(CHECK, what + ": stage " + ex.gateway.stage() + " does not define stage " + (undefined.size() == 1 ? "variable " : "variables ")
        + String.join(", ", undefined) + " (it defines " + ex.gateway.stageVariables().keySet() + "), so the reference stays as "
        + "written; " + UNDOCUMENTED + "; " + emulated);
    return false;
  }
}
