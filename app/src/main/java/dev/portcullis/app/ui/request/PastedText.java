package dev.portcullis.app.ui.request;

import dev.portcullis.engine.exchange.UrlResolution;
import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.Variables;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a person pastes into the path field: a full URL or a curl command, and the sentence that says what became of it. */
final class PastedText {
  private PastedText() {}

  static boolean isUrl(String text) {
    return text != null && text.strip().matches("(?is)https?://\\S+");
  }

  static boolean isCurl(String text) {
    return text != null && text.strip().matches("(?is)curl\\s.*");
  }

  /**
   * The environment whose base URL for {@code gateway} the execute-api {@code url} starts with, so a
   * pasted AWS URL is sent to AWS; empty when no environment resolves to it (its api id is still to
   * fill in, say).
   */
  static Optional<String> environmentServing(Workspace ws, String gateway, String url) {
    Optional<Gateway> g = ws.gateway(gateway).filter(x -> x.baseUrl() != null);
    if (g.isEmpty()) {
      return Optional.empty();
    }
    String wanted = url.toLowerCase(Locale.ROOT);
    for (Environment env : ws.environments()) {
      try {
        String base = Variables.of(ws, env.name(), null, Map.of()).apply(g.get().baseUrl(), "baseUrl").replaceAll("/+$", "")
            .toLowerCase(Locale.ROOT);
        if (wanted.equals(base) || wanted.startsWith(base + "/") || wanted.startsWith(base + "?")) {
          return Optional.of(env.name());
        }
      } catch (IllegalArgumentException e) {
        // this environment leaves a variable of the base URL unset: it cannot be the one
      }
    }
    return Optional.empty();
  }

  /** "Pasted URL: API payments, stage prod, path /me; sent to the local gateway." with the resolver's note, if any. */
  static String sentence(UrlResolution.Resolved r, String target) {
    String stage = r.stage() == null || r.stage().equals("$default") ? "" : ", stage " + r.stage();
    String query = r.query().isEmpty() ? "" : ", " + r.query().size() + " query parameter" + (r.query().size() == 1 ? "" : "s");
    String from = switch (r.origin()) {
      case LOCAL_WORLD -> "the local gateway's URL";
      case EXECUTE_API -> "an execute-api URL";
      case ENVIRONMENT -> r.environment() == null ? "the API's base URL" : "environment " + r.environment() + "'s base URL";
      case NAMED, PATH -> "the URL";
    };
    String hint = r.origin() == UrlResolution.Origin.EXECUTE_API && !target.endsWith("(real AWS)")
        ? " (no environment's base URL is this API's AWS URL; pick one under Target to send to AWS)" : "";
    return "Pasted " + from + ": API " + r.gateway() + stage + ", path " + r.path() + query + "; sends to " + target + hint + "."
        + (r.note() == null ? "" : " " + capitalised(r.note()) + ".");
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
