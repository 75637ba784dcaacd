package dev.portcullis.engine.trace;

import dev.portcullis.engine.model.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Expected versus actual, in one sentence: "Expected 403 AccessDeniedException (lambda.policy);
 * got 200: an unexpected allow."
 *
 * @param result whether the expectation held
 * @param allowed whether the gateway let the request through (2xx/3xx), false when nothing came back
 * @param decidedBy the check that decided, when known
 * @param sentence the one sentence a user reads
 * @param expected null when the request carries no expectation
 * @param actual null when no response came back
 */
public record Verdict(
    Result result, boolean allowed, String decidedBy, String sentence, Expectation expected, Actual actual) {

  public Verdict {
    Objects.requireNonNull(result, "verdict result");
    Objects.requireNonNull(sentence, "verdict sentence");
  }

  /** The outcome of comparing. */
  public enum Result { MATCHED, MISMATCHED, NO_EXPECTATION, INCOMPLETE }

  /**
   * What the gateway answered.
   *
   * @param errorType {@code x-amzn-ErrorType} (REST) or the gateway response type; null if none
   * @param decidedBy the deciding check, known for the local gateway; null for real AWS
   */
  public record Actual(int status, String errorType, String decidedBy, String body) {
    public Actual {
      body = body == null ? "" : body;
    }

    boolean allowed() {
      return status >= 200 && status < 400;
    }
  }

  /** A run that stopped before an answer came back: {@code why} says where and why. */
  public static Verdict incomplete(String why, Expectation expected) {
    return new Verdict(Result.INCOMPLETE, false, null, "No answer to judge: " + why, expected, null);
  }

  /** Compares {@code expected} (may be null) with {@code actual}. */
  public static Verdict judge(Expectation expected, Actual actual) {
    Objects.requireNonNull(actual, "actual");
    String got = "got " + describe(actual.status(), actual.errorType(), actual.decidedBy());
    if (expected == null) {
      return new Verdict(Result.NO_EXPECTATION, actual.allowed(), actual.decidedBy(),
          capitalise(got) + " (" + word(actual) + "); no expectation was set.", null, actual);
    }
    List<String> misses = misses(expected, actual);
    String head = "Expected " + describe(expected.status(), expected.errorType(), expected.decidedBy()) + "; " + got;
    String tail = misses.isEmpty() ? "as expected, " + word(actual) : String.join("; ", misses);
    return new Verdict(misses.isEmpty() ? Result.MATCHED : Result.MISMATCHED, actual.allowed(),
        actual.decidedBy(), head + ": " + tail + ".", expected, actual);
  }

  private static List<String> misses(Expectation expected, Actual actual) {
    List<String> misses = new ArrayList<>();
    if (expected.status() != null && expected.status() != actual.status()) {
      String miss = statusMiss(expected.status(), actual);
      if (miss.startsWith("an unexpected")) {
        return List.of(miss); // once allow and deny are swapped, error type and body say nothing more
      }
      misses.add(miss);
    }
    if (expected.errorType() != null && !expected.errorType().equals(actual.errorType())) {
      misses.add("the error type is " + (actual.errorType() == null ? "absent" : actual.errorType())
          + ", not " + expected.errorType());
    }
    // real AWS never says which check decided; only a known, different check is a miss
    if (expected.decidedBy() != null && actual.decidedBy() != null && !expected.decidedBy().equals(actual.decidedBy())) {
      misses.add("decided by " + actual.decidedBy() + ", not " + expected.decidedBy());
    }
    if (expected.bodyContains() != null && !actual.body().contains(expected.bodyContains())) {
      misses.add("the body does not contain \"" + expected.bodyContains() + "\"");
    }
    return misses;
  }

  private static String statusMiss(int expectedStatus, Actual actual) {
    boolean expectedAllow = expectedStatus >= 200 && expectedStatus < 400;
    if (expectedAllow != actual.allowed()) {
      return actual.allowed() ? "an unexpected allow" : "an unexpected deny";
    }
    return "a different status (" + actual.status() + ", not " + expectedStatus + ")";
  }

  private static String word(Actual actual) {
    String verb = actual.allowed() ? "allowed" : "denied";
    return actual.decidedBy() == null ? verb : verb + " by " + actual.decidedBy();
  }

  private static String describe(Integer status, String errorType, String decidedBy) {
    StringBuilder text = new StringBuilder(status == null ? "any status" : status.toString());
    if (errorType != null) {
      text.append(' ').append(errorType);
    }
    if (decidedBy != null) {
      text.append(" (").append(decidedBy).append(')');
    }
    return text.toString();
  }

  private static String capitalise(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
