package dev.portcullis.app.ui.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The console's few words for one handler invocation, read from the {@code lambda.handler} check the gateway wrote. */
final class HandlerRun {
  private static final Pattern COLD = Pattern.compile("cold start: worker started in ([0-9.]+) ms .*?handler's own ([0-9.]+) ms");
  private static final Pattern WARM = Pattern.compile("warm start .*?: handler ([0-9.]+) ms");

  private HandlerRun() {}

  static String summary(String evidence) {
    Matcher cold = COLD.matcher(evidence);
    if (cold.find()) {
      return "cold · start " + cold.group(1) + " + run " + cold.group(2) + " ms";
    }
    Matcher warm = WARM.matcher(evidence);
    if (warm.find()) {
      return "warm · " + warm.group(1) + " ms";
    }
    return evidence.contains("timed out") ? "timed out" : evidence.contains("crashed") ? "crashed" : "not run";
  }
}
