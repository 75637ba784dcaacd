package dev.portcullis.engine.importer.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.importer.Intrinsics;
import dev.portcullis.engine.model.UsagePlan;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code AWS::ApiGateway::UsagePlan} and SAM's {@code Auth.UsagePlan}: throttle, quota, per-method throttles. */
public final class UsagePlans {
  private UsagePlans() {}

  public static UsagePlan.Throttle throttle(JsonNode t, Intrinsics ix, String where) {
    if (t == null || !t.isObject()) {
      return null;
    }
    String rate = ix.text(t.get("RateLimit"), where);
    String burst = ix.text(t.get("BurstLimit"), where);
    if (rate == null && burst == null) {
      return null;
    }
    return new UsagePlan.Throttle(number(rate, 10000), (int) number(burst, 5000));
  }

  public static UsagePlan.Quota quota(JsonNode q, Intrinsics ix, String where) {
    if (q == null || !q.isObject() || !q.has("Limit")) {
      return null;
    }
    String period = ix.text(q.get("Period"), where);
    UsagePlan.Quota.Period p = period == null ? UsagePlan.Quota.Period.DAY : switch (period.toUpperCase(Locale.ROOT)) {
      case "WEEK" -> UsagePlan.Quota.Period.WEEK;
      case "MONTH" -> UsagePlan.Quota.Period.MONTH;
      default -> UsagePlan.Quota.Period.DAY;
    };
    return new UsagePlan.Quota((long) number(ix.text(q.get("Limit"), where), 0), p);
  }

  /** {@code "/path/VERB": {...}} as CloudFormation writes method throttles, keyed {@code VERB /path} as the workspace does. */
  public static Map<String, UsagePlan.Throttle> methodThrottles(JsonNode stage, Intrinsics ix, String where) {
    Map<String, UsagePlan.Throttle> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = stage.path("Throttle").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      int slash = key.lastIndexOf('/');
      if (slash <= 0) {
        continue;
      }
      UsagePlan.Throttle t = throttle(e.getValue(), ix, where);
      if (t != null) {
        out.put(key.substring(slash + 1).toUpperCase(Locale.ROOT) + " " + key.substring(0, slash), t);
      }
    }
    return out;
  }

  private static double number(String s, double fallback) {
    if (s == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
