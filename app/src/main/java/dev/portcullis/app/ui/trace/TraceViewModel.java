package dev.portcullis.app.ui.trace;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.LogModel;
import dev.portcullis.engine.http.Timings;
import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Exchange;
import dev.portcullis.engine.trace.Headline;
import dev.portcullis.engine.trace.export.JsonOutline;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.export.JsonOutline;
import dev.portcullis.engine.trace.export.TraceExport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The trace on show: masked until the person reveals it, exported only masked, with bodies cut to a
 * size a text control renders without freezing.
 */
public final class TraceViewModel {
  /** Larger bodies are shown cut, with their size: a text control with megabytes of text stalls the FX thread. */
  public static final int SHOWN_BODY_CHARS = 64 * 1024;

  /** A body as shown: {@code note} says when and how it was cut. */
  public record Body(String text, String note, boolean json) {}

  /** One bar of the timings chart, in milliseconds from the start. */
  public record Phase(String name, long startMillis, long millis) {}

  private final BackgroundTasks tasks;
  private final LogModel log;
  private final Supplier<Masking> masking;
  private final Clock clock;

  // Properties
  private final ObjectProperty<Trace> trace = new SimpleObjectProperty<>();
  /** False while the trace pane is collapsed; a new trace shows it again, since that is what the person asked to see. */
  private final javafx.beans.property.BooleanProperty shown = new javafx.beans.property.SimpleBooleanProperty(true);
  private final ObjectProperty<Headline> headline = new SimpleObjectProperty<>();
  private final BooleanProperty stateDecided = new SimpleBooleanProperty();
  private Runnable resetState = () -> { };
  private final BooleanProperty revealed = new SimpleBooleanProperty();
  private final ObjectProperty<Instant> now;

  public TraceViewModel(BackgroundTasks tasks, LogModel log, Supplier<Masking> masking, Clock clock) {
    this.tasks = tasks;
    this.log = log;
    this.masking = masking;
    this.clock = clock;
    this.now = new SimpleObjectProperty<>(clock.instant());
    trace.addListener((obs, old, t) -> {
      headline.set(t == null ? null : Headline.of(t));
      // no answer has no deciding check (null), and Set.of(...).contains(null) throws
      stateDecided.set(headline.get() != null && headline.get().decidedBy() != null && STATEFUL.contains(headline.get().decidedBy()));
    });
  }

  /** Checks that decide on what earlier requests left behind rather than on this request alone. */
  private static final java.util.Set<String> STATEFUL = java.util.Set.of("lambda.cache", "usagePlan.throttle", "usagePlan.quota");

  /** True when the trace on show was decided by state earlier sends left (a cached policy, a bucket, a quota). */
  public javafx.beans.property.ReadOnlyBooleanProperty stateDecidedProperty() {
    return stateDecided;
  }

  /** Where "Reset local state" on the trace goes (the console's command). */
  public void onResetState(Runnable reset) {
    this.resetState = reset;
  }

  /** Empties the local gateway's authoriser cache, buckets and quotas, so the next send is decided afresh. */
  public void resetLocalState() {
    resetState.run();
  }

  /** The trace's answer in words (what, by which check, why, what to change); null without a trace. */
  public ReadOnlyObjectProperty<Headline> headlineProperty() {
    return headline;
  }

  /** The ruling's checks as the view lays them out: the deciding one first, the passed ones to fold away. */
  public record Checks(Detail.Row deciding, String explicitDeny, List<Detail.Row> passed) {}

  /** The checks of the trace on show, evidence without pointers into documents that do not ship; empty for real AWS. */
  public Optional<Checks> checks() {
    Trace t = trace.get();
    List<Detail.Row> rows = t == null ? List.of() : Headline.checks(t);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<Detail.Row> plain = rows.stream().map(r -> new Detail.Row(r.key(), r.value(), Headline.plain(r.note()))).toList();
    Detail.Row deciding = plain.stream().filter(r -> r.value().equals("FAILED")).findFirst().orElse(null);
    String deny = deciding == null ? null : quoteDeny(deciding.note());
    return Optional.of(new Checks(deciding, deny, plain.stream().filter(r -> r != deciding).toList()));
  }

  /** The explicit Deny statement as the evidence words it, up to the end of its clause. */
  static String quoteDeny(String evidence) {
    return Headline.explicitDeny(evidence).map(s -> {
      int from = evidence.indexOf(s);
      int to = evidence.indexOf("; ", from);
      return evidence.substring(from, to < 0 ? evidence.length() : to);
    }).orElse(null);
  }

  public javafx.beans.property.BooleanProperty shownProperty() {
    return shown;
  }

  public ObjectProperty<Trace> traceProperty() {
    return trace;
  }

  public BooleanProperty revealedProperty() {
    return revealed;
  }

  public ReadOnlyObjectProperty<Instant> nowProperty() {
    return now;
  }

  // Commands

  /** Moves the clock the countdowns read; the view calls it once a second. */
  public void tick() {
    now.set(clock.instant());
  }

  /** {@code raw} as the person may see it now: secrets masked unless revealed. */
  public String shown(String raw) {
    if (raw == null || revealed.get()) {
      return raw;
    }
    return masking().scrubText(raw);
  }

  /** A table or header value: masked when its name says it is a secret, unless revealed. */
  public String shown(String name, String value) {
    if (!revealed.get() && Masking.isSecretName(name)) {
      return Masking.maskHeaderValue(value);
    }
    return shown(value);
  }

  private static final java.util.Set<String> TIME_CLAIMS = java.util.Set.of("exp", "iat", "nbf", "auth_time");
  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

  /**
   * A time claim ({@code exp}, {@code iat}, {@code nbf}, {@code auth_time}) as a time, the epoch
   * after it: "2026-12-01 23:24:17 UTC (in 59 min) · 1764631457". Other values as they are.
   */
  public static String asTime(String name, String value) {
    if (!TIME_CLAIMS.contains(name) || value == null) {
      return value;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{9,11})(.*)$").matcher(value.strip());
    if (!m.matches()) {
      return value;
    }
    return WHEN.format(Instant.ofEpochSecond(Long.parseLong(m.group(1)))) + m.group(2) + " · " + m.group(1);
  }

  /** A response or request body: pretty when JSON, cut with its size when large. */
  public Body body(String raw, long size) {
    String text = raw == null ? "" : raw;
    long bytes = Math.max(size, text.getBytes(StandardCharsets.UTF_8).length);
    if (text.length() > SHOWN_BODY_CHARS) {
      return new Body(shown(text.substring(0, SHOWN_BODY_CHARS)), "Showing the first " + size(SHOWN_BODY_CHARS)
          + " of " + size(bytes) + "; export the trace for all of it.", false);
    }
    boolean json = JsonOutline.isJson(text);
    return new Body(shown(json ? JsonOutline.pretty(text) : text), bytes == 0 ? "No body." : size(bytes), json);
  }

  /** The timings as consecutive bars (DNS, connect, TLS, waiting, download); empty when unknown. */
  public static List<Phase> phases(Timings t) {
    List<Phase> phases = new ArrayList<>();
    if (t == null || t.total() == null) {
      return phases;
    }
    long at = 0;
    at = add(phases, "DNS", at, t.dns());
    at = add(phases, "Connect", at, t.connect());
    at = add(phases, "TLS", at, t.tls());
    long firstByte = t.firstByte() == null ? at : Math.max(at, t.firstByte().toMillis());
    at = add(phases, "Waiting", at, Duration.ofMillis(firstByte - at));
    add(phases, "Download", at, Duration.ofMillis(Math.max(0, t.total().toMillis() - at)));
    return phases;
  }

  /** How long until {@code expiresAt}, as the token's header shows it: "expires in 59:12" or "expired 3 min ago". */
  public String countdown(Instant expiresAt) {
    if (expiresAt == null) {
      return "no expiry";
    }
    long seconds = Duration.between(now.get(), expiresAt).getSeconds();
    if (seconds <= 0) {
      return "expired " + Math.max(1, -seconds / 60) + " min ago";
    }
    return String.format("expires in %d:%02d", seconds / 60, seconds % 60);
  }

  /** JSON as an outline for a tree view; empty when the text is not JSON. */
  public Optional<JsonOutline.Node> outline(String json) {
    return JsonOutline.outline("context", shown(json));
  }

  public void exportJson(Path file) {
    export(file, "JSON", t -> TraceExport.create(masking()).toJson(t));
  }

  public void exportMarkdown(Path file) {
    export(file, "Markdown", t -> TraceExport.create(masking()).toMarkdown(t));
  }

  private void export(Path file, String format, java.util.function.Function<Trace, String> render) {
    Trace current = trace.get();
    if (current == null) {
      log.status("There is no trace to export yet: send a request first.");
      return;
    }
    tasks.run(() -> Files.writeString(file, render.apply(current)),
        written -> log.status("Exported the trace as " + format + " (secrets masked) to " + file + "."),
        e -> log.error("The trace could not be exported to " + file, e));
  }

  private Masking masking() {
    Masking m = masking.get();
    return m == null ? Masking.create() : m;
  }

  private static long add(List<Phase> phases, String name, long at, Duration d) {
    if (d == null || d.isNegative()) {
      return at;
    }
    phases.add(new Phase(name, at, d.toMillis()));
    return at + d.toMillis();
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KB", bytes / 1024.0);
    }
    return String.format("%.1f MB", bytes / (1024.0 * 1024));
  }
}
