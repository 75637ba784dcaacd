package dev.portcullis.engine.run;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.send.Exchange;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Explanation;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Prediction;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.TraceBuilder;
import dev.portcullis.engine.trace.Verdict;
import dev.portcullis.engine.trace.explain.Explainer;
import dev.portcullis.engine.trace.explain.ObservedResponse;
import dev.portcullis.engine.trace.explain.RouteFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** After the answer: the ruling (server-side or explained), the propagated context, the verdict. */
final class Reading {
  private final Target target;
  private final java.time.Clock clock;
  private final Explainer explainer = Explainer.create();

  Reading(Target target, java.time.Clock clock) {
    this.target = target;
    this.clock = clock;
  }

  Trace finish(TraceBuilder trace, Gateway gateway, SavedRequest request, Exchange exchange, Prediction prediction,
      String predictedRoute) {
    if (!(exchange instanceof Exchange.Answered answer)) {
      trace.add(new Step.Ruling(Outcome.SKIPPED, "No answer, so no ruling", List.of(), java.time.Duration.ZERO, null));
      trace.add(new Step.Context(Outcome.SKIPPED, "Nothing reached the integration", List.of(), java.time.Duration.ZERO, ""));
      String why = exchange instanceof Exchange.Failed f ? f.message() + " Fix: " + f.fix()
          : "the request got no answer";
      return trace.finish(Verdict.incomplete(why, request.expect()));
    }
    String requestId = answer.headers().first("x-amzn-RequestId").or(() -> answer.headers().first("apigw-requestid")).orElse(null);
    Optional<Ruling> ruling = requestId == null ? Optional.empty() : target.ruling(requestId);
    TraceBuilder.Timer timer = trace.timer();
    if (ruling.isPresent()) {
      trace.add(serverRuling(ruling.get(), prediction, timer));
    } else {
      trace.add(explained(answer, gateway, predictedRoute, prediction, sentToken(trace), timer));
    }
    trace.add(context(answer, ruling));
    Ruling.Outcome.Denied denied = ruling.map(Ruling::outcome).filter(o -> o instanceof Ruling.Outcome.Denied)
        .map(o -> (Ruling.Outcome.Denied) o).orElse(null);
    String decidedBy = ruling.map(Ruling::decidedBy).orElse(null);
    String errorType = answer.headers().first("x-amzn-ErrorType").orElse(denied == null ? null : denied.errorType());
    return trace.finish(Verdict.judge(request.expect(), new Verdict.Actual(answer.status(), errorType, decidedBy, answer.bodyText())));
  }

  private static Step.Ruling serverRuling(Ruling r, Prediction prediction, TraceBuilder.Timer timer) {
    List<Detail> details = new ArrayList<>();
    details.add(checks("checks the local gateway made, in order", r));
    String summary;
    Outcome outcome;
    if (r.allowed()) {
      long passed = r.checks().stream().filter(Ruling.Check::passed).count();
      summary = "Allowed by the local gateway: " + passed + " checks passed on "
          + (r.routeKey() == null ? "a CORS preflight, before any route" : r.routeKey());
      outcome = Outcome.OK;
    } else {
      Ruling.Outcome.Denied d = (Ruling.Outcome.Denied) r.outcome();
      String evidence = r.check(d.decidedBy()).map(Ruling.Check::evidence).orElse("");
      summary = "Denied " + d.status() + " " + d.gatewayResponseType() + " by " + d.decidedBy() + (evidence.isEmpty() ? "" : ": " + evidence);
      outcome = Outcome.WARN;
    }
    // What a browser would see (the cors.browser check), when it is not what a curl caller sees.
    var browser = r.check("cors.browser").filter(c -> !c.passed());
    if (browser.isPresent()) {
      summary += ". In a browser: " + browser.get().evidence();
      outcome = Outcome.WARN;
    }
    // two allows agree: an allow's status is the integration's (an http backend's, which the predictor does not call)
    if (prediction != null && prediction.status() != r.outcome().status() && !(prediction.allows() && r.allowed())) {
      details.add(0, new Detail.Text("prediction differed", "The rule book predicted " + prediction.status() + " (" + prediction.decidedBy()
          + ") before sending; the gateway ruled " + r.outcome().status() + " (" + r.decidedBy() + "). State the prediction cannot"
          + " see (authoriser cache, token buckets, quotas) is the usual reason."));
    }
    return new Step.Ruling(outcome, RequestRunner.oneLine(summary), details, timer.elapsed(), null);
  }

  /** What the Inspect step read from the token that went out, with the time it went (this reading's clock); null without a token. */
  private dev.portcullis.engine.trace.explain.TokenFacts sentToken(TraceBuilder trace) {
    return trace.steps().stream().filter(s -> s instanceof Step.Inspect).map(s -> ((Step.Inspect) s).token())
        .filter(java.util.Objects::nonNull).findFirst()
        .map(t -> dev.portcullis.engine.trace.explain.TokenFacts.of(t, clock.instant())).orElse(null);
  }

  private Step.Ruling explained(Exchange.Answered answer, Gateway gateway, String predictedRoute, Prediction prediction,
      dev.portcullis.engine.trace.explain.TokenFacts token, TraceBuilder.Timer timer) {
    ObservedResponse observed = new ObservedResponse(answer.status(), Conversions.headers(answer.headers()), answer.bodyText());
    RouteFacts route = predictedRoute == null ? RouteFacts.UNKNOWN : route(gateway, predictedRoute).map(RouteFacts::of).orElse(RouteFacts.UNKNOWN);
    // not remote: a local gateway that no longer had this ruling (its log's bound, an older gateway serve)
    Explanation e = explainer.explain(observed, gateway.flavor(), route, prediction, token, target instanceof Target.Remote);
    List<Detail> details = new ArrayList<>();
    if (e.answer() != null && !e.answer().rows().isEmpty()) {
      details.add(new Detail.Table("what the answer says", e.answer().rows()));
      if (!e.answer().lookUp().isEmpty()) {
        details.add(new Detail.Text("look up", e.answer().lookUp()));
      }
    }
    details.add(new Detail.Table("likely causes, most likely first",
        e.causes().stream().map(c -> new Detail.Row(c.cause(), c.change(), null)).toList()));
    if (e.disagreement() != null) {
      details.add(new Detail.Text("prediction differed", e.disagreement().sentence()));
    }
    if (target instanceof Target.Remote remote) {
      List<String> drift = remote.live().differences(gateway, answer.request().url());
      if (!drift.isEmpty()) {
        details.add(new Detail.Table("deployed configuration (AWS) next to the workspace's",
            drift.stream().map(d -> new Detail.Row(d, null, null)).toList()));
      }
    }
    Outcome outcome = answer.status() < 400 ? Outcome.OK : Outcome.WARN;
    return new Step.Ruling(outcome, RequestRunner.oneLine(e.summary()), details, timer.elapsed(), e);
  }

  private static Step.Context context(Exchange.Answered answer, Optional<Ruling> ruling) {
    Optional<Map<String, Object>> event = ruling.flatMap(Ruling::event).or(() -> echoedEvent(answer));
    if (event.isEmpty()) {
      boolean denied = ruling.map(r -> !r.allowed()).orElse(answer.status() >= 400);
      return new Step.Context(Outcome.SKIPPED, denied ? "Nothing reached the integration: the request was denied"
          : "The integration's view is not visible from here (not an echo integration)", List.of(), java.time.Duration.ZERO, "");
    }
    Map<String, Object> requestContext = Conversions.map(event.get().get("requestContext"));
    Map<String, Object> authorizer = Conversions.map(requestContext.get("authorizer"));
    String summary = authorizer.isEmpty() ? "The integration got the request with no authoriser context"
        : "The integration got authoriser context: " + String.join(", ", flatKeys(authorizer));
    return new Step.Context(Outcome.OK, RequestRunner.oneLine(summary), List.of(new Detail.Json("event", Conversions.json(event.get()))),
        java.time.Duration.ZERO, Conversions.json(requestContext));
  }

  private static Optional<Map<String, Object>> echoedEvent(Exchange.Answered answer) {
    return dev.portcullis.engine.store.Json.readObject(answer.bodyText()).filter(body -> body.containsKey("requestContext"));
  }

  private static List<String> flatKeys(Map<String, Object> map) {
    List<String> keys = new ArrayList<>();
    map.forEach((k, v) -> {
      if (v instanceof Map<?, ?> inner && !inner.isEmpty()) {
        Conversions.map(inner).keySet().stream().limit(8).forEach(i -> keys.add(k + "." + i));
      } else {
        keys.add(k);
      }
    });
    return keys;
  }

  static Detail.Table checks(String label, Ruling r) {
    return new Detail.Table(label, r.checks().stream()
        .map(c -> new Detail.Row(c.id(), c.passed() ? "passed" : "FAILED", c.evidence())).toList());
  }

  static Optional<Route> route(Gateway gateway, String routeKey) {
    return gateway.routes().stream().filter(r -> r.key().equals(routeKey)).findFirst();
  }
}
