package dev.portcullis.engine.model;

import java.util.Map;
import java.util.TreeMap;

/** What a route hands an allowed request to. */
public sealed interface Integration {

  /**
   * Answers with the Lambda proxy event the integration would receive, so the trace shows the
   * propagated context. {@code payloadFormat} is "1.0" or "2.0" (null: REST 1.0, HTTP 2.0).
   */
  record Echo(String payloadFormat) implements Integration {}

  /** Proxies to an upstream URL. */
  record Http(String url) implements Integration {
    public Http {
      Names.require(url, "http integration url");
    }
  }

  /** A fixed answer. */
  record Mock(int status, Map<String, String> headers, String body) implements Integration {
    public Mock {
      headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
      body = body == null ? "" : body;
    }
  }
}
