package dev.portcullis.engine.rules;

import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.UsagePlan;
import dev.portcullis.engine.rules.Ruling.Outcome.Denied;
import dev.portcullis.engine.rules.usage.Quota;
import dev.portcullis.engine.rules.usage.QuotaPeriod;
import dev.portcullis.engine.rules.usage.Throttle;
import dev.portcullis.engine.rules.usage.UsagePlanLimiter;
import dev.portcullis.engine.rules.usage.UsagePlanLimits;
import dev.portcullis.engine.rules.usage.UsageVerdict;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * REST API keys and usage plans (spec §6): the key must be enabled and in a plan of this API, then
 * the plan's throttle and quota apply. Methods without {@code apiKeyRequired} bypass both.
 */
final class UsageChecks {
  private final Emulator emulator;
  private final Clock clock;
  private final Map<String, UsagePlanLimiter> limiters = new ConcurrentHashMap<>();

  UsageChecks(Emulator emulator, Clock clock) {
    this.emulator = emulator;
    this.clock = clock;
  }

  /** Every plan's counters per key, as "state left behind". */
  java.util.List<LocalState.UsageCounter> snapshot() {
    java.util.List<LocalState.UsageCounter> out = new java.util.ArrayList<>();
    new java.util.TreeMap<>(limiters).forEach((name, limiter) -> {
      String[] gatewayAndPlan = name.split("/", 2);
      limiter.counters().forEach(c -> out.add(new LocalState.UsageCounter(gatewayAndPlan[0], gatewayAndPlan[1], c.apiKeyId(), c.quotaUsed(),
          c.quotaLimit(), c.quotaResetsAt(), c.tokensLeft(), c.burst())));
    });
    return out;
  }

  /** Fresh buckets and quotas for every key, as after a redeploy of the plan. */
  void clear() {
    limiters.clear();
  }

  Optional<Denied> apiKey(PipelineState ex) {
    boolean fromAuthorizer = ex.gateway.apiKeySource() == Gateway.ApiKeySource.AUTHORIZER;
    String key = fromAuthorizer ? ex.usageIdentifierKey : ex.request.headers().first("x-api-key").orElse(null);
    String where = fromAuthorizer ? "the authoriser's usageIdentifierKey" : "the x-api-key header";
    Optional<Emulator.ApiKeyFixture> fixture = key == null ? Optional.empty() : emulator.apiKeys().stream()
        .filter(k -> k.value().equals(key)).findFirst();
    Optional<UsagePlan> plan = fixture.filter(Emulator.ApiKeyFixture::enabled).flatMap(f -> planOf(ex.gateway, f));
    if (plan.isEmpty()) {
      String why = key == null ? where + " is missing"
          : fixture.isEmpty() ? where + " " + Masking.mask(key) + " is not a key of this emulator"
          : !fixture.get().enabled() ? "key " + fixture.get().id() + " is disabled"
          : "key " + fixture.get().id() + " is in no usage plan of " + ex.gateway.name();
      ex.fail("apiKey", why + "; the method requires an API key: 403 Forbidden (spec §6, §1.2 [KC])");
      return Optional.of(GatewayResponses.deny(ex, 403, "INVALID_API_KEY", "ForbiddenException",
          GatewayResponses.message("Forbidden"), "apiKey"));
    }
    ex.apiKey = key;
    ex.apiKeyId = fixture.get().id();
    ex.pass("apiKey", "key " + ex.apiKeyId + " from " + where + " is enabled and in usage plan '" + plan.get().name()
        + "'; the position of this check after the authoriser is undocumented by AWS (spec §7); emulated as observed");
    return usagePlan(ex, plan.get());
  }

  private Optional<Denied> usagePlan(PipelineState ex, UsagePlan plan) {
    UsagePlanLimiter limiter = limiters.computeIfAbsent(ex.gateway.name() + "/" + plan.name(),
        k -> UsagePlanLimiter.create(limits(plan, ex.gateway), clock));
    String methodKey = UsagePlanLimits.methodKey(ex.match.route().path(), ex.request.method());
    UsageVerdict verdict = limiter.check(ex.apiKeyId, methodKey);
    String observed = "; body and x-amzn-ErrorType are observed only (spec §10 q4)";
    switch (verdict) {
      case UsageVerdict.Throttled t -> {
        ex.fail("usagePlan.throttle", "plan '" + plan.name() + "': " + t.reason() + observed);
        return Optional.of(GatewayResponses.deny(ex, t.status(), t.gatewayResponseType(), t.errorType(), t.body(),
            "usagePlan.throttle"));
      }
      case UsageVerdict.QuotaExceeded q -> {
        ex.fail("usagePlan.quota", "plan '" + plan.name() + "': " + q.reason() + " (the quota is checked before a token "
            + "is spent; AWS does not document the order)" + observed);
        return Optional.of(GatewayResponses.deny(ex, q.status(), q.gatewayResponseType(), q.errorType(), q.body(),
            "usagePlan.quota"));
      }
      case UsageVerdict.Allowed a -> {
        ex.pass("usagePlan.throttle", "plan '" + plan.name() + "' " + methodKey + ": " + (a.tokensRemaining().isPresent()
            ? String.format("%.1f tokens left in the bucket", a.tokensRemaining().getAsDouble()) : "no throttle"));
        ex.pass("usagePlan.quota", "plan '" + plan.name() + "': " + (a.quotaRemaining().isPresent()
            ? a.quotaRemaining().getAsLong() + " requests left this period (periods start at UTC midnight, the "
                + "emulator's choice)" : "no quota"));
        return Optional.empty();
      }
    }
  }

  private static Optional<UsagePlan> planOf(Gateway gateway, Emulator.ApiKeyFixture key) {
    return key.usagePlans().stream().filter(p -> p.startsWith(gateway.name() + "/"))
        .map(p -> p.substring(gateway.name().length() + 1)).map(gateway::usagePlan).flatMap(Optional::stream)
        .findFirst();
  }

  /** The model's plan as the limiter takes it; method throttles keyed {@code "VERB /path"} become {@code "/path/VERB"}. */
  static UsagePlanLimits limits(UsagePlan plan, Gateway gateway) {
    Map<String, Throttle> methods = new HashMap<>();
    // A route's own throttle stands for a method throttle in every plan (the model keeps it on the route).
    gateway.routes().stream().filter(r -> r.throttle() != null).forEach(r -> methods.put(
        UsagePlanLimits.methodKey(r.path(), r.method()), new Throttle(r.throttle().rateLimit(), r.throttle().burstLimit())));
    plan.methodThrottles().forEach((key, t) -> {
      String[] parts = key.split(" ", 2);
      methods.put(UsagePlanLimits.methodKey(parts[1], parts[0]), new Throttle(t.rateLimit(), t.burstLimit()));
    });
    Throttle throttle = plan.throttle() == null ? null
        : new Throttle(plan.throttle().rateLimit(), plan.throttle().burstLimit());
    Quota quota = plan.quota() == null ? null
        : new Quota((int) Math.min(Integer.MAX_VALUE, plan.quota().limit()), QuotaPeriod.valueOf(plan.quota().period().name()));
    return new UsagePlanLimits(throttle, methods, quota);
  }
}
