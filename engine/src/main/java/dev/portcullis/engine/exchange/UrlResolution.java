package dev.portcullis.engine.exchange;

import java.util.Map;
import java.util.Objects;

/** What a URL typed by a person names in a workspace, or why it names nothing. */
public sealed interface UrlResolution {
  /**
   * A gateway and the path on it.
   *
   * @param path after the stage, without the query ({@code /partners/acme/transactions})
   * @param query decoded query parameters, in the order given
   * @param environment the environment whose base URL matched ({@link Origin#ENVIRONMENT}), else null
   * @param note a sentence for the user when the choice was a guess (a stage dropped, one gateway of several), else null
   */
  record Resolved(String gateway, String stage, String path, Map<String, String> query, Origin origin, String environment, String note)
      implements UrlResolution {
    public Resolved {
      Objects.requireNonNull(gateway, "gateway");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(origin, "origin");
      query = query == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(query));
    }
  }

  /** Nothing in the workspace answers it; {@code sentence} says what was tried and how to say it instead. */
  record Unresolved(String sentence) implements UrlResolution {
    public Unresolved {
      Objects.requireNonNull(sentence, "sentence");
    }
  }

  /** Which form the URL had: where it points decides nothing about where it is sent (that is the caller's flag). */
  enum Origin {
    /** {@code http://127.0.0.1:PORT/...} of a local world (running, or the workspace's ports). */
    LOCAL_WORLD,
    /** {@code https://{apiId}.execute-api.{region}.amazonaws.com/{stage}/...} */
    EXECUTE_API,
    /** A gateway's {@code baseUrl} (a custom domain, say), as is or with an environment's variables. */
    ENVIRONMENT,
    /** {@code API:/path} */
    NAMED,
    /** {@code /path}, the gateway found by its routes */
    PATH
  }
}
