package dev.portcullis.engine.advisor;

import dev.portcullis.engine.advisor.RouteFilters.HotPath;
import dev.portcullis.engine.model.Gateway.Flavor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost and latency of each route's authorisation. A month is 730 hours, as AWS's pricing
 * examples count it. With a result cache of TTL {@code t}, an authoriser is invoked once per
 * distinct cache key per window of {@code t} seconds (never more often than there are requests);
 * without one, once per request (spec/apigw-facts.md §4.3). Native checks (IAM, Cognito, JWT, API
 * keys) cost nothing beyond the request price and add no function latency.
 */
public final class CostModel {
  public static final long SECONDS_PER_MONTH = 730L * 3600;
  private static final double EPSILON = 1e-12;

  private final Map<RouteRef, RouteCost> costs = new LinkedHashMap<>();

  CostModel(List<RouteFilters> routes, CostAssumptions assumptions, PriceTable prices) {
    for (RouteFilters f : routes) {
      costs.put(f.route(), cost(f.flavor(), f.hotPath(), assumptions.inputsFor(f.route()), prices, f.route()));
    }
  }

  RouteCost cost(RouteRef route) {
    return costs.get(route);
  }

  List<RouteCost> all() {
    return List.copyOf(costs.values());
  }

  /** One route's cost; public so a view can recompute a slider's value without a whole advice. */
  public static RouteCost cost(Flavor flavor, HotPath hot, CostInputs in, PriceTable prices, RouteRef route) {
    long requests = Math.round(in.rps() * SECONDS_PER_MONTH);
    double gateway = (flavor == Flavor.REST ? prices.restRequests() : prices.httpRequests()).cost(requests / 1e6);
    if (!hot.invokesLambda() || requests == 0) {
      String why = hot.invokesLambda() ? "no traffic" : hot.text() + "; nothing is invoked";
      return new RouteCost(route, in, requests, gateway, 0, 0, 0, 0, 0, why);
    }
    long invocations;
    String why;
    if (hot.kind() == HotPath.Kind.LAMBDA_CACHED) {
      long ttl = hot.ttlSeconds();
      double requestsPerWindow = in.rps() * ttl;
      double perWindow = Math.min(in.distinctTokensPerWindow(), requestsPerWindow);
      invocations = Math.round(perWindow * ((double) SECONDS_PER_MONTH / ttl));
      why = "cached for " + ttl + " s: " + Fmt.num(perWindow) + " invocation(s) per window of " + Fmt.num(requestsPerWindow) + " requests";
    } else {
      invocations = requests;
      why = hot.text();
    }
    double coldShare = in.coldStartShare();
    // Since 1 August 2025 Lambda bills the INIT phase of cold starts too, so they count in the billed time.
    double billedSeconds = (in.lambdaDurationMs() + coldShare * in.coldStartMs()) / 1000.0;
    double gbSeconds = invocations * billedSeconds * (in.lambdaMemoryMb() / 1024.0);
    double lambda = prices.lambdaRequests().cost(invocations / 1e6) + prices.lambdaGbSeconds().cost(gbSeconds);
    double miss = Math.min(1.0, (double) invocations / requests);
    return new RouteCost(route, in, requests, gateway, invocations, lambda, 1 - miss, Math.round((double) requests / invocations),
        p99(miss, coldShare, in.lambdaDurationMs(), in.coldStartMs()), why);
  }

  /** The smallest added latency that 99% of requests stay within: hit (0), warm call, or cold call. */
  static int p99(double miss, double coldShare, int durationMs, int coldStartMs) {
    double hit = 1 - miss;
    if (hit >= 0.99 - EPSILON) {
      return 0;
    }
    double coldRequests = miss * coldShare;
    return 1 - coldRequests >= 0.99 - EPSILON ? durationMs : durationMs + coldStartMs;
  }
}
