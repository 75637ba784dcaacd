package dev.portcullis.engine.model;

import java.util.List;
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
