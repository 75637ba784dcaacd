package dev.portcullis.engine.model;

/**
 * What a request should get. Any field left null is not checked.
 *
 * @param status the HTTP status
 * @param errorType the {@code x-amzn-ErrorType} (REST) or gateway response type
 * @param decidedBy the check that should decide, e.g. {@code jwt.audience} or {@code usagePlan.throttle}
 * @param bodyContains a substring of the response body
 * @param repeat send this many times back to back (concurrently) and judge the first refusal, else the last
 *     answer: a throttled burst or an exhausted quota
 */
public record Expectation(Integer status, String errorType, String decidedBy, String bodyContains, Integer repeat) {
  public Expectation {
    if (repeat != null && (repeat < 1 || repeat > 100_000)) {
      throw new IllegalArgumentException("expectation repeat " + repeat + " is outside 1..100000");
    }
  }

  public static Expectation status(int status) {
    return new Expectation(status, null, null, null, null);
  }
}
