package dev.portcullis.engine.rules.iam;

import dev.portcullis.engine.model.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Decisions already made, for the same question asked again: the same caller, the same policy
 * objects, the same action and method ARN, and the same values of every condition key the policies
 * name. A decision (evidence included) is a function of exactly these, so an answer from the memo is
 * the answer evaluation would give.
 *
 * <p>Policies are keyed by identity, not by value: hashing a policy document cost more than
 * evaluating it (issue 19), while a gateway's documents are the same objects for every request. A
 * document that uses policy variables ({@code ${aws:username}}) is never memoised, since a variable
 * may read any key of the context. Both maps are bounded by clearing them when full.
 */
final class DecisionMemo {
  static final int MAX_DECISIONS = 4096;
  private static final int MAX_DOCUMENTS = 1024;

  private final Map<Key, PolicyDecision> decisions = new ConcurrentHashMap<>();
  /** Per document, the lower-cased condition keys it names; empty when it must not be memoised. */
  private final Map<Same, Optional<List<String>>> conditionKeys = new ConcurrentHashMap<>();

  /**
   * The question's key, or null when it must be evaluated every time.
   *
   * @param context a lower-cased condition key's values in the request, null when absent
   */
  Key key(PolicyQuery query, Function<String, List<String>> context) {
    List<Object> parts = new ArrayList<>(4 + 2 * query.identityPolicies().size());
    List<String> named = new ArrayList<>(4);
    for (NamedPolicy policy : query.identityPolicies()) {
      if (!addKeys(policy.document(), named)) {
        return null;
      }
      parts.add(policy.name());
      parts.add(new Same(policy.document()));
    }
    if (query.resourcePolicy() != null) {
      if (!addKeys(query.resourcePolicy(), named)) {
        return null;
      }
      parts.add(new Same(query.resourcePolicy()));
    }
    for (String key : named) {
      // absent and present differ (Null, IfExists): an absent key is null here, a present one its values
      parts.add(context.apply(key));
    }
    return new Key(query.caller().arn(), query.action(), query.methodArn().render(), parts);
  }

  PolicyDecision get(Key key) {
    return decisions.get(key);
  }

  void put(Key key, PolicyDecision decision) {
    if (decisions.size() >= MAX_DECISIONS) {
      decisions.clear();
    }
    decisions.put(key, decision);
  }

  int size() {
    return decisions.size();
  }

  private boolean addKeys(PolicyDocument document, List<String> into) {
    Optional<List<String>> keys = conditionKeys.get(new Same(document));
    if (keys == null) {
      keys = conditionKeysOf(document);
      if (conditionKeys.size() >= MAX_DOCUMENTS) {
        conditionKeys.clear();
      }
      conditionKeys.put(new Same(document), keys);
    }
    if (keys.isEmpty()) {
      return false;
    }
    into.addAll(keys.get());
    return true;
  }

  private static Optional<List<String>> conditionKeysOf(PolicyDocument document) {
    if (document.toString().contains("${")) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>();
    for (PolicyDocument.PolicyStatement statement : document.statements()) {
      for (Map<String, List<String>> block : statement.conditions().values()) {
        for (String key : block.keySet()) {
          keys.add(key.toLowerCase(Locale.ROOT));
        }
      }
    }
    return Optional.of(List.copyOf(keys));
  }

  /** The question, as far as the decision depends on it. */
  record Key(String caller, String action, String methodArn, List<Object> parts) {}

  /** An object compared by identity. */
  private static final class Same {
    private final Object object;

    Same(Object object) {
      this.object = object;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Same same && same.object == object;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(object);
    }
  }
}
