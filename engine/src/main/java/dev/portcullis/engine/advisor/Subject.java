package dev.portcullis.engine.advisor;

/**
 * What a finding is about, so a {@link SourceLocator} can find its line: a gateway, one of its
 * routes or authorisers, its resource policy, or an access key's identity policy in the emulator.
 * Null members mean "not about that".
 */
public record Subject(String gateway, String routeKey, String authorizer, String accessKey) {
  public static Subject gateway(String gateway) {
    return new Subject(gateway, null, null, null);
  }

  public static Subject route(String gateway, String routeKey) {
    return new Subject(gateway, routeKey, null, null);
  }

  public static Subject authorizer(String gateway, String authorizer) {
    return new Subject(gateway, null, authorizer, null);
  }

  public static Subject accessKey(String accessKeyId) {
    return new Subject(null, null, null, accessKeyId);
  }

  /** How a reader finds it: {@code payments / authoriser partner-gate}. */
  public String describe() {
    if (accessKey != null) {
      return "emulator access key " + accessKey;
    }
    StringBuilder s = new StringBuilder(gateway == null ? "workspace" : gateway);
    if (routeKey != null) {
      s.append(" ").append(routeKey);
    }
    if (authorizer != null) {
      s.append(" / authoriser ").append(authorizer);
    }
    return s.toString();
  }
}
