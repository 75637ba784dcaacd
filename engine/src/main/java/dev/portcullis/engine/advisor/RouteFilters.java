package dev.portcullis.engine.advisor;

import dev.portcullis.engine.model.Gateway.Flavor;
import java.util.List;
import java.util.Objects;

/**
 * One route seen through the design's five filters (identity source, hot-path cost, coupling, what
 * propagates, availability on the flavour), plus the blast radius of its credential and whose
 * outage takes it down.
 *
 * @param mechanism the authorisation as the filters name it, e.g. {@code Lambda REQUEST + API key}
 * @param availableOnFlavor the mechanisms this flavour offers
 * @param mechanismAvailable false when the route uses a mechanism its flavour does not have
 * @param outage what has to be up for the route to let anyone in, beyond API Gateway itself
 */
public record RouteFilters(
    RouteRef route,
    Flavor flavor,
    String mechanism,
    IdentitySource identitySource,
    String identityDetail,
    HotPath hotPath,
    Coupling coupling,
    String couplingDetail,
    Propagation propagates,
    List<String> availableOnFlavor,
    boolean mechanismAvailable,
    BlastRadius blastRadius,
    List<String> outage) {

  public RouteFilters {
    Objects.requireNonNull(route, "route");
    availableOnFlavor = List.copyOf(availableOnFlavor);
    outage = List.copyOf(outage);
  }

  /** Filter 1: what the caller proves itself with. */
  public enum IdentitySource {
    COGNITO_TOKEN("Cognito token"),
    OIDC_JWT("any OIDC JWT"),
    SIGV4("SigV4 signature"),
    API_KEY("API key"),
    CUSTOM("custom (Lambda)"),
    NONE("none");

    private final String label;

    IdentitySource(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Filter 3: what the route is tied to. */
  public enum Coupling {
    COGNITO("pinned to Cognito"),
    OIDC_ISSUER("any OIDC issuer"),
    IAM("IAM only"),
    FREEFORM("freeform"),
    NONE("none");

    private final String label;

    Coupling(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * Filter 2: what authorising one request costs.
   *
   * @param cacheKey the identity sources that key the result cache (Lambda only)
   * @param ttlSeconds the cache TTL (Lambda only; 0 when off)
   * @param cacheEffective false when the key makes every lookup a miss, or there is no key
   */
  public record HotPath(Kind kind, List<String> cacheKey, int ttlSeconds, boolean cacheEffective, String text) {
    public HotPath {
      Objects.requireNonNull(kind, "kind");
      cacheKey = List.copyOf(cacheKey);
    }

    public enum Kind { NOTHING, NATIVE, LAMBDA_CACHED, LAMBDA_PER_REQUEST }

    public boolean invokesLambda() {
      return kind == Kind.LAMBDA_CACHED || kind == Kind.LAMBDA_PER_REQUEST;
    }
  }

  /** Filter 4: what reaches the integration. */
  public record Propagation(Kind kind, List<String> keys, String text) {
    public Propagation {
      Objects.requireNonNull(kind, "kind");
      keys = List.copyOf(keys);
    }

    public enum Kind { CLAIMS, PRINCIPAL, CONTEXT, NOTHING }
  }

  /** What a leaked credential gives away, for how long, and how it is taken back. */
  public record BlastRadius(Kind kind, String lifetime, String revocation) {
    public BlastRadius {
      Objects.requireNonNull(kind, "kind");
    }

    public enum Kind { BEARER, SIGNATURE, SHARED_KEY, NONE }
  }
}
