package dev.portcullis.engine.rules;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.LambdaFunction;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${stageVariables.x}} in integration and authoriser function URIs, resolved from the stage
 * (AWS docs {@code aws-api-gateway-stage-variables-reference.html}). A variable the stage does not
 * define is left as written and said in the evidence: AWS then fails the call with a configuration
 * error, which the local gateway does not pretend to know the wording of.
 */
final class StageVariables {
  static final String CHECK = "stageVariables";
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");

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

  static Integration integration(PipelineState ex, Integration integration) {
    if (integration instanceof Integration.Http http && REFERENCE.matcher(http.url()).find()) {
      String url = resolve(http.url(), ex.gateway.stageVariables());
      note(ex, "integration URL " + http.url(), url);
      return new Integration.Http(url);
    }
    return integration;
  }

  static Authorizer.Lambda authorizer(PipelineState ex, Authorizer.Lambda a) {
    if (a.function() instanceof LambdaFunction.Invoke invoke && REFERENCE.matcher(invoke.functionName()).find()) {
      String name = resolve(invoke.functionName(), ex.gateway.stageVariables());
      note(ex, "authoriser " + a.name() + "'s function " + invoke.functionName(), name);
      return new Authorizer.Lambda(a.name(), a.eventType(), a.identitySources(), a.validationRegex(), a.ttlSeconds(),
          a.payloadFormat(), a.simpleResponses(), new LambdaFunction.Invoke(name, invoke.region(),
              invoke.endpointOverride(), invoke.credentials()));
    }
    return a;
  }

  private static void note(PipelineState ex, String what, String resolved) {
    boolean complete = !REFERENCE.matcher(resolved).find();
    String evidence = what + " with stage " + ex.gateway.stage() + "'s variables " + ex.gateway.stageVariables().keySet()
        + " is " + resolved + (complete ? "" : "; a variable it names is not defined on the stage, so AWS cannot call it");
    if (complete) {
      ex.pass(CHECK, evidence);
    } else {
      ex.fail(CHECK, evidence);
    }
  }
}
