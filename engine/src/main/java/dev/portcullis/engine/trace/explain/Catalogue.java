package dev.portcullis.engine.trace.explain;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.trace.Cause;
import dev.portcullis.engine.trace.Evidence;
import dev.portcullis.engine.trace.explain.CatalogueEntry.RankedCause;
import dev.portcullis.engine.trace.explain.CatalogueEntry.Seen;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The error catalogue, one entry per error row of spec §1.2 (REST) and §1.3 (HTTP), tried in order. */
final class Catalogue {
  private static final List<CatalogueEntry> REST = RestCatalogue.entries();
  private static final List<CatalogueEntry> HTTP = HttpCatalogue.entries();

  private Catalogue() {}

  static List<CatalogueEntry> entries(Gateway.Flavor flavor) {
    return flavor == Gateway.Flavor.REST ? REST : HTTP;
  }

  static List<CatalogueEntry> all() {
    List<CatalogueEntry> all = new ArrayList<>(REST);
    all.addAll(HTTP);
    return all;
  }

  // --- small vocabulary the two catalogues share

  static CatalogueEntry entry(String id, Gateway.Flavor flavor, String specRow, Evidence evidence,
      Predicate<Seen> matches, String responseType, String summary, String note, RankedCause... causes) {
    return new CatalogueEntry(id, flavor, specRow, evidence, matches, seen -> responseType, summary,
        List.of(causes), note);
  }

  static RankedCause cause(String cause, String change) {
    return new RankedCause(new Cause(cause, change), seen -> false);
  }

  static RankedCause cause(Predicate<Seen> firstWhen, String cause, String change) {
    return new RankedCause(new Cause(cause, change), firstWhen);
  }

  static Predicate<Seen> status(int status) {
    return seen -> seen.status() == status;
  }

  static Predicate<Seen> message(String exact) {
    return seen -> seen.message().equals(exact);
  }

  static Predicate<Seen> messageStarts(String prefix) {
    return seen -> seen.message().startsWith(prefix);
  }

  static Predicate<Seen> messageContains(String part) {
    return seen -> seen.message().contains(part);
  }

  static Predicate<Seen> errorType(String type) {
    return seen -> seen.errorType(type);
  }

  static Predicate<Seen> route(AuthorizationType type) {
    return seen -> seen.route().is(type);
  }

  static Predicate<Seen> routeKnownAndNot(AuthorizationType type) {
    return seen -> seen.route().authorization() != null && !seen.route().is(type);
  }

  // --- causes that several rows share

  static RankedCause wrongPathOrStage(Predicate<Seen> firstWhen) {
    return cause(firstWhen,
        "The URL does not match a deployed resource and method (wrong path, wrong stage, or not deployed): "
            + "API Gateway answers an unknown route this way, not with 404, whatever the Authorization header says.",
        "Check the stage is the first path segment, the resource and HTTP method exist, and the API was redeployed to the stage.");
  }

  /** The unknown-route reading of the incomplete-signature rows (spec §1.2): a bearer token sent to a wrong URL. */
  static RankedCause wrongPathWithToken(Predicate<Seen> firstWhen) {
    return cause(firstWhen,
        "Wrong path while sending a JWT: the URL does not match a deployed resource and method (wrong path, wrong "
            + "stage, or not deployed), and on an unknown route API Gateway reads the Authorization header as a SigV4 "
            + "signature, so a bearer token gets this signature error instead of Missing Authentication Token.",
        "Check the stage is the first path segment, the resource and HTTP method exist, and the API was redeployed to the stage.");
  }

  static RankedCause lambdaCache(Predicate<Seen> firstWhen) {
    return cause(firstWhen,
        "The authoriser's result is cached (REST default TTL 300 s) by identity source, not by method: a policy "
            + "built for another method was reused and does not cover this one.",
        "Return a policy whose Resource covers every method the caller may call (e.g. arn:aws:execute-api:region:account:api/stage/*/*), or set the authoriser TTL to 0.");
  }

  static RankedCause clockSkew(Predicate<Seen> firstWhen, String direction) {
    return cause(firstWhen, "This machine's clock is " + direction + " AWS's by more than 5 minutes, so the "
            + "X-Amz-Date the signature carries is outside AWS's window.",
        "Synchronise the clock (NTP) and sign again; the trace's Send step shows the Date AWS returned.");
  }
}
