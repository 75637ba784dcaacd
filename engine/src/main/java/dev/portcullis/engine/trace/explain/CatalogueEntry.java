package dev.portcullis.engine.trace.explain;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.trace.Cause;
import dev.portcullis.engine.trace.Evidence;
import dev.portcullis.engine.trace.Explanation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One row of the spec's error catalogue (§1.2 or §1.3): how to recognise it, what it is, and the
 * likely causes in order. A cause can move to the front when the response or the route points to
 * it (a Bearer token on an AWS_IAM route, "User: anonymous" in the message).
 */
record CatalogueEntry(
    String id,
    Gateway.Flavor flavor,
    String specRow,
    Evidence evidence,
    Predicate<Seen> matches,
    Function<Seen, String> responseType,
    String summary,
    List<RankedCause> causes,
    String note) {

  /** A response together with what is known about its route. */
  record Seen(ObservedResponse response, RouteFacts route) {
    int status() {
      return response.status();
    }

    String message() {
      return response.message();
    }

    boolean errorType(String type) {
      return type.equals(response.errorType());
    }
  }

  /** A cause, and when it is the most likely one. */
  record RankedCause(Cause cause, Predicate<Seen> firstWhen) {}

  Explanation explain(Seen seen) {
    List<Cause> first = new ArrayList<>();
    List<Cause> rest = new ArrayList<>();
    for (RankedCause ranked : causes) {
      (ranked.firstWhen().test(seen) ? first : rest).add(ranked.cause());
    }
    first.addAll(rest);
    return new Explanation(responseType.apply(seen), id, specRow, evidence, summary, first, note, null);
  }
}
