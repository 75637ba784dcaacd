package dev.portcullis.engine.matrix;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.store.Variables;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Prediction;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The expected outcome of a cell no saved request covers, derived in two stages. First the kind
 * check: can this kind of caller, configured as it is, pass this route's authorisation at all (an
 * IAM route takes only SigV4 signers, a JWT route only tokens from its issuer, a Lambda authoriser
 * only callers that send the identity sources it reads, an API-key route only API-key callers)? A
 * caller that cannot is expected to be denied. For one that can, the policy, scopes or authoriser
 * function decide, and the rule book's prediction (made before sending, from configuration only)
 * says how. A prediction that could not be made, or that a fault decided (keys unreachable, an
 * authoriser that could not be invoked), says nothing about the caller: such a cell has no
 * expectation ({@link Expected.Source#NONE}) and is judged UNKNOWN, never "as expected" by the
 * same failure. Derivation can be wrong, so derived cells are judged on allow versus deny only.
 */
final class Derivation {
  private Derivation() {}

  record Fit(boolean fits, String why) {}

  static Expected derive(Gateway gateway, Route route, Caller caller, Trace trace, Variables variables) {
    Fit fit = fit(gateway, route, caller, variables);
    Optional<Step.Predict> predict = trace.step(Step.Kind.PREDICT).map(s -> (Step.Predict) s);
    Optional<Prediction> prediction = predict.map(Step.Predict::prediction);
    Integer status = prediction.map(Prediction::status).orElse(null);
    if (!fit.fits()) {
      // the kind check alone decides: it reads the configuration, not the prediction, so a failed prediction does not taint it
      return new Expected(status, false, Expected.Source.DERIVED, "derived: " + fit.why());
    }
    if (predict.isPresent() && prediction.isEmpty()) {
      return new Expected(null, false, Expected.Source.NONE, "unknown: " + fit.why() + "; but the rule book could not predict ("
          + predict.get().summary() + "), so nothing says what the answer should be");
    }
    Optional<String> fault = prediction.flatMap(p -> fault(p, predict.get()));
    if (fault.isPresent()) {
      return new Expected(null, false, Expected.Source.NONE, "unknown: " + fit.why() + "; but the rule book's prediction rests on a fault ("
          + fault.get() + "), so it cannot say what the answer should be");
    }
    return prediction.map(p -> new Expected(p.status(), p.allows(), Expected.Source.DERIVED, "derived: " + fit.why()
            + "; the rule book predicts " + (p.allows() ? "an allow (" + p.status() + ")" : p.status() + " by " + p.decidedBy())))
        .orElse(new Expected(null, true, Expected.Source.DERIVED, "derived: " + fit.why() + "; no prediction, so expected through"));
  }

  /** Checks whose failure is a fault of the world, not a ruling on the caller: the prediction says nothing about the caller then. */
  private static final Set<String> FAULT_CHECKS = Set.of("jwks.fetch", Pipeline.FAULT_CHECK);

  /** Response types that mean the authoriser could not be asked (spec §1.1 AUTHORIZER_CONFIGURATION_ERROR), not that it refused. */
  private static final Set<String> FAULT_RESPONSES = Set.of("AUTHORIZER_CONFIGURATION_ERROR");

  /**
   * What failed when a prediction was decided by a fault (the issuer's keys could not be fetched,
   * spec §3 "JWKS fetch"; a Lambda authoriser that could not be invoked, §4.2; a fault of the rule
   * book), with the check's evidence; empty for a ruling on the caller.
   */
  static Optional<String> fault(Prediction p, Step.Predict step) {
    boolean faulty = !p.allows() && (FAULT_CHECKS.contains(p.decidedBy()) || FAULT_RESPONSES.contains(p.responseType()));
    if (!faulty) {
      return Optional.empty();
    }
    String evidence = step.details().stream().filter(d -> d instanceof Detail.Table).flatMap(d -> ((Detail.Table) d).rows().stream())
        .filter(r -> r.key().equals(p.decidedBy()) && r.note() != null).map(Detail.Row::note).reduce((a, b) -> b).orElse("");
    return Optional.of(p.decidedBy() + (evidence.isBlank() ? "" : ": " + evidence));
  }

  /** Whether the caller's kind could pass the route's authorisation; issuers and pool ids compared as {@code variables} resolve them. */
  static Fit fit(Gateway gateway, Route route, Caller caller, Variables variables) {
    if (route.apiKeyRequired() && !(caller instanceof Caller.ApiKey)) {
      return new Fit(false, "the route requires an API key and " + caller.name() + " sends none");
    }
    Optional<Authorizer> authorizer = Optional.ofNullable(route.authorizer()).flatMap(gateway::authorizer);
    return switch (route.authorization()) {
      case NONE -> new Fit(true, "the route has no authoriser");
      case AWS_IAM -> caller instanceof Caller.Iam
          ? new Fit(true, "IAM caller; its policies and the resource policy decide")
          : new Fit(false, "AWS_IAM route and " + caller.name() + " does not sign with SigV4");
      case COGNITO_USER_POOLS, JWT -> authorizer.map(a -> tokenFit(a, caller, text -> resolved(text, variables)))
          .orElse(new Fit(true, "the route's authoriser is not defined; the rule book decides"));
      case CUSTOM -> authorizer.filter(a -> a instanceof Authorizer.Lambda).map(a -> lambdaFit((Authorizer.Lambda) a, caller))
          .orElse(new Fit(true, "the route's Lambda authoriser is not defined; the rule book decides"));
    };
  }

  private static Fit tokenFit(Authorizer authorizer, Caller caller, java.util.function.UnaryOperator<String> v) {
    String issuer = switch (authorizer) {
      case Authorizer.Cognito c -> "pool " + String.join(", ", c.userPools());
      case Authorizer.Jwt j -> v.apply(j.issuer());
      case Authorizer.Lambda l -> "?";
    };
    boolean fits = switch (caller) {
      case Caller.CognitoUser u -> switch (authorizer) {
        case Authorizer.Cognito c -> c.userPools().stream().map(v).anyMatch(p -> p.equals(v.apply(u.userPoolId())) || p.endsWith("/" + v.apply(u.userPoolId())));
        case Authorizer.Jwt j -> stripSlash(v.apply(j.issuer())).endsWith("/" + v.apply(u.userPoolId()));
        case Authorizer.Lambda l -> false;
      };
      case Caller.OidcClient o -> authorizer instanceof Authorizer.Jwt j && stripSlash(v.apply(j.issuer())).equals(stripSlash(v.apply(o.issuer())));
      case Caller.CustomToken t -> true;
      case Caller.Iam i -> false;
      case Caller.ApiKey k -> false;
      case Caller.Anonymous a -> false;
    };
    if (caller instanceof Caller.CustomToken) {
      return new Fit(true, "a custom token whose claims decide (issuer " + issuer + " wanted)");
    }
    return fits ? new Fit(true, caller.name() + "'s tokens come from " + issuer + "; audience, scopes and expiry decide")
        : new Fit(false, "the authoriser takes tokens from " + issuer + " and " + caller.name() + " has none from there");
  }

  /** A text with its variables resolved where they can be; as written where they cannot (a placeholder, an unknown name). */
  private static String resolved(String text, Variables variables) {
    try {
      return variables.apply(text, "matrix");
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static Fit lambdaFit(Authorizer.Lambda authorizer, Caller caller) {
    List<String> sent = sentHeaders(caller);
    List<String> missing = new ArrayList<>();
    for (String source : authorizer.identitySources()) {
      String header = header(source);
      if (header != null && !sent.contains(header)) {
        missing.add(header);
      }
    }
    if (!missing.isEmpty()) {
      return new Fit(false, "the Lambda authoriser reads " + String.join(", ", missing) + ", which " + caller.name() + " does not send");
    }
    return new Fit(true, caller.name() + " sends what the Lambda authoriser reads; its function decides");
  }

  /** The header an identity source names ({@code method.request.header.X}, {@code $request.header.X}), lower case; null for others. */
  private static String header(String source) {
    int at = source.indexOf("request.header.");
    return at < 0 ? null : source.substring(at + "request.header.".length()).toLowerCase(Locale.ROOT);
  }

  private static List<String> sentHeaders(Caller caller) {
    return switch (caller) {
      case Caller.ApiKey k -> {
        List<String> h = new ArrayList<>(k.headers().keySet().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        h.add("x-api-key");
        yield h;
      }
      case Caller.CustomToken t -> List.of(t.header().toLowerCase(Locale.ROOT));
      case Caller.CognitoUser u -> List.of("authorization");
      case Caller.OidcClient o -> List.of("authorization");
      case Caller.Iam i -> List.of("authorization", "x-amz-date");
      case Caller.Anonymous a -> List.of();
    };
  }

  private static String stripSlash(String s) {
    return s.replaceAll("/+$", "");
  }
}
