package dev.portcullis.engine.rules;

import dev.portcullis.engine.handler.HandlerWorkers;
import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.handler.Invocation;
import dev.portcullis.engine.handler.Invocation.Outcome;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.store.SecretResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user's own handler in a warm worker ({@link HandlerWorkers}). What it returned is judged by
 * {@link LambdaAnswers} like any function's answer; how it ran (runtime, cold or warm start, the
 * cold start's cost apart from the handler's time, the event) becomes the {@code lambda.handler}
 * check, its console output the function output of {@code lambda.function}.
 */
final class HandlerLambdaInvoker implements LambdaInvoker {
  /** HTTP APIs give an authoriser 10 s (spec §4.5); REST documents no figure, so the same is used (as for invoke). */
  static final long GATEWAY_LIMIT_MILLIS = 10_000;
  /** For callers that build invokers without a pipeline: workers that last as long as the JVM. */
  static final HandlerWorkers JVM_WORKERS = HandlerWorkers.create();

  private final LambdaFunction.Handler function;
  private final SecretResolver secrets;
  private final HandlerWorkers workers;

  HandlerLambdaInvoker(LambdaFunction.Handler function, SecretResolver secrets, HandlerWorkers workers) {
    this.function = function;
    this.secrets = secrets;
    this.workers = workers;
  }

  @Override
  public Result invoke(Call call) {
    Map<String, String> environment = new LinkedHashMap<>();
    List<String> secretValues = new ArrayList<>(call.identityValues().values());
    for (Map.Entry<String, SecretRef> e : function.environment().entrySet()) {
      try {
        String value = secrets.resolve(e.getValue(), "its environment variable " + e.getKey());
        environment.put(e.getKey(), value);
        if (!e.getValue().isLiteral()) {
          secretValues.add(value);
        }
      } catch (SecretResolver.SecretException x) {
        return notStarted(e.getKey(), x);
      }
    }
    long limit = Math.min(function.timeoutSeconds() * 1000L, GATEWAY_LIMIT_MILLIS);
    Invocation inv = workers.invoke(function, environment, region(call.invokedArn()), call.event(), limit);
    String console = mask(inv.console(), secretValues);
    String run = run(inv, call);
    return switch (inv.outcome()) {
      case Outcome.Returned r when r.payload() != null -> new Result.Returned(r.payload(), console, run);
      case Outcome.Returned r -> new Result.Raised("the handler returned " + (r.value() == null ? "null"
          : Masking.mask(String.valueOf(r.value()))) + ", not an authoriser response object", console, run);
      case Outcome.Raised r -> new Result.Raised(r.errorMessage(), console + trace(r), run);
      case Outcome.TimedOut t -> new Result.Unreachable(timedOut(t), console, run);
      case Outcome.Crashed c -> new Result.Unreachable("handler " + function.handler() + " crashed: " + mask(c.detail(),
          secretValues) + "; the next call starts a new worker", console, run);
      case Outcome.NotRun n -> new Result.Unreachable("handler " + function.handler() + " did not run: " + n.reason(),
          console, run);
    };
  }

  /** Without every variable of its environment the handler would run unlike the deployed function, so it does not run. */
  private Result notStarted(String variable, SecretResolver.SecretException e) {
    String fix = e.fix().isEmpty() ? "Make that reference resolvable" : e.fix().replaceFirst("\\.$", "");
    return new Result.NotStarted("function '" + function.effectiveName() + "' (handler " + function.handler() + ") was not started: "
        + e.problem(), fix + ", or give " + variable + " another value in the function's environment.", "", "");
  }

  private String timedOut(Outcome.TimedOut t) {
    boolean capped = t.limitMillis() < function.timeoutSeconds() * 1000L;
    return "handler " + function.handler() + " timed out after " + t.limitMillis() + " ms ("
        + (capped ? "API Gateway waits at most 10 s for an authoriser (spec §4.5), less than the function's timeout of "
            + function.timeoutSeconds() + " s" : "the function's timeout of " + function.timeoutSeconds() + " s; Lambda "
            + "reports \"Task timed out after " + String.format(Locale.ROOT, "%.2f", t.limitMillis() / 1000.0) + " seconds\"")
        + "); the worker was killed, the next call starts a new one";
  }

  private static String trace(Outcome.Raised r) {
    return r.trace().isEmpty() ? "" : "\n" + r.errorType() + " " + String.join("\n", r.trace());
  }

  private String run(Invocation inv, Call call) {
    StringBuilder out = new StringBuilder();
    out.append(function.handler()).append(" in ").append(function.codeUri()).append(", function '")
        .append(function.effectiveName()).append("'");
    if (inv.runtime() != null) {
      out.append(", ran under ").append(inv.runtime()).append(" (declared ").append(function.runtime()).append(")");
    }
    out.append(", timeout ").append(function.timeoutSeconds()).append(" s, memory ").append(function.memoryMb()).append(" MB");
    if (!inv.memoryLimit().isEmpty()) {
      out.append(" (").append(inv.memoryLimit()).append(")");
    }
    if (inv.runtime() != null) {
      out.append(inv.coldStart()
          ? String.format(Locale.ROOT, "; cold start: worker started in %.1f ms (module load %.1f ms), apart from the "
              + "handler's own %.1f ms", inv.startMillis(), inv.initMillis(), inv.handlerMillis())
          : String.format(Locale.ROOT, "; warm start (the worker and its module state were reused): handler %.1f ms",
              inv.handlerMillis()));
      out.append(String.format(Locale.ROOT, ", %.1f ms with the worker round trip", inv.roundTripMillis()));
    }
    if (!inv.note().isEmpty()) {
      out.append("; ").append(inv.note());
    }
    out.append("; event received: ").append(Integrations.json(Masking.maskFields(call.event())));
    if (inv.outcome() instanceof Outcome.Returned r) {
      out.append("; returned: ").append(r.payload() != null ? Integrations.json(Masking.maskFields(r.payload()))
          : String.valueOf(r.value()));
    } else if (inv.outcome() instanceof Outcome.Raised r) {
      out.append("; raised ").append(r.errorType()).append(": ").append(r.errorMessage());
    }
    return out.toString();
  }

  /** Credentials the handler printed (the request's identity values, resolved secret variables) are masked. */
  private static String mask(String text, List<String> secrets) {
    String masked = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 8) {
        masked = masked.replace(secret, Masking.mask(secret));
      }
    }
    return masked;
  }

  private static String region(String arn) {
    String[] parts = arn == null ? new String[0] : arn.split(":");
    return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "us-east-1";
  }
}
