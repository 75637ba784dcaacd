package dev.portcullis.engine.rules;

import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.rules.LambdaInvoker.Result;
import dev.portcullis.engine.rules.Ruling.Outcome.Denied;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lambda authorisers (spec §4): identity sources present (else 401 without invoking), the TOKEN
 * regex, the result cache, the invocation, then the answer judged by {@link LambdaAnswers}.
 */
final class LambdaAuthorization {
  private static final String DEFAULT_TOKEN_SOURCE = "method.request.header.Authorization";
  /** The check that fails when a function was not started for want of its environment. */
  static final String ENVIRONMENT_CHECK = "lambda.environment";
  /** Between a {@link #ENVIRONMENT_CHECK}'s problem and its fix, where the headline splits it. */
  static final String FIX = "Fix: ";
  private final AuthorizerCache cache;
  private final Function<LambdaFunction, LambdaInvoker> invokers;
  private final LambdaAnswers answers;

  AuthorizerCache cache() {
    return cache;
  }

  LambdaAuthorization(AuthorizerCache cache, Function<LambdaFunction, LambdaInvoker> invokers, LambdaAnswers answers) {
    this.cache = cache;
    this.invokers = invokers;
    this.answers = answers;
  }

  Optional<Denied> authorize(PipelineState ex, Authorizer.Lambda auth) {
    List<String> sources = auth.identitySources();
    if (sources.isEmpty() && ex.rest() && auth.eventType() == Authorizer.LambdaType.TOKEN) {
      sources = List.of(DEFAULT_TOKEN_SOURCE);
    }
    Map<String, String> identity = IdentitySources.values(ex, sources);
    List<String> missing = identity.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    if (!missing.isEmpty()) {
      String named = missing.stream().map(m -> m + IdentitySources.whyMissing(ex, m)).collect(java.util.stream.Collectors.joining(", "));
      ex.fail("lambda.identitySource", "identity source " + named + " is missing or empty, so API "
          + "Gateway answers 401 without invoking authoriser '" + auth.name() + "' (spec §4.1, §4.5)");
      return Optional.of(GatewayResponses.unauthorized(ex, "lambda.identitySource"));
    }
    ex.pass("lambda.identitySource", sources.isEmpty() ? "authoriser '" + auth.name()
        + "' has no identity sources, so nothing is required and results are not cached"
        : "present: " + describe(identity));
    if (ex.rest() && auth.eventType() == Authorizer.LambdaType.TOKEN && auth.validationRegex() != null) {
      Optional<Denied> refused = validate(ex, auth, identity.values().iterator().next());
      if (refused.isPresent()) {
        return refused;
      }
    }
    return cachedOrInvoked(ex, auth, identity);
  }

  private Optional<Denied> validate(PipelineState ex, Authorizer.Lambda auth, String token) {
    if (token.matches(auth.validationRegex())) {
      ex.pass("lambda.validationRegex", "token matches " + auth.validationRegex());
      return Optional.empty();
    }
    ex.fail("lambda.validationRegex", "token " + Masking.mask(token) + " does not match identityValidationExpression "
        + auth.validationRegex() + "; 401 without invoking the function (spec §4.1)");
    return Optional.of(GatewayResponses.unauthorized(ex, "lambda.validationRegex"));
  }

  private Optional<Denied> cachedOrInvoked(PipelineState ex, Authorizer.Lambda auth, Map<String, String> identity) {
    boolean caching = auth.ttlSeconds() > 0 && !identity.isEmpty();
    AuthorizerCache.Key key = new AuthorizerCache.Key(ex.gateway.name(), auth.name(), new ArrayList<>(identity.values()));
    if (caching) {
      Optional<AuthorizerCache.Entry> hit = cache.find(key);
      if (hit.isPresent()) {
        return answers.judge(ex, auth, hit.get().payload(), "lambda.cache", fromCache(hit.get(), identity));
      }
    }
    LambdaInvoker.Call call = new LambdaInvoker.Call(LambdaEvents.of(ex, auth, identity), identity,
        ex.methodArn().render(), ex.apiWideArn(), !ex.rest() && auth.simpleResponses());
    Result result = invokers.apply(auth.function()).invoke(call);
    if (result instanceof Result.NotStarted n) {
      // a 500 as API Gateway answers for a function it cannot invoke (spec §4.2); the ruling's status says so
      ex.fail(ENVIRONMENT_CHECK, n.reason() + " " + FIX + n.fix());
      return Optional.of(GatewayResponses.authorizerFailure(ex, "AUTHORIZER_CONFIGURATION_ERROR", ENVIRONMENT_CHECK));
    }
    if (result.run() != null && !result.run().isEmpty()) {
      if (result instanceof Result.Unreachable) {
        ex.fail("lambda.handler", result.run());
      } else {
        ex.pass("lambda.handler", result.run());
      }
    }
    if (!(result instanceof Result.Returned returned)) {
      return Optional.of(failed(ex, auth, result));
    }
    ex.pass("lambda.function", "authoriser '" + auth.name() + "' returned a response" + origin(auth.function()) + log(result)
        + (caching ? "; cached for " + auth.ttlSeconds() + " s under the identity-source values"
            : "; not cached (TTL 0 or no identity sources)"));
    if (caching) {
      cache.store(key, returned.payload(), ex.methodArn().render(), auth.ttlSeconds());
    }
    return answers.judge(ex, auth, returned.payload(), "lambda.policy", "");
  }

  private String fromCache(AuthorizerCache.Entry entry, Map<String, String> identity) {
    long age = Duration.between(entry.storedAt(), cache.now()).toSeconds();
    long left = Duration.between(cache.now(), entry.expiresAt()).toSeconds();
    return "answer taken from the authoriser cache without invoking the function (key " + describe(identity)
        + "); it was cached " + age + " s ago by the call to " + entry.storedFor() + " and expires in " + left
        + " s (spec §4.3). ";
  }

  private static Denied failed(PipelineState ex, Authorizer.Lambda auth, Result result) {
    if (result instanceof Result.Raised raised && raised.errorMessage().equals("Unauthorized")) {
      ex.fail("lambda.function", "authoriser '" + auth.name() + "' raised exactly \"Unauthorized\", which API Gateway "
          + "turns into 401 (spec §4.2)" + log(result));
      return GatewayResponses.unauthorized(ex, "lambda.function");
    }
    if (result instanceof Result.Raised raised) {
      ex.fail("lambda.function", "authoriser '" + auth.name() + "' raised \"" + raised.errorMessage() + "\"; any error "
          + "other than exactly \"Unauthorized\" is a 500 and its text is not passed on (spec §1.2, §4.2)" + log(result));
      return GatewayResponses.authorizerFailure(ex, "AUTHORIZER_FAILURE", "lambda.function");
    }
    Result.Unreachable unreachable = (Result.Unreachable) result;
    ex.fail("lambda.function", "authoriser '" + auth.name() + "' could not be invoked: " + unreachable.reason()
        + "; API Gateway answers 500 (spec §4.2, §4.5)" + log(result));
    return GatewayResponses.authorizerFailure(ex, "AUTHORIZER_CONFIGURATION_ERROR", "lambda.function");
  }

  /**
   * Where a function's answer came from, for the kinds whose answer is not computed here: the
   * program or the Lambda that was run ({@code handler} says it in its own {@code lambda.handler} check).
   */
  private static String origin(LambdaFunction function) {
    return function instanceof LambdaFunction.Invoke || function instanceof LambdaFunction.Command
        ? " (the authoriser " + LambdaInvoker.describe(function) + ")" : "";
  }

  private static String log(Result result) {
    return result.log() == null || result.log().isBlank() ? "" : " [function output: " + result.log() + "]";
  }

  static String describe(Map<String, String> identity) {
    return identity.entrySet().stream().map(e -> e.getKey() + "=" + Masking.mask(e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
