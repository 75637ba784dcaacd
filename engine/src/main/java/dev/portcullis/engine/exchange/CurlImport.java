package dev.portcullis.engine.exchange;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One curl command as a saved request and its caller: {@code --aws-sigv4} with {@code --user} is an
 * IAM caller, {@code Authorization} a token caller, {@code x-api-key} an API-key caller, nothing an
 * anonymous one. A secret written as {@code $NAME} becomes {@code env:NAME}; a literal one is not
 * kept and becomes an {@code env:} reference the report names.
 */
public final class CurlImport {
  private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

  private CurlImport() {}

  /** @throws IllegalArgumentException with a sentence when the command is not curl or its URL names no gateway of {@code into} */
  public static ImportedParts read(String command, Path dir, Supplier<InputStream> stdin, Workspace into) {
    CurlRequest curl = Curl.parse(command, dir, stdin);
    UrlResolution resolution = UrlResolver.create(into, Map.of()).resolve(curl.url(), curl.method());
    if (resolution instanceof UrlResolution.Unresolved u) {
      throw new IllegalArgumentException("the curl command's URL names no gateway of " + into.name() + ": " + u.sentence());
    }
    UrlResolution.Resolved r = (UrlResolution.Resolved) resolution;
    List<String> report = new ArrayList<>();
    curl.ignored().forEach(o -> report.add("curl option " + o + " does not change the request; left out"));
    if (r.note() != null) {
      report.add(r.note());
    }
    Caller caller = caller(curl.auth(), report, into);
    Map<String, String> headers = new LinkedHashMap<>();
    curl.plainHeaders().forEach(h -> headers.put(h.getKey(), h.getValue()));
    String name = "curl " + curl.method() + " " + r.path();
    SavedRequest request = new SavedRequest(name, null, "Imported from a curl command", r.gateway(), curl.method(), r.path(), r.query(),
        headers, curl.body(), caller.name(), Map.of(), null, null);
    boolean reuseAnonymous = caller instanceof Caller.Anonymous && into.caller(caller.name()).isPresent();
    return new ImportedParts("curl", Map.of(), reuseAnonymous ? List.of() : List.of(caller), List.of(), List.of(request), null, report);
  }

  private static Caller caller(CurlRequest.CurlAuth auth, List<String> report, Workspace into) {
    return switch (auth) {
      case CurlRequest.CurlAuth.Sigv4 s -> {
        String name = "curl (aws-sigv4)";
        Matcher id = SHELL_VARIABLE.matcher(s.accessKeyId());
        CredentialSource source;
        if (s.accessKeyId().isEmpty() || id.matches()) {
          source = new CredentialSource.DefaultChain();
          report.add("caller '" + name + "': its access key comes from " + (s.accessKeyId().isEmpty() ? "nowhere in the command" : s.accessKeyId())
              + ", so it signs with the AWS default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or a profile)");
        } else {
          source = new CredentialSource.StaticKeys(s.accessKeyId(), secret(name, "secret access key", s.secretAccessKey(), report),
              s.sessionToken() == null ? null : secret(name, "session token", s.sessionToken(), report));
        }
        if (!s.service().equals("execute-api")) {
          report.add("caller '" + name + "': signs for service " + s.service() + "; API Gateway checks execute-api");
        }
        yield new Caller.Iam(name, "SigV4 from a curl command", source, s.region());
      }
      case CurlRequest.CurlAuth.Bearer b -> new Caller.CustomToken("curl (token)", "Token from a curl command",
          secret("curl (token)", "token", b.token(), report), b.header(), b.prefix());
      case CurlRequest.CurlAuth.ApiKey k -> new Caller.ApiKey("curl (api key)", "API key from a curl command",
          secret("curl (api key)", "api key", k.key(), report), Map.of());
      case CurlRequest.CurlAuth.Basic b -> {
        report.add("the command sends HTTP Basic (-u " + b.user() + ":...), which API Gateway has no authoriser for; imported as anonymous");
        yield anonymous(into);
      }
      case CurlRequest.CurlAuth.None n -> anonymous(into);
    };
  }

  private static Caller anonymous(Workspace into) {
    return into.callers().stream().filter(c -> c instanceof Caller.Anonymous).findFirst()
        .orElse(new Caller.Anonymous("anonymous", "No credential"));
  }

  private static SecretRef secret(String caller, String field, String value, List<String> report) {
    Matcher m = SHELL_VARIABLE.matcher(value == null ? "" : value.strip());
    if (m.matches()) {
      return new SecretRef.Env(m.group(1));
    }
    String env = ("PORTCULLIS_" + caller.replaceAll("[^A-Za-z0-9]+", "_") + "_" + field.replace(' ', '_')).toUpperCase(Locale.ROOT)
        .replaceAll("_+", "_").replaceAll("_$", "");
    report.add("caller '" + caller + "' " + field + ": the command held it literally; not imported, it reads env:" + env + ", set that");
    return new SecretRef.Env(env);
  }
}
