package dev.portcullis.engine.advisor;

import java.util.List;
import java.util.Objects;

/**
 * For one caller: the mechanism the design's reasoning picks for its kind, and each route it calls
 * (in a saved request meant to succeed) whose mechanism departs from that, with what it costs.
 *
 * @param fitRest the fitting mechanism on a REST API
 * @param fitHttp the fitting mechanism on an HTTP API
 * @param routes the routes the caller's successful saved requests go to
 */
public record CallerFit(String caller, Kind kind, String fitRest, String fitHttp, List<RouteRef> routes, List<Departure> departures) {
  public CallerFit {
    Objects.requireNonNull(caller, "caller");
    routes = List.copyOf(routes);
    departures = List.copyOf(departures);
  }

  /** The caller kinds of the design's table. */
  public enum Kind {
    COGNITO_USER("mobile app user (Cognito user pool)"),
    PARTNER("third-party partner (API key)"),
    INTERNAL_ROLE("internal AWS caller (IAM role, SigV4)"),
    OIDC_CLIENT("external OIDC client (client credentials)"),
    BEARER_TOKEN("bearer token from elsewhere"),
    ANONYMOUS("anonymous");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A route whose mechanism is not the one that fits the caller, and why that costs something. */
  public record Departure(RouteRef route, String mechanism, String why) {}
}
