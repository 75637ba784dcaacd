package dev.portcullis.engine.trace;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of a trace. The kinds are closed so a view can {@code switch} over them exhaustively;
 * every kind shares an outcome, a one-line summary, typed details and its duration, and carries its
 * own typed payload where one exists.
 */
public sealed interface Step {
  Outcome outcome();

  /** One line a user reads first, e.g. "Cognito ID token from cache, 3 ms". */
  String summary();

  List<Detail> details();

  Duration duration();

  /** The kind, in pipeline order. */
  Kind kind();

  /** Step kinds in the order a request goes through them. */
  enum Kind { ACQUIRE, INSPECT, PREDICT, SEND, RULING, CONTEXT, VERDICT }

  /**
   * The credential was obtained.
   *
   * @param flow e.g. {@code USER_SRP_AUTH}, {@code client_credentials}, {@code profile dev}
   * @param endpoint where it came from (Cognito IdP, token endpoint, STS); empty for a static key
   * @param cached true when served from the token cache
   */
  record Acquire(Outcome outcome, String summary, List<Detail> details, Duration duration,
      String flow, String endpoint, boolean cached) implements Step {
    public Acquire {
      details = Steps.check(outcome, summary, details, duration);
      flow = flow == null ? "" : flow;
      endpoint = endpoint == null ? "" : endpoint;
    }

    @Override
    public Kind kind() {
      return Kind.ACQUIRE;
    }
  }

  /**
   * The credential was taken apart: a decoded token, or for SigV4 what the signature covers.
   * Either may be null (an API key has neither).
   */
  record Inspect(Outcome outcome, String summary, List<Detail> details, Duration duration,
      TokenInspection token, SigV4Details sigv4) implements Step {
    public Inspect {
      details = Steps.check(outcome, summary, details, duration);
    }

    @Override
    public Kind kind() {
      return Kind.INSPECT;
    }
  }

  /** The rule book ran on the outgoing request; {@code prediction} is null when it could not. */
  record Predict(Outcome outcome, String summary, List<Detail> details, Duration duration,
      Prediction prediction) implements Step {
    public Predict {
      details = Steps.check(outcome, summary, details, duration);
    }

    @Override
    public Kind kind() {
      return Kind.PREDICT;
    }
  }

  /** The request went out; {@code exchange} is null only when the request could not be built. */
  record Send(Outcome outcome, String summary, List<Detail> details, Duration duration,
      Exchange exchange) implements Step {
    public Send {
      details = Steps.check(outcome, summary, details, duration);
    }

    @Override
    public Kind kind() {
      return Kind.SEND;
    }
  }

  /**
   * Why the gateway answered as it did. From the local gateway the server-side ruling is in the
   * details and {@code explanation} is null; from real AWS the explainer's reading is here.
   */
  record Ruling(Outcome outcome, String summary, List<Detail> details, Duration duration,
      Explanation explanation) implements Step {
    public Ruling {
      details = Steps.check(outcome, summary, details, duration);
    }

    @Override
    public Kind kind() {
      return Kind.RULING;
    }
  }

  /**
   * What reached the integration.
   *
   * @param contextJson the integration's view ({@code requestContext} and friends) as JSON, to show
   *     as a tree; empty when the request never reached it
   */
  record Context(Outcome outcome, String summary, List<Detail> details, Duration duration,
      String contextJson) implements Step {
    public Context {
      details = Steps.check(outcome, summary, details, duration);
      contextJson = contextJson == null ? "" : contextJson;
    }

    @Override
    public Kind kind() {
      return Kind.CONTEXT;
    }
  }

  /** Expected versus actual; the same verdict the trace carries at its top. */
  record Verdict(Outcome outcome, String summary, List<Detail> details, Duration duration,
      dev.portcullis.engine.trace.Verdict verdict) implements Step {
    public Verdict {
      details = Steps.check(outcome, summary, details, duration);
      Objects.requireNonNull(verdict, "verdict step needs the verdict");
    }

    @Override
    public Kind kind() {
      return Kind.VERDICT;
    }
  }
}
