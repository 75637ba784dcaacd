package dev.portcullis.engine.store;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a copy of a workspace to share with a team. A shared file carries references
 * ({@code env:}, {@code keychain:}, {@code prompt} ...), never secrets: export refuses when a
 * literal secret sits outside the emulator section, whose fixtures open nothing real.
 */
public final class WorkspaceExporter {
  /** A handler function's variables that hold credentials by their name (literal TABLE=tenants is fine to share). */
  private static final Pattern SECRET_VARIABLE = Pattern.compile("(?i).*(secret|token|password|passwd|api_?key|private_?key|credential).*");
  private static final Pattern SECRET_HEADER = Pattern.compile("(?i)authorization|x-api-key|x-amz-security-token|cookie|proxy-authorization");
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passwd|token|api[-_]?key|credential|private[-_]?key).*");

  private final WorkspaceStore store;

  public WorkspaceExporter(WorkspaceStore store) {
    this.store = store;
  }

  /** Thrown when a workspace holds literal secrets; lists each offending field. */
  public static final class LiteralSecretsException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> fields;

    LiteralSecretsException(List<String> fields) {
      super("Export refused: " + fields.size() + " field(s) hold a literal secret; replace each with a reference "
          + "(env:NAME, file:PATH, keychain:NAME, prompt) and export again: " + String.join("; ", fields));
      this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
      return fields;
    }
  }

  public void export(Workspace workspace, Path target) throws LiteralSecretsException, IOException {
    List<String> offending = literalSecrets(workspace);
    if (!offending.isEmpty()) {
      throw new LiteralSecretsException(offending);
    }
    store.save(workspace, target);
  }

  /** Every field outside the emulator section that holds a secret value itself. */
  public static List<String> literalSecrets(Workspace ws) {
    List<String> out = new ArrayList<>();
    variables(out, "workspace variable", ws.variables());
    ws.environments().forEach(e -> variables(out, "environment '" + e.name() + "' variable", e.variables()));
    for (Caller c : ws.callers()) {
      String where = "caller '" + c.name() + "'";
      switch (c) {
        case Caller.CognitoUser u -> {
          check(out, where + " clientSecret", u.clientSecret());
          check(out, where + " password", u.password());
          check(out, where + " mfaSecret", u.mfaSecret());
        }
        case Caller.OidcClient o -> {
          check(out, where + " clientSecret", o.clientSecret());
          check(out, where + " privateKey", o.privateKey());
        }
        case Caller.Iam i -> credentials(out, where, i.credentials());
        case Caller.ApiKey k -> {
          check(out, where + " apiKey", k.apiKey());
          headers(out, where + " header", k.headers());
        }
        case Caller.CustomToken t -> check(out, where + " token", t.token());
        case Caller.Anonymous a -> { }
      }
    }
    ws.requests().forEach(r -> headers(out, "request '" + r.name() + "' header", r.headers()));
    ws.gateways().forEach(g -> g.authorizers().forEach(a -> {
      if (a instanceof Authorizer.Lambda l && l.function() instanceof LambdaFunction.Invoke inv && inv.credentials() != null) {
        credentials(out, "gateway '" + g.name() + "' authoriser '" + a.name() + "'", inv.credentials());
      }
      if (a instanceof Authorizer.Lambda l && l.function() instanceof LambdaFunction.Handler h) {
        h.environment().forEach((name, ref) -> {
          if (SECRET_VARIABLE.matcher(name).matches()) {
            check(out, "gateway '" + g.name() + "' authoriser '" + a.name() + "' environment variable " + name, ref);
          }
        });
      }
    }));
    return out;
  }

  private static void credentials(List<String> out, String where, CredentialSource source) {
    switch (source) {
      case CredentialSource.StaticKeys s -> {
        check(out, where + " secretAccessKey", s.secretAccessKey());
        check(out, where + " sessionToken", s.sessionToken());
      }
      case CredentialSource.AssumeRole r -> credentials(out, where, r.source());
      case CredentialSource.DefaultChain d -> { }
      case CredentialSource.Profile p -> { }
    }
  }

  private static void check(List<String> out, String field, SecretRef ref) {
    if (ref != null && ref.isLiteral() && !isVariable(ref.text())) {
      out.add(field);
    }
  }

  private static void headers(List<String> out, String where, Map<String, String> headers) {
    headers.forEach((name, value) -> {
      if (SECRET_HEADER.matcher(name).matches() && !isReference(value)) {
        out.add(where + " " + name);
      }
    });
  }

  private static void variables(List<String> out, String where, Map<String, String> vars) {
    vars.forEach((name, value) -> {
      if (SECRET_NAME.matcher(name).matches() && !value.isEmpty() && !isReference(value)) {
        out.add(where + " " + name);
      }
    });
  }

  /** A value that only points elsewhere: a {@code {{variable}}} or a non-literal secret reference. */
  private static boolean isReference(String value) {
    return isVariable(value) || !SecretRef.parse(value).isLiteral();
  }

  private static boolean isVariable(String value) {
    return value.strip().matches("(?s)(Bearer\\s+)?\\{\\{[^}]+}}");
  }
}
