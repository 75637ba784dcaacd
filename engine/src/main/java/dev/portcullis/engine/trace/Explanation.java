package dev.portcullis.engine.trace;

import java.util.List;
import java.util.Objects;

/**
 * What the explainer makes of a response from real AWS.
 *
 * @param responseType the gateway response type (spec §1.1 name), or null for a success
 * @param entry the catalogue entry's id, e.g. {@code rest.missing-authentication-token}; null when
 *     no row matches
 * @param specRow the spec row it stands for, e.g. "§1.2 Unknown stage, path or method ..."
 * @param evidence how well AWS documents that row; null when no row matches
 * @param summary one sentence naming what happened
 * @param causes likely causes, most likely first, each with what to change
 * @param note a caveat from the spec (wording changed over time, body undocumented ...); may be empty
 * @param disagreement null when there was no prediction or it agrees with the answer
 * @param answer what the answer said about itself, quoted (www-authenticate, x-amzn-ErrorType,
 *     message, request id); null when not read
 */
public record Explanation(
    String responseType,
    String entry,
    String specRow,
    Evidence evidence,
    String summary,
    List<Cause> causes,
    String note,
    Disagreement disagreement,
    AnswerFacts answer) {

  public Explanation(String responseType, String entry, String specRow, Evidence evidence, String summary, List<Cause> causes,
      String note, Disagreement disagreement) {
    this(responseType, entry, specRow, evidence, summary, causes, note, disagreement, null);
  }

  public Explanation {
    Objects.requireNonNull(summary, "explanation summary");
    causes = causes == null ? List.of() : List.copyOf(causes);
    note = note == null ? "" : note;
  }

  /** The same explanation with a disagreement attached. */
  public Explanation with(Disagreement found) {
    return new Explanation(responseType, entry, specRow, evidence, summary, causes, note, found, answer);
  }

  /** The same explanation with other causes and summary (a cause the token contradicts ranked down) and the answer's facts. */
  public Explanation with(String newSummary, List<Cause> newCauses, AnswerFacts facts) {
    return new Explanation(responseType, entry, specRow, evidence, newSummary, newCauses, note, disagreement, facts);
  }
}
