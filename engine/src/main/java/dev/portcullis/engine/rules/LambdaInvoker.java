package dev.portcullis.engine.rules;

import dev.portcullis.engine.handler.HandlerWorkers;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.trust.TrustGate;
import dev.portcullis.engine.trust.TrustRequests;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a Lambda authoriser function: declaratively ({@code rules}), as a local process
 * ({@code command}) or through the AWS Lambda Invoke API ({@code invoke}).
 */
@FunctionalInterface
public interface LambdaInvoker {

  /** Invokes the function once. Faults of the function are results, not exceptions. */
  Result invoke(Call call);

  /**
   * One invocation.
   *
   * @param event the authoriser event exactly as API Gateway sends it
   * @param identityValues identity source (as written on the authoriser) to the value the request carried
   * @param invokedArn the method ARN (REST) or route ARN (HTTP) being authorised
   * @param apiWideArn {@code arn:...:apiId/stage/*}, what an API-wide policy names
   * @param simpleResponse whether the authoriser expects {@code {isAuthorized, context}} (HTTP 2.0)
   */
  record Call(Map<String, Object> event, Map<String, String> identityValues, String invokedArn, String apiWideArn,
      boolean simpleResponse) {
    public Call {
      Objects.requireNonNull(event, "event");
      identityValues = Map.copyOf(identityValues);
    }
  }

  /**
   * What came back. {@code log} carries the function's own output (stderr, console), for the
   * evidence; {@code run} how it ran (runtime, cold or warm start, durations, the event), empty for
   * kinds that do not run code here.
   */
  sealed interface Result {
    String log();

    String run();

    /** The function returned this JSON object. */
    record Returned(Map<String, Object> payload, String log, String run) implements Result {
      public Returned(Map<String, Object> payload, String log) {
        this(payload, log, "");
      }
    }

    /** The function raised; only the exact message {@code Unauthorized} means 401 (spec §4.2). */
    record Raised(String errorMessage, String log, String run) implements Result {
      public Raised(String errorMessage, String log) {
        this(errorMessage, log, "");
      }
    }

    /**
     * The function was not started because this machine lacks what its configuration names (a secret
     * its environment references): a 500, as for a function API Gateway cannot invoke (spec §4.2),
     * but the fix is here, not in the function. {@code reason} names the function and the variable,
     * {@code fix} what to change.
     */
    record NotStarted(String reason, String fix, String log, String run) implements Result {}

    /** The function could not be run or did not answer in time: a 500 (spec §4.2, §4.5). */
    record Unreachable(String reason, String log, String run) implements Result {
      public Unreachable(String reason, String log) {
        this(reason, log, "");
      }
    }
  }

  /** The invoker for a function of the workspace, by its kind. */
  static LambdaInvoker forFunction(LambdaFunction function, SecretResolver secrets) {
    return forFunction(function, secrets, HandlerLambdaInvoker.JVM_WORKERS);
  }

  /**
   * The invoker for a function, {@code handler} functions running in {@code workers}. The two kinds
   * that run the workspace's code, {@code command} and {@code handler}, are decided here side by side,
   * so one trust gate covers both.
   */
  static LambdaInvoker forFunction(LambdaFunction function, SecretResolver secrets, HandlerWorkers workers) {
    // Every kind that runs the user's code names its program in TrustRequests.program, so one check gates them all.
    TrustGate gate = secrets.gate();
    java.util.Optional<String> refused = TrustRequests.program(function, "a Lambda authoriser's function").flatMap(gate::program)
        .or(() -> function instanceof LambdaFunction.Invoke i ? invokeRefusal(i, gate) : java.util.Optional.empty());
    if (refused.isPresent()) {
      String reason = refused.get();
      return call -> new Result.Unreachable(reason, "");
    }
    return switch (function) {
      case LambdaFunction.Rules rules -> new RulesLambdaInvoker(rules, secrets);
      case LambdaFunction.Command command -> new CommandLambdaInvoker(command);
      case LambdaFunction.Handler handler -> new HandlerLambdaInvoker(handler, secrets, workers);
      case LambdaFunction.Invoke invoke -> new SdkLambdaInvoker(invoke, secrets);
    };
  }

  private static java.util.Optional<String> invokeRefusal(LambdaFunction.Invoke invoke, TrustGate gate) {
    String where = "Lambda function " + invoke.functionName();
    String endpoint = invoke.endpointOverride() != null ? invoke.endpointOverride()
        : "https://lambda." + (invoke.region() == null ? "us-east-1" : invoke.region()) + ".amazonaws.com";
    return gate.host(endpoint, where).or(() -> gate.credentials(invoke.credentials() == null
        ? new dev.portcullis.engine.model.CredentialSource.DefaultChain() : invoke.credentials(), where + " credentials"));
  }

  /**
   * Thrown by a {@link #deferringSideEffects} invoker: the decision needs a function that has effects
   * beyond its answer (the user's code, a real Lambda), and the caller chose not to run it here (a
   * predictor for the local gateway, which runs it once itself).
   */
  final class Deferred extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String what;

    Deferred(String what) {
      super("the authoriser " + what, null, false, false);
      this.what = what;
    }

    /** What the function would have done, as a clause: "runs your command …", "invokes Lambda function …". */
    public String what() {
      return what;
    }
  }

  /**
   * Whether running a function does more than compute its answer: the workspace's own code
   * ({@code command}, {@code handler}: files, logs, module state) or a real Lambda ({@code invoke}:
   * billed, and its code may count, log or rate-limit). Only {@code rules} is a pure function.
   */
  static boolean hasSideEffects(LambdaFunction function) {
    return switch (function) {
      case LambdaFunction.Rules r -> false;
      case LambdaFunction.Command c -> true;
      case LambdaFunction.Handler h -> true;
      case LambdaFunction.Invoke i -> true;
    };
  }

  /**
   * For a predictor whose requests go to the local gateway: functions with side effects are not run
   * here (the gateway runs them once for the same request, and a second run would double their side
   * effects, their console output and, for a real Lambda, its bill); deciding a request that needs
   * one throws {@link Deferred}. {@code rules} functions run as {@link #forFunction(LambdaFunction,
   * SecretResolver)} runs them.
   */
  static java.util.function.Function<LambdaFunction, LambdaInvoker> deferringSideEffects(SecretResolver secrets) {
    return function -> hasSideEffects(function) ? deferred(function) : forFunction(function, secrets);
  }

  /** An invoker that does not run {@code function} here: deciding with it throws {@link Deferred}. */
  static LambdaInvoker deferred(LambdaFunction function) {
    return call -> {
      throw new Deferred(describe(function));
    };
  }

  /** What running {@code function} does, as a clause after "the authoriser". */
  static String describe(LambdaFunction function) {
    return switch (function) {
      case LambdaFunction.Rules r -> "decides by its rules";
      case LambdaFunction.Command c -> "runs your command " + String.join(" ", c.command());
      case LambdaFunction.Handler h -> "runs your handler " + h.handler() + " in " + h.codeUri();
      case LambdaFunction.Invoke i -> "invokes Lambda function " + i.functionName() + " through the Lambda Invoke API ("
          + (i.endpointOverride() != null ? "at " + i.endpointOverride() : "in " + (i.region() == null ? "the SDK's default region" : i.region())) + ")";
    };
  }

  /** Shorthand for tests and adapters: a fixed policy answer. */
  static Result returned(Map<String, Object> payload) {
    return new Result.Returned(payload, "");
  }

  /** The policy document shape an authoriser returns for one effect on some resources. */
  static Map<String, Object> policy(String effect, List<String> resources) {
    return Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Action", "execute-api:Invoke",
        "Effect", effect, "Resource", resources)));
  }
}
