package dev.portcullis.engine.run;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.identity.Acquisition;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.identity.Credential;
import dev.portcullis.engine.identity.CredentialAcquirer;
import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.IntegrationRunner;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.send.Cancellation;
import dev.portcullis.engine.send.Exchange;
import dev.portcullis.engine.send.HttpExchanger;
import dev.portcullis.engine.send.SigV4Signing;
import dev.portcullis.engine.store.Variables;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Prediction;
import dev.portcullis.engine.trace.RequestSummary;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.TraceBuilder;
import dev.portcullis.engine.trace.Verdict;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request, start to finish: acquire the caller's credential, inspect it, apply it, predict the
 * ruling, send, read the ruling (fetched from the local gateway, or explained from AWS's answer),
 * show the propagated context, and judge against the expectation. Every failure on the way is a
 * failed step with a sentence; nothing here throws at its caller.
 */
final class RequestRunner {
  private final Workspace workspace;
  private final Target target;
  private final String environment;
  private final CredentialAcquirer acquirer;
  private final HttpExchanger exchanger;
  private final Pipeline predictor;
  private final Masking masking;
  private final Clock clock;
  private final Inspection inspection;
  private final Reading reading;
  private final java.util.function.Supplier<String> ids;

  RequestRunner(Workspace workspace, Target target, String environment, CredentialAcquirer acquirer, HttpExchanger exchanger,
      Pipeline predictor, Masking masking, Clock clock, java.util.function.Supplier<String> ids) {
    this.ids = ids;
    this.workspace = workspace;
    this.target = target;
    this.environment = environment;
    this.acquirer = acquirer;
    this.exchanger = exchanger;
    this.predictor = predictor;
    this.masking = masking;
    this.clock = clock;
    this.inspection = new Inspection(clock, target, workspace);
    this.reading = new Reading(target, clock);
  }

  Trace run(SavedRequest request, String callerOverride, Map<String, String> runtime, ChallengeHandler challenges) {
    return run(request, callerOverride, runtime, challenges, Cancellation.none());
  }

  /**
   * As above; {@code cancel} stops the run between steps, while the credential is being obtained,
   * during the send and between the repeats of a burst, and the trace then ends "cancelled".
   */
  Trace run(SavedRequest request, String callerOverride, Map<String, String> runtime, ChallengeHandler challenges,
      Cancellation cancel) {
    Prepared prepared = prepare(request, callerOverride, runtime, challenges, cancel);
    if (!(prepared instanceof Prepared.Ready ready)) {
      return ((Prepared.Stopped) prepared).trace();
    }
    TraceBuilder trace = ready.trace();
    OutgoingRequest outgoing = ready.outgoing();
    Ruling predicted = predict(trace, ready.gateway(), outgoing);
    Prediction prediction = predicted == null ? null : prediction(predicted);
    int times = request.expect() == null || request.expect().repeat() == null ? 1 : request.expect().repeat();
    if (cancel.cancelled()) {
      return trace.abort(CANCELLED + " before the request went out", request.expect());
    }
    Exchange exchange = send(trace, outgoing, times, cancel);
    if (cancel.cancelled()) {
      return trace.abort(CANCELLED + " while the request was being sent", request.expect());
    }
    return reading.finish(trace, ready.gateway(), request, exchange, prediction, predicted == null ? null : predicted.routeKey());
  }

  /**
   * As {@link #run} up to the send, which is left out: the credential acquired (a login, a mint, the
   * cache) and applied to the request built as a send builds it. Neither the predictor nor the
   * gateway sees it, so no throttle, quota or authoriser cache counts it.
   */
  DryRun dryRun(SavedRequest request, String callerOverride, ChallengeHandler challenges) {
    return switch (prepare(request, callerOverride, Map.of(), challenges, Cancellation.none())) {
      case Prepared.Ready ready -> new DryRun(ready.trace().abort(NOT_SENT, request.expect()), ready.outgoing(), ready.credential());
      case Prepared.Stopped stopped -> new DryRun(stopped.trace(), null, null);
    };
  }

  /** How a dry run's trace ends. */
  static final String NOT_SENT = "not sent (a dry run: the request was built, credential and all, and kept off the wire)";

  /** A request ready for the wire, with the trace so far; or the trace of why it could not be built. */
  private sealed interface Prepared {
    record Ready(TraceBuilder trace, Gateway gateway, Credential credential, OutgoingRequest outgoing) implements Prepared {}

    record Stopped(Trace trace) implements Prepared {}
  }

  /** Everything a send does before the wire: variables, URL, credential, the request with the credential on it. */
  private Prepared prepare(SavedRequest request, String callerOverride, Map<String, String> runtime, ChallengeHandler challenges,
      Cancellation cancel) {
    String callerName = callerOverride != null ? callerOverride : workspace.effectiveCaller(request).orElse(null);
    Caller caller = callerName == null ? null : workspace.caller(callerName).orElse(null);
    Gateway gateway = workspace.gateway(request.gateway()).orElse(null);
    Map<String, String> layers = new java.util.HashMap<>(target.runtimeVariables());
    layers.putAll(runtime);
    Variables variables = Variables.of(workspace, environment, request, layers);
    java.util.Optional<String> toFill = variables.stillToFill(environment, FillIns.names(FillIns.texts(request, gateway, caller, variables), variables));
    if (toFill.isPresent()) {
      // one sentence with every placeholder this request meets, before any login or send, rather than one stop per placeholder
      return new Prepared.Stopped(start(request, callerName, request.path()).abort(toFill.get(), request.expect()));
    }
    String url;
    try {
      url = url(gateway, request, variables).toString();
    } catch (IllegalArgumentException e) {
      return new Prepared.Stopped(start(request, callerName, request.path()).abort(e.getMessage(), request.expect()));
    }
    TraceBuilder trace = start(request, callerName, url);
    if (caller == null) {
      return new Prepared.Stopped(trace.abort("caller '" + callerName + "' is not defined in the workspace", request.expect()));
    }
    Acquisition acquisition = acquire(trace, caller, challenges, cancel);
    if (acquisition == null || cancel.cancelled()) {
      return new Prepared.Stopped(trace.abort(CANCELLED + " while the credential was being obtained", request.expect()));
    }
    if (!(acquisition instanceof Acquisition.Acquired acquired)) {
      return new Prepared.Stopped(trace.finish(Verdict.incomplete("the credential could not be obtained", request.expect())));
    }
    OutgoingRequest unsigned;
    try {
      unsigned = build(request, variables, URI.create(url));
    } catch (IllegalArgumentException e) {
      return new Prepared.Stopped(trace.abort(e.getMessage(), request.expect()));
    }
    OutgoingRequest outgoing = inspection.applyAndInspect(trace, acquired.credential(), unsigned, request.clockSkewSeconds(), gateway.region());
    return new Prepared.Ready(trace, gateway, acquired.credential(), outgoing);
  }

  /** The caller's credential through the shared cache, its secrets registered for masking. */
  Acquisition credential(Caller caller, ChallengeHandler challenges) {
    Acquisition a = acquirer.acquire(caller, challenges, e -> { });
    if (a instanceof Acquisition.Acquired ok) {
      register(ok.credential());
    }
    return a;
  }

  private TraceBuilder start(SavedRequest request, String caller, String url) {
    RequestSummary summary = new RequestSummary(request.name(), request.method(), url, caller == null ? "(none)" : caller,
        target.describe());
    return TraceBuilder.start(ids.get(), summary, clock);
  }

  /** The target's base URL for the gateway, the request's path and query with variables resolved. */
  private URI url(Gateway gateway, SavedRequest request, Variables variables) {
    if (gateway == null) {
      throw new IllegalArgumentException("request '" + request.name() + "': gateway '" + request.gateway() + "' is not defined");
    }
    String where = "request '" + request.name() + "'";
    String path = variables.apply(request.path(), where + " path");
    StringBuilder query = new StringBuilder();
    request.query().forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(encode(k)).append('=')
        .append(encode(variables.apply(v, where + " query " + k))));
    try {
      return URI.create(target.baseUrl(gateway, variables) + (path.startsWith("/") ? path : "/" + path) + query);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": the URL is not valid (" + e.getMessage() + ")", e);
    }
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** How a cancelled run's trace ends. */
  static final String CANCELLED = "cancelled by you";

  /** The credential, on a thread of its own so a cancel returns at once; null when cancelled first. */
  private Acquisition acquire(TraceBuilder trace, Caller caller, ChallengeHandler challenges, Cancellation cancel) {
    TraceBuilder.Timer timer = trace.timer();
    List<Exchange> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.CompletableFuture<Acquisition> pending = new java.util.concurrent.CompletableFuture<>();
    Thread.ofVirtual().name("portcullis-acquire").start(() -> {
      try {
        pending.complete(acquirer.acquire(caller, challenges, seen::add));
      } catch (RuntimeException | Error e) {
        pending.completeExceptionally(e);
      }
    });
    Acquisition a;
    try (Cancellation.Registration hook = cancel.onCancel(() -> pending.complete(null))) {
      a = pending.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    if (a == null) {
      return null;
    }
    List<Detail> details = new ArrayList<>();
    if (!seen.isEmpty()) {
      details.add(new Detail.Table("exchanges on the way", seen.stream().map(e -> new Detail.Row(e.request().method() + " "
          + e.request().url(), e instanceof Exchange.Answered ans ? String.valueOf(ans.status()) : "no answer",
          e instanceof Exchange.Answered ans ? ans.bodySize() + " bytes in " + ans.timings().total().toMillis() + " ms" : null)).toList()));
    }
    switch (a) {
      case Acquisition.Acquired ok -> {
        register(ok.credential());
        ok.notes().forEach(n -> details.add(new Detail.Text("note", n)));
        String how = switch (ok.freshness()) {
          case FRESH -> "fresh";
          case CACHED -> "from the cache";
          case REFRESHED -> "refreshed with the refresh token";
          case REACQUIRED -> "acquired again (the cached one was about to expire)";
        };
        trace.add(new Step.Acquire(Outcome.OK, describe(ok.credential()) + " for " + caller.name() + ", " + how + " (" + ok.flow() + ")",
            details, timer.elapsed(), ok.flow(), ok.endpoint(), ok.freshness() == Acquisition.Freshness.CACHED));
      }
      case Acquisition.Failed failed -> {
        details.add(0, new Detail.Text("fix", failed.fix()));
        trace.add(new Step.Acquire(Outcome.FAIL, oneLine(failed.message()), details, timer.elapsed(), failed.flow(), failed.endpoint(), false));
      }
    }
    return a;
  }

  private void register(Credential credential) {
    switch (credential) {
      case Credential.Bearer b -> {
        masking.register(b.token());
        if (b.refreshToken() != null) {
          masking.register(b.refreshToken());
        }
      }
      case Credential.Aws aws -> {
        masking.register(aws.identity().secretAccessKey());
        if (aws.identity() instanceof software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity s) {
          masking.register(s.sessionToken());
        }
      }
      case Credential.ApiKey k -> masking.register(k.value());
      case Credential.None n -> { }
    }
  }

  private static String describe(Credential credential) {
    return switch (credential) {
      case Credential.Bearer b -> b.kind();
      case Credential.Aws a -> "AWS credentials from " + a.source();
      case Credential.ApiKey k -> "API key";
      case Credential.None n -> "no credential";
    };
  }

  private OutgoingRequest build(SavedRequest request, Variables variables, URI url) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    request.headers().forEach((k, v) -> headers.add(Map.entry(k, variables.apply(v, "request '" + request.name() + "' header " + k))));
    byte[] body = request.body() == null ? new byte[0]
        : variables.apply(request.body(), "request '" + request.name() + "' body").getBytes(StandardCharsets.UTF_8);
    return new OutgoingRequest(request.method(), url, new HeaderList(headers), body);
  }

  private static Prediction prediction(Ruling ruling) {
    return new Prediction(ruling.outcome().status(), ruling.decidedBy(),
        ruling.outcome() instanceof Ruling.Outcome.Denied d ? d.gatewayResponseType() : null);
  }

  /** The rule book on the outgoing request; the ruling, or null when it could not run. */
  private Ruling predict(TraceBuilder trace, Gateway gateway, OutgoingRequest outgoing) {
    TraceBuilder.Timer timer = trace.timer();
    try {
      Ruling ruling = predictor.decide(outgoing.asReceived(clock.instant()), gateway);
      if (ruling.decidedBy().equals(NOT_STARTED)) {
        // this machine lacks the function's environment; the deployed function has its own, so a 500 here predicts nothing
        trace.add(new Step.Predict(Outcome.WARN, "No prediction: the rule book runs the authoriser's handler here, and "
            + oneLine(ruling.check(NOT_STARTED).map(Ruling.Check::evidence).orElse("it was not started")), List.of(), timer.elapsed(), null));
        return null;
      }
      Prediction p = prediction(ruling);
      boolean backendNotCalled = ruling.check("integration").filter(c -> c.evidence().contains(IntegrationRunner.NOT_CALLED)).isPresent();
      String summary = ruling.allowed() && backendNotCalled ? "The rule book predicts an allow; the status is the http"
          + " integration's backend's, which only " + gatewayName() + " calls for this request (not called a second time here)"
          : ruling.allowed() ? "The rule book predicts " + p.status() + " (allowed)"
          : "The rule book predicts " + p.status() + " " + p.responseType() + ", decided by " + p.decidedBy();
      trace.add(new Step.Predict(Outcome.OK, summary, List.of(Reading.checks("checks the predictor made", ruling)), timer.elapsed(), p));
      return ruling;
    } catch (dev.portcullis.engine.rules.LambdaInvoker.Deferred d) {
      String summary = target instanceof Target.Remote
          ? "Not predicted: the authoriser " + d.what() + ", which API Gateway does for this request; doing it here too"
              + " would run the deployed function twice, so the answer below is API Gateway's alone"
          : "Predicted from the gateway's run: the authoriser " + d.what() + ", which only the local gateway does for this"
              + " request (once, or not at all when its authoriser cache answers), so its ruling below is the answer (the"
              + " predictor does not do it a second time)";
      trace.add(new Step.Predict(Outcome.SKIPPED, summary, List.of(), timer.elapsed(), null));
      return null;
    } catch (RuntimeException e) {
      trace.add(new Step.Predict(Outcome.WARN, "No prediction: " + oneLine(String.valueOf(e.getMessage())), List.of(), timer.elapsed(), null));
      return null;
    }
  }

  /** Who calls the backends and functions a request needs: AWS, or the local gateway. */
  private String gatewayName() {
    return target instanceof Target.Remote ? "API Gateway" : "the local gateway";
  }

  /** The check a function not started for want of its environment fails. */
  private static final String NOT_STARTED = "lambda.environment";

  /** Concurrent senders for repeated requests: enough to outrun a 100 rps throttle on loopback. */
  private static final int REPEAT_CONCURRENCY = 16;

  /**
   * Sends once, or {@code times} times back to back from {@link #REPEAT_CONCURRENCY} senders (a
   * burst, a quota) and reports the first refusal, else the last answer.
   */
  private Exchange send(TraceBuilder trace, OutgoingRequest outgoing, int times, Cancellation cancel) {
    TraceBuilder.Timer timer = trace.timer();
    List<Exchange> answers = times == 1 ? List.of(exchanger.send(outgoing, cancel)) : burst(outgoing, times, cancel);
    if (answers.isEmpty()) {
      answers = List.of(new Exchange.Failed(outgoing, Exchange.FailureKind.CANCELLED, "Cancelled before the first repeat went out.",
          "Send again when ready.", new dev.portcullis.engine.http.Timings(null, null, null, null, java.time.Duration.ZERO)));
    }
    Exchange exchange = answers.stream().filter(e -> !(e instanceof Exchange.Answered a) || a.status() >= 400).findFirst()
        .orElse(answers.getLast());
    List<Detail> details = new ArrayList<>();
    if (times > 1) {
      long refused = answers.stream().filter(e -> e instanceof Exchange.Answered a && a.status() >= 400).count();
      details.add(new Detail.Text("repeat", cancel.cancelled() ? "Cancelled after " + answers.size() + " of " + times + " sends." : "Sent " + times + " times from " + Math.min(times, REPEAT_CONCURRENCY)
          + " concurrent senders: " + (times - refused) + " allowed, " + refused + " refused; "
          + (refused > 0 ? "the first refusal is shown." : "the last answer is shown.")));
    }
    switch (exchange) {
      case Exchange.Answered a -> trace.add(new Step.Send(a.status() < 400 ? Outcome.OK : Outcome.WARN,
          outgoing.method() + " " + outgoing.url().getRawPath() + " answered " + a.status() + " in " + a.timings().total().toMillis()
              + " ms (" + a.bodySize() + " bytes" + (a.truncated() ? ", cut in the trace" : "") + ")",
          details, timer.elapsed(), Conversions.exchange(a)));
      case Exchange.Failed f -> {
        details.add(new Detail.Text("fix", f.fix()));
        trace.add(new Step.Send(Outcome.FAIL, oneLine(f.message()), details, timer.elapsed(), Conversions.exchange(f)));
      }
    }
    return exchange;
  }

  private List<Exchange> burst(OutgoingRequest outgoing, int times, Cancellation cancel) {
    List<Exchange> answers = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(times);
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < Math.min(times, REPEAT_CONCURRENCY); i++) {
        pool.submit(() -> {
          while (!cancel.cancelled() && left.getAndDecrement() > 0) {
            answers.add(exchanger.send(outgoing, cancel));
          }
        });
      }
    }
    return List.copyOf(answers);
  }

  static String oneLine(String s) {
    return s.lines().findFirst().orElse("").strip();
  }

}
