package dev.portcullis.engine.rules.jwt;

import java.net.URI;
import java.util.Optional;

/**
 * Discovery documents and key sets that an identity provider of the running local world serves
 * in-process. Their keys are derived when the world starts, so the gateway reads them without a
 * network round trip and without API Gateway's fetch limits, which are a quota on a real issuer's
 * endpoint (apigw-facts §3), not on the emulator's own providers.
 */
@FunctionalInterface
public interface LocalDocuments {

  /** Nothing is local: every document is fetched over HTTP. */
  LocalDocuments NONE = uri -> Optional.empty();

  /** The body a GET of {@code uri} answers, when a local provider serves it; empty otherwise. */
  Optional<String> get(URI uri);
}
