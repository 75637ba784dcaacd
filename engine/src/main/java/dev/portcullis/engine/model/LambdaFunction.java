package dev.portcullis.engine.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Where the local gateway gets a Lambda authoriser's answer from. */
public sealed interface LambdaFunction {

  /**
   * Declarative: the first rule whose {@code match} values all equal the request's identity-source
   * values decides; none matching means {@code otherwise}.
   */
  record Rules(List<Rule> rules, Rule.Effect otherwise) implements LambdaFunction {
    public Rules {
      rules = Names.list(rules);
      otherwise = otherwise == null ? Rule.Effect.UNAUTHORIZED : otherwise;
    }
  }

  /**
   * One rule. {@code match} maps an identity source (as written on the authoriser, e.g.
   * {@code method.request.header.x-api-key}) to the value it must have.
   *
   * @param resourceScope what the returned policy covers: the invoked METHOD only (the cached-policy
   *     trap) or the whole API
   * @param usageIdentifierKey REST with API key source AUTHORIZER: the key the function returns
   */
  record Rule(
      String description,
      Map<String, String> match,
      Effect effect,
      String principalId,
      Map<String, Object> context,
      ResourceScope resourceScope,
      String usageIdentifierKey) {
    public Rule {
      match = match == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(match));
      effect = effect == null ? Effect.ALLOW : effect;
      principalId = principalId == null ? "user" : principalId;
      context = context == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(context));
      resourceScope = resourceScope == null ? ResourceScope.API : resourceScope;
    }

    /** ALLOW and DENY return a policy; UNAUTHORIZED makes the function fail with "Unauthorized" (401). */
    public enum Effect { ALLOW, DENY, UNAUTHORIZED }

    public enum ResourceScope { METHOD, API }
  }

  /**
   * An external program gets the event JSON on stdin and prints the authoriser response on stdout,
   * so a user's real handler runs locally through a small adapter.
   */
  record Command(List<String> command, String workingDirectory, int timeoutMillis) implements LambdaFunction {
    public Command {
      command = Names.list(command);
      if (command.isEmpty()) {
        throw new IllegalArgumentException("a command Lambda function needs a command line");
      }
      timeoutMillis = timeoutMillis <= 0 ? 10_000 : timeoutMillis;
    }
  }

  /**
   * The user's own Node.js or Python handler, run by the bootstrap Portcullis ships in a warm worker
   * process per function, without Docker (the Lambda programming model: event, context, return
   * value or thrown error).
   *
   * @param functionName what {@code context.functionName} says; null: derived from the handler
   * @param runtime {@code nodejs} or {@code python}, optionally with the version the function
   *     declares ({@code nodejs20.x}, {@code python3.12}); the machine's own version runs, and the
   *     trace names both
   * @param codeUri the code folder (SAM's {@code CodeUri}); relative to the working directory
   * @param handler {@code FILE.FUNCTION} ({@code index.handler}, {@code app.lambda_handler})
   * @param environment the function's environment variables, values as secret references
   * @param timeoutSeconds the function's timeout (Lambda's default 3 s); API Gateway itself waits
   *     at most 10 s for an authoriser
   * @param memoryMb the function's memory (Lambda's default 128 MB); caps Node's heap
   */
  record Handler(String functionName, String runtime, String codeUri, String handler,
      Map<String, SecretRef> environment, int timeoutSeconds, int memoryMb) implements LambdaFunction {
    public Handler {
      Names.require(runtime, "runtime of the handler function (nodejs or python)");
      Names.require(codeUri, "code folder (codeUri) of the handler function");
      Names.require(handler, "handler of the handler function (e.g. index.handler)");
      runtime = runtime.strip().toLowerCase(Locale.ROOT);
      if (!runtime.startsWith("nodejs") && !runtime.startsWith("python")) {
        throw new IllegalArgumentException("runtime '" + runtime + "' cannot run locally: a handler function runs "
            + "nodejs or python (e.g. nodejs20.x, python3.12)");
      }
      int dot = handler.lastIndexOf('.');
      if (dot <= 0 || dot == handler.length() - 1) {
        throw new IllegalArgumentException("handler '" + handler + "' needs the form FILE.FUNCTION, e.g. "
            + (runtime.startsWith("nodejs") ? "index.handler" : "app.lambda_handler"));
      }
      environment = environment == null ? Map.of()
          : java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
      timeoutSeconds = timeoutSeconds <= 0 ? 3 : timeoutSeconds;
      memoryMb = memoryMb <= 0 ? 128 : memoryMb;
    }

    /** Whether this is a Node.js function (else Python). */
    public boolean onNode() {
      return runtime.startsWith("nodejs");
    }

    /** {@code context.functionName}: as declared, or {@code local-<file>} from the handler. */
    public String effectiveName() {
      if (functionName != null && !functionName.isBlank()) {
        return functionName;
      }
      String file = handler.substring(0, handler.lastIndexOf('.'));
      return "local-" + file.substring(file.lastIndexOf('/') + 1);
    }
  }

  /**
   * The AWS Lambda Invoke API (real AWS, or {@code sam local start-lambda} through
   * {@code endpointOverride}), with credentials from a caller-style source.
   */
  record Invoke(String functionName, String region, String endpointOverride, CredentialSource credentials)
      implements LambdaFunction {
    public Invoke {
      Names.require(functionName, "Lambda function name");
    }
  }
}
