package dev.portcullis.engine.rules;

import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.rules.jwt.JwksResult;
import dev.portcullis.engine.rules.jwt.JwksSource;
import dev.portcullis.engine.trust.TrustGate;
import java.util.Map;
import java.util.Optional;

/** The local gateway's outgoing connections (JWKS fetches, http integrations) behind the workspace's trust gate. */
final class TrustedFetches {
  private TrustedFetches() {}

  static JwksSource jwks(JwksSource inner, TrustGate gate) {
    if (gate.isOpen()) {
      return inner;
    }
    return (issuer, refresh) -> gate.host(issuer, "the signing keys of issuer " + issuer)
        .<JwksResult>map(JwksResult.Failed::new)
        .orElseGet(() -> inner.keys(issuer, refresh));
  }

  static IntegrationRunner integrations(IntegrationRunner inner, TrustGate gate) {
    if (gate.isOpen()) {
      return inner;
    }
    return (integration, request, match, event) -> {
      Optional<String> refused = integration instanceof Integration.Http http
          ? gate.host(http.url(), "an http integration") : Optional.empty();
      return refused.map(reason -> new IntegrationRunner.Response(500, Map.of("Content-Type", "application/json"),
              "{\"message\": \"Internal server error\"}", "http: not called. " + reason))
          .orElseGet(() -> inner.run(integration, request, match, event));
    };
  }
}
