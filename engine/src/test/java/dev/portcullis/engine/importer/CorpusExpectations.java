package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Helpers for the per-file corpus tables: routes and authorisers as one-line strings a reader can compare with the file. */
final class CorpusExpectations {
  private CorpusExpectations() {}

  static Path corpus(String relative) {
    return Path.of(System.getProperty("portcullis.shared"), "oracles/import-corpus", relative);
  }

  /** {@code GET /me=COGNITO_USER_POOLS pool [email] +key} for each route of the gateway. */
  static Map<String, String> routes(Gateway g) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Route r : g.routes()) {
      out.put(r.key(), auth(r));
    }
    return out;
  }

  static String auth(Route r) {
    return r.authorization() + (r.authorizer() == null ? "" : " " + r.authorizer()) + (r.scopes().isEmpty() ? "" : " " + r.scopes())
        + (r.apiKeyRequired() ? " +key" : "");
  }

  /** {@code name=KIND identity-sources} for each authoriser the source defines (the stand-in for unreadable routes left out). */
  static Map<String, String> authorizers(Gateway g) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Authorizer a : g.authorizers()) {
      if (a.name().equals(WorkspaceAssembler.UNREADABLE)) {
        continue;
      }
      out.put(a.name(), switch (a) {
        case Authorizer.Cognito c -> "COGNITO " + c.identitySource();
        case Authorizer.Jwt j -> "JWT " + j.identitySource();
        case Authorizer.Lambda l -> l.eventType() + " " + String.join(",", l.identitySources()) + " ttl=" + l.ttlSeconds()
            + (l.payloadFormat() == null ? "" : " payload=" + l.payloadFormat()) + (l.simpleResponses() ? " simple" : "");
      });
    }
    return out;
  }

  static Gateway only(Workspace ws) {
    assertThat(ws.gateways()).hasSize(1);
    return ws.gateways().get(0);
  }

  static Map<String, String> map(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String p : pairs) {
      int eq = p.indexOf('=');
      m.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return m;
  }

  static List<String> names(List<ImportReport.Item> items) {
    return items.stream().map(ImportReport.Item::subject).collect(Collectors.toList());
  }
}
