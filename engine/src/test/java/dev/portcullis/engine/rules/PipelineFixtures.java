package dev.portcullis.engine.rules;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.jwt.TokenAuthorizer;
import dev.portcullis.engine.rules.jwt.TokenCheck;
import dev.portcullis.engine.rules.jwt.TokenVerdict;
import dev.portcullis.engine.store.WorkspaceStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The demo workspace, a clock tests move by hand, numbered request ids and a fake token verifier. */
public final class PipelineFixtures {
  public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
  public static final String ACME_KEY = "local-acme-3f9a1b7c5d2e4f60a1b2c3d4";
  public static final String GLOBEX_KEY = "local-globex-8e7d6c5b4a39281706f5e4d3";
  public static final String INITECH_KEY = "local-initech-1a2b3c4d5e6f708192a3b4c5";
  public static final String HOOLI_KEY = "local-hooli-5e4d3c2b1a0f9e8d7c6b5a49";

  private PipelineFixtures() {}

  public static Workspace demo() {
    try {
      String root = System.getProperty("portcullis.root", dev.portcullis.engine.testing.ProjectFiles.root().toString());
      return WorkspaceStore.create(Clock.fixed(START, ZoneOffset.UTC)).load(Path.of(root, "profiles/payments-demo.json"));
    } catch (Exception e) {
      throw new IllegalStateException("the demo workspace does not load", e);
    }
  }

  public static Gateway gateway(Workspace ws, String name) {
    return ws.gateway(name).orElseThrow();
  }

  public static java.util.function.Supplier<String> numberedIds() {
    AtomicInteger n = new AtomicInteger();
    return () -> "req-" + n.incrementAndGet();
  }

  public static IncomingRequest request(Clock clock, String method, String path, String... headers) {
    return new IncomingRequest(method, pathOnly(path), query(path), HeaderList.of(headers), new byte[0], "198.51.100.7",
        clock.instant());
  }

  public static IncomingRequest withBody(Clock clock, String method, String path, String body, String... headers) {
    return new IncomingRequest(method, pathOnly(path), query(path), HeaderList.of(headers),
        body.getBytes(StandardCharsets.UTF_8), "198.51.100.7", clock.instant());
  }

  private static String pathOnly(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  private static String query(String path) {
    int q = path.indexOf('?');
    return q < 0 ? null : path.substring(q + 1);
  }

  /** Accepts a token "good-<sub>", refuses "expired" (jwt.expiry) and everything else (…signature); scopes from "good-<sub>+scope". */
  public static final class FakeTokens implements TokenAuthorizer {
    public final List<String> issuersSeen = new ArrayList<>();

    @Override
    public TokenVerdict jwt(String identityValue, String issuer, List<String> audiences, List<String> routeScopes) {
      issuersSeen.add(issuer);
      return verdict("jwt", identityValue.replaceFirst("^Bearer ", ""), routeScopes);
    }

    @Override
    public TokenVerdict cognito(String identityValue, List<String> issuers, List<String> methodScopes) {
      issuersSeen.addAll(issuers);
      return verdict("cognito", identityValue, methodScopes);
    }

    @Override
    public dev.portcullis.engine.rules.jwt.TokenReport report(String token, String issuer, List<String> audiences) {
      return new dev.portcullis.engine.rules.jwt.TokenReport(jwt(token, issuer, audiences, List.of()), "");
    }

    private static TokenVerdict verdict(String kind, String token, List<String> required) {
      if (token.equals("expired")) {
        return new TokenVerdict.Refused(kind + ".expiry", "The incoming token has expired",
            "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\"", Map.of(),
            List.of(new TokenCheck(kind + ".expiry", false, "exp is in the past")));
      }
      if (!token.startsWith("good-")) {
        return new TokenVerdict.Refused(kind + ".signature", "Unauthorized", null, Map.of(), List.of());
      }
      String[] parts = token.substring(5).split("\\+");
      List<String> scopes = parts.length > 1 ? List.of(parts[1]) : List.of();
      if (!required.isEmpty() && required.stream().noneMatch(scopes::contains)) {
        return new TokenVerdict.Refused(kind + ".scopes", "Unauthorized", null, Map.of(),
            List.of(new TokenCheck(kind + ".signature", true, "signed by a published key"),
                new TokenCheck(kind + ".scopes", false, "token scopes " + scopes + " hold none of " + required)));
      }
      return new TokenVerdict.Accepted(Map.of("sub", parts[0], "cognito:groups", List.of("admins", "ops"), "exp", 1780000000L),
          scopes, List.of(new TokenCheck(kind + ".signature", true, "signed by a published key")));
    }
  }
}
