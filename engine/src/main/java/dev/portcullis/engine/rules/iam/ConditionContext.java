package dev.portcullis.engine.rules.iam;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request context a policy's {@code Condition} block is judged against: condition key to its
 * values. Keys compare without case, as IAM compares them; values keep their case.
 */
public record ConditionContext(Map<String, List<String>> values) {
  public static final String SOURCE_IP = "aws:SourceIp";
  public static final String SOURCE_VPC = "aws:SourceVpc";
  public static final String SOURCE_VPCE = "aws:SourceVpce";
  public static final String VPC_SOURCE_IP = "aws:VpcSourceIp";
  public static final String PRINCIPAL_ARN = "aws:PrincipalArn";
  public static final String PRINCIPAL_ACCOUNT = "aws:PrincipalAccount";
  public static final String CURRENT_TIME = "aws:CurrentTime";
  public static final String EPOCH_TIME = "aws:EpochTime";

  public ConditionContext {
    Map<String, List<String>> normalised = new HashMap<>();
    if (values != null) {
      values.forEach((key, list) -> normalised.put(key.toLowerCase(Locale.ROOT), List.copyOf(list)));
    }
    values = Map.copyOf(normalised);
  }

  public static ConditionContext empty() {
    return new ConditionContext(Map.of());
  }

  /** A copy with {@code key} set to {@code values}, replacing what was there. */
  public ConditionContext with(String key, String... values) {
    Map<String, List<String>> copy = new HashMap<>(this.values);
    copy.put(key.toLowerCase(Locale.ROOT), List.of(values));
    return new ConditionContext(copy);
  }

  /** A copy with each key of {@code defaults} set to its one value where not set yet: one copy for all of them. */
  ConditionContext withDefaults(Map<String, String> defaults) {
    Map<String, List<String>> copy = null;
    for (Map.Entry<String, String> d : defaults.entrySet()) {
      String key = d.getKey().toLowerCase(Locale.ROOT);
      if (!values.containsKey(key)) {
        if (copy == null) {
          copy = new HashMap<>(values);
        }
        copy.putIfAbsent(key, List.of(d.getValue()));
      }
    }
    return copy == null ? this : new ConditionContext(copy);
  }

  /** A copy with {@code key} set only if the caller has not set it, so explicit values win. */
  ConditionContext withDefault(String key, String value) {
    return has(key) ? this : with(key, value);
  }

  public boolean has(String key) {
    return values.containsKey(key.toLowerCase(Locale.ROOT));
  }

  /** The key's values; empty when the request does not carry the key. */
  public List<String> get(String key) {
    return values.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
  }
}
