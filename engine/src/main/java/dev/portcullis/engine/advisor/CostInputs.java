package dev.portcullis.engine.advisor;

/**
 * What the cost and latency model assumes about one route's traffic; every field is editable.
 *
 * @param rps requests per second, averaged over the month
 * @param distinctTokensPerWindow distinct credentials (cache keys) seen in one TTL window
 * @param lambdaDurationMs billed duration of one warm authoriser invocation
 * @param lambdaMemoryMb the authoriser function's memory
 * @param coldStartShare the share of invocations that start a new execution environment (0..1)
 * @param coldStartMs the time a cold start adds (its INIT phase)
 */
public record CostInputs(double rps, long distinctTokensPerWindow, int lambdaDurationMs, int lambdaMemoryMb,
    double coldStartShare, int coldStartMs) {

  /** Modest defaults: 10 rps, 100 callers, a 20 ms function at 128 MB with 1% cold starts of 300 ms. */
  public static final CostInputs DEFAULTS = new CostInputs(10, 100, 20, 128, 0.01, 300);

  public CostInputs {
    if (!(rps >= 0) || Double.isInfinite(rps)) {
      throw new IllegalArgumentException("requests per second must be 0 or more, not " + rps);
    }
    if (distinctTokensPerWindow < 1) {
      throw new IllegalArgumentException("distinct tokens per TTL window must be 1 or more, not " + distinctTokensPerWindow);
    }
    if (lambdaDurationMs < 1 || lambdaDurationMs > 900_000) {
      throw new IllegalArgumentException("Lambda duration must be 1 ms to 900,000 ms (15 min), not " + lambdaDurationMs);
    }
    if (lambdaMemoryMb < 128 || lambdaMemoryMb > 10_240) {
      throw new IllegalArgumentException("Lambda memory must be 128 MB to 10,240 MB, not " + lambdaMemoryMb);
    }
    if (!(coldStartShare >= 0 && coldStartShare <= 1)) {
      throw new IllegalArgumentException("cold-start share must be between 0 and 1, not " + coldStartShare);
    }
    if (coldStartMs < 0) {
      throw new IllegalArgumentException("cold-start time must be 0 ms or more, not " + coldStartMs);
    }
  }

  public CostInputs withRps(double value) {
    return new CostInputs(value, distinctTokensPerWindow, lambdaDurationMs, lambdaMemoryMb, coldStartShare, coldStartMs);
  }

  public CostInputs withDistinctTokens(long value) {
    return new CostInputs(rps, value, lambdaDurationMs, lambdaMemoryMb, coldStartShare, coldStartMs);
  }

  public CostInputs withLambda(int durationMs, int memoryMb) {
    return new CostInputs(rps, distinctTokensPerWindow, durationMs, memoryMb, coldStartShare, coldStartMs);
  }

  public CostInputs withColdStarts(double share, int ms) {
    return new CostInputs(rps, distinctTokensPerWindow, lambdaDurationMs, lambdaMemoryMb, share, ms);
  }
}
