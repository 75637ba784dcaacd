package dev.portcullis.engine.advisor;

import java.util.Objects;

/** A route of a gateway, as the advisor names it: {@code payments POST /partners/{id}/transactions}. */
public record RouteRef(String gateway, String routeKey) implements Comparable<RouteRef> {
  public RouteRef {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(routeKey, "routeKey");
  }

  @Override
  public int compareTo(RouteRef o) {
    int g = gateway.compareTo(o.gateway);
    return g != 0 ? g : routeKey.compareTo(o.routeKey);
  }

  @Override
  public String toString() {
    return gateway + " " + routeKey;
  }
}
