package dev.portcullis.engine.trace.explain;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.trace.Cause;
import dev.portcullis.engine.trace.Disagreement;
import dev.portcullis.engine.trace.Explanation;
import dev.portcullis.engine.trace.Prediction;
import dev.portcullis.engine.trace.explain.CatalogueEntry.Seen;
import dev.portcullis.engine.trace.AnswerFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a response from real AWS the way an experienced engineer would: from status,
 * {@code x-amzn-ErrorType}, body and {@code www-authenticate} to the gateway response type, the
 * spec row it matches (with its evidence level) and the likely causes in order, each with what to
 * change. Given the rule book's prediction, it also says where prediction and answer disagree and
 * which known reason fits. Pure and stateless: the catalogue is a table in this package.
 */
public final class Explainer {
  private Explainer() {}

  public static Explainer create() {
    return new Explainer();
  }

  /** Explains a response with nothing known about the route and no prediction. */
  public Explanation explain(ObservedResponse response, Gateway.Flavor flavor) {
    return explain(response, flavor, RouteFacts.UNKNOWN, null);
  }

  /**
   * Explains a response.
   *
   * @param route what the imported configuration says about the route; {@link RouteFacts#UNKNOWN}
   *     or null when nothing is known
   * @param prediction the rule book's prediction, or null
   */
  public Explanation explain(ObservedResponse response, Gateway.Flavor flavor, RouteFacts route, Prediction prediction) {
    return explain(response, flavor, route, prediction, null);
  }

  /**
   * Explains a response using everything in it (www-authenticate's error_description, the error
   * type, the message and the request id are quoted in the summary and kept in {@link
   * Explanation#answer()}) and the token that was sent: a cause the token contradicts (expiry, when
   * it still had time left) is ranked last and says why.
   *
   * @param token what the inspected token says; null when no token was sent
   */
  public Explanation explain(ObservedResponse response, Gateway.Flavor flavor, RouteFacts route, Prediction prediction, TokenFacts token) {
    return explain(response, flavor, route, prediction, token, true);
  }

  /**
   * The same for an answer from real AWS ({@code fromAws}) or from a local gateway that no longer had the
   * request's ruling: the quote then says the local gateway said it, and nothing points to CloudWatch.
   */
  public Explanation explain(ObservedResponse response, Gateway.Flavor flavor, RouteFacts route, Prediction prediction, TokenFacts token,
      boolean fromAws) {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(flavor, "flavor");
    Seen seen = new Seen(response, route == null ? RouteFacts.UNKNOWN : route);
    Explanation explanation = withAnswer(read(seen, flavor), response, token, fromAws);
    if (prediction == null) {
      return explanation;
    }
    Disagreement disagreement = Disagreements.find(seen, flavor, explanation, prediction);
    return disagreement == null ? explanation : explanation.with(disagreement);
  }

  private static Explanation withAnswer(Explanation read, ObservedResponse response, TokenFacts token, boolean fromAws) {
    AnswerFacts aws = AnswerFacts.of(response.headers(), response.errorType(), response.message());
    AnswerFacts facts = fromAws ? aws : aws.local();
    String summary = read.summary();
    List<Cause> causes = read.causes();
    Duration left = token == null || response.status() < 400 ? null : token.leftWhenSent();
    if (left != null && causes.stream().anyMatch(Explainer::aboutExpiry)) {
      String contradiction = "the token sent had " + span(left) + " left (exp " + token.expiresAt() + ")";
      List<Cause> kept = new ArrayList<>();
      List<Cause> down = new ArrayList<>();
      for (Cause c : causes) {
        if (aboutExpiry(c)) {
          down.add(new Cause("Unlikely: " + c.cause() + " But " + contradiction + ", so it had not expired when sent; only a clock "
              + span(left) + " off from AWS's would make AWS see it expired.", c.change()));
        } else {
          kept.add(c);
        }
      }
      kept.addAll(down);
      causes = kept;
      if (mentionsExpiry(summary) || mentionsExpiry(facts.errorDescription()) || mentionsExpiry(facts.message())) {
        summary = summary + " The inspected token contradicts expiry: " + contradiction + ".";
      }
    }
    String quoted = facts.quoted();
    return read.with(quoted.isEmpty() ? summary : summary + " " + quoted, causes, facts);
  }

  /** A cause that says the token expired; a cause about this machine's clock stays, since a clock off by that much still fits. */
  private static boolean aboutExpiry(Cause c) {
    String text = c.cause().toLowerCase(Locale.ROOT);
    return text.startsWith("the token") && (text.contains("expired") || text.contains("exp has passed"));
  }

  /** {@code 54 min}, {@code 3 h 5 min}: rounded down to the minute, as the Inspect step counts. */
  private static String span(Duration d) {
    long minutes = d.toMinutes();
    return minutes < 60 ? minutes + " min" : minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
  }

  private static boolean mentionsExpiry(String text) {
    return text != null && text.toLowerCase(Locale.ROOT).contains("expired");
  }

  private static Explanation read(Seen seen, Gateway.Flavor flavor) {
    int status = seen.status();
    if (status < 400) {
      return new Explanation(null, null, null, null, "The gateway let the request through (" + status + ").",
          List.of(), "", null);
    }
    return Catalogue.entries(flavor).stream()
        .filter(entry -> entry.matches().test(seen))
        .findFirst()
        .map(entry -> entry.explain(seen))
        .orElseGet(() -> unknown(seen, flavor));
  }

  private static Explanation unknown(Seen seen, Gateway.Flavor flavor) {
    String type = seen.status() >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX";
    String errorType = seen.response().errorType();
    String summary = "No " + flavor + " row of the catalogue matches " + seen.status()
        + (errorType == null ? "" : " " + errorType) + " \"" + seen.message() + "\".";
    Cause cause = new Cause("The answer may come from the integration, or from a gateway response customised on this API.",
        "Check the integration's logs and the API's gateway responses.");
    return new Explanation(type, null, null, null, summary, List.of(cause), "", null);
  }
}
