package dev.portcullis.engine.trace.explain;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.trace.Cause;
import dev.portcullis.engine.trace.Disagreement;
import dev.portcullis.engine.trace.Explanation;
import dev.portcullis.engine.trace.Prediction;
import dev.portcullis.engine.trace.explain.CatalogueEntry.Seen;
import java.util.List;
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
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(flavor, "flavor");
    Seen seen = new Seen(response, route == null ? RouteFacts.UNKNOWN : route);
    Explanation explanation = read(seen, flavor);
    if (prediction == null) {
      return explanation;
    }
    Disagreement disagreement = Disagreements.find(seen, flavor, explanation, prediction);
    return disagreement == null ? explanation : explanation.with(disagreement);
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
