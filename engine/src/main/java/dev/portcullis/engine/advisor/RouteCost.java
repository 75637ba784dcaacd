package dev.portcullis.engine.advisor;

/**
 * What one route costs a month and how much latency its authoriser adds, under its inputs.
 *
 * @param requestsPerInvocation requests per authoriser invocation (0 when nothing is invoked)
 * @param cacheHitRate the share of requests answered from the authoriser cache (0 when there is none)
 * @param p99AddedMs the 99th percentile of latency the authoriser function adds (0 for native checks)
 */
public record RouteCost(
    RouteRef route,
    CostInputs inputs,
    long requestsPerMonth,
    double gatewayCostUsd,
    long authoriserInvocationsPerMonth,
    double authoriserCostUsd,
    double cacheHitRate,
    long requestsPerInvocation,
    int p99AddedMs,
    String explanation) {

  public double totalUsd() {
    return gatewayCostUsd + authoriserCostUsd;
  }
}
