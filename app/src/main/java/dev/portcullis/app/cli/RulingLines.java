package dev.portcullis.app.cli;

import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.Ruling;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * The ruling lines of {@code gateway serve}, bounded under load: up to {@link #PER_SECOND} lines a
 * second, then one summary line for the rest of that second (how many, allowed and denied). A
 * load run of a million requests wrote 120 MB of stdout; the summary keeps the log readable and
 * small, and {@code /_portcullis/rulings/ID} still has every ruling.
 */
final class RulingLines {
  static final int PER_SECOND = 50;
  private final PrintWriter out;
  private final LongSupplier nanos;
  private long second = Long.MIN_VALUE;
  private int printed;
  private long skippedAllowed;
  private long skippedDenied;

  RulingLines(PrintWriter out, LongSupplier nanos) {
    this.out = out;
    this.nanos = nanos;
  }

  /** One ruling; null only moves the clock on (a tick), so a busy second's summary is not held until the next ruling. */
  synchronized void accept(Ruling r) {
    long now = nanos.getAsLong() / 1_000_000_000L;
    if (now != second) {
      flush();
      second = now;
      printed = 0;
    }
    if (r == null) {
      return;
    }
    if (printed < PER_SECOND) {
      printed++;
      out.println(line(r));
      out.flush();
    } else if (r.allowed()) {
      skippedAllowed++;
    } else {
      skippedDenied++;
    }
  }

  /** Prints the summary of the lines held back, if any (called as each second ends, and at exit). */
  synchronized void flush() {
    long skipped = skippedAllowed + skippedDenied;
    if (skipped > 0) {
      out.println("… " + skipped + " more rulings that second (" + skippedAllowed + " allowed, " + skippedDenied
          + " denied); each is at /_portcullis/rulings/{requestId}");
      out.flush();
    }
    skippedAllowed = 0;
    skippedDenied = 0;
  }

  static String line(Ruling r) {
    String verdict = r.allowed() ? "ALLOW" : "DENY  " + r.outcome().status() + " " + r.decidedBy();
    if (r.decidedBy().equals(Pipeline.FAULT_CHECK)) {
      // the local gateway's own fault: say what failed, as the console does
      verdict += ": " + r.checks().getLast().evidence();
    }
    return r.requestId() + " " + r.gateway() + " " + r.method() + " " + r.path() + " -> " + verdict;
  }
}
