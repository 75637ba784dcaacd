package dev.portcullis.engine.trust;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a workspace for what it would do with the user's machine, before anything runs: the
 * {@link TrustRequest} a person is asked to approve. The switches over authoriser, function, caller
 * and credential kinds are exhaustive, so a new kind that runs code or reads secrets (a
 * {@code handler} function) must say here what it needs.
 */
public final class TrustRequests {
  private static final Pattern VAR = Pattern.compile("\\{\\{\\s*([\\w.$-]+)\\s*}}");
  private static final String LOCAL_GATEWAY = "the local gateway (loopback)";

  private TrustRequests() {}

  /**
   * The program a Lambda function would run, if its kind runs the user's code. The local gateway
   * asks the {@link TrustGate} with this before invoking, so each such kind is gated in one place.
   */
  public static Optional<TrustRequest.Program> program(LambdaFunction function, String where) {
    return switch (function) {
      case LambdaFunction.Command c -> Optional.of(new TrustRequest.Program(where, c.command(), c.workingDirectory()));
      // the user's own handler code, started in a warm worker by its runtime
      case LambdaFunction.Handler h -> Optional.of(new TrustRequest.Program(where, List.of(h.runtime(), h.handler()),
          java.nio.file.Path.of(h.codeUri()).toAbsolutePath().normalize().toString()));
      case LambdaFunction.Rules r -> Optional.empty();
      case LambdaFunction.Invoke i -> Optional.empty();
    };
  }

  /** What a session on the local gateway would need (environments do not apply there). */
  public static TrustRequest of(Workspace ws) {
    return of(ws, null);
  }

  /**
   * What a session would need: on the local gateway ({@code environment} null), or against the
   * gateways' real URLs with that environment's variables.
   */
  public static TrustRequest of(Workspace ws, String environment) {
    return new Reader(ws.inEnvironment(environment), environment).read();
  }

  /**
   * Everything a workspace may need, on the local gateway and in each of its environments: what the
   * workbench asks about once, since its person may switch the target later.
   */
  public static TrustRequest everything(Workspace ws) {
    TrustRequest local = of(ws);
    java.util.LinkedHashSet<TrustRequest.Program> programs = new java.util.LinkedHashSet<>(local.programs());
    java.util.LinkedHashSet<TrustRequest.SecretUse> secrets = new java.util.LinkedHashSet<>(local.secrets());
    Map<String, TrustRequest.RemoteHost> hosts = new LinkedHashMap<>();
    local.hosts().forEach(h -> hosts.putIfAbsent(h.host(), h));
    for (Environment e : ws.environments()) {
      TrustRequest remote = of(ws, e.name());
      programs.addAll(remote.programs());
      secrets.addAll(remote.secrets());
      remote.hosts().forEach(h -> hosts.putIfAbsent(h.host(), h));
    }
    return new TrustRequest(ws.name(), List.copyOf(programs), List.copyOf(secrets), List.copyOf(hosts.values()));
  }

  private static final class Reader {
    final Workspace ws;
    final String environment;
    final List<TrustRequest.Program> programs = new ArrayList<>();
    final Map<String, TrustRequest.SecretUse> secrets = new LinkedHashMap<>();
    final Map<String, TrustRequest.RemoteHost> hosts = new LinkedHashMap<>();
    final List<String> gatewayHosts = new ArrayList<>();

    Reader(Workspace ws, String environment) {
      this.ws = ws;
      this.environment = environment;
    }

    TrustRequest read() {
      if (environment == null) {
        gatewayHosts.add(LOCAL_GATEWAY);
      }
      for (Gateway g : ws.gateways()) {
        for (String host : environment == null ? List.<String>of() : remoteHosts(g.baseUrl())) {
          if (!gatewayHosts.contains(host)) {
            gatewayHosts.add(host);
          }
          host(host, "gateway '" + g.name() + "' on AWS");
        }
        g.authorizers().forEach(a -> authorizer(g, a));
        g.routes().forEach(r -> route(g, r));
      }
      ws.callers().forEach(this::caller);
      return new TrustRequest(ws.name(), programs, List.copyOf(secrets.values()), List.copyOf(hosts.values()));
    }

    private void authorizer(Gateway g, Authorizer a) {
      String where = "gateway '" + g.name() + "', authoriser '" + a.name() + "'";
      switch (a) {
        case Authorizer.Jwt j -> remoteHosts(j.issuer()).forEach(h -> host(h, where + " fetches signing keys"));
        case Authorizer.Cognito c -> {
          if (c.issuerOverride() != null) {
            remoteHosts(c.issuerOverride()).forEach(h -> host(h, where + " fetches signing keys"));
          } else {
            c.userPools().forEach(p -> host("cognito-idp." + region(p) + ".amazonaws.com", where + " fetches signing keys"));
          }
        }
        case Authorizer.Lambda l -> function(l.function(), where + " function");
      }
    }

    private void function(LambdaFunction function, String where) {
      program(function, where).ifPresent(programs::add);
      switch (function) {
        case LambdaFunction.Rules r -> r.rules().forEach(rule -> rule.match().values()
            .forEach(v -> secret(SecretRef.parse(v), where + " rule match", List.of())));
        case LambdaFunction.Command c -> { }
        case LambdaFunction.Handler h -> h.environment().forEach((name, ref) ->
            secret(ref, where + " environment variable " + name, List.of("the handler's code in " + h.codeUri())));
        case LambdaFunction.Invoke i -> {
          List<String> to = i.endpointOverride() != null ? remoteHosts(i.endpointOverride())
              : List.of("lambda." + (i.region() == null ? "us-east-1" : i.region()) + ".amazonaws.com");
          to.forEach(h -> host(h, where + " is invoked there"));
          credentials(i.credentials() == null ? new CredentialSource.DefaultChain() : i.credentials(), where + " credentials",
              to.isEmpty() ? List.of(LOCAL_GATEWAY) : to);
        }
      }
    }

    private void route(Gateway g, Route r) {
      if (r.integration() instanceof Integration.Http http) {
        remoteHosts(http.url()).forEach(h -> host(h, "gateway '" + g.name() + "' route " + r.method() + " " + r.path()
            + " forwards each caller's headers (credentials included) there"));
      }
    }

    private void caller(Caller caller) {
      String where = "caller '" + caller.name() + "'";
      switch (caller) {
        case Caller.CognitoUser u -> {
          List<String> idp = u.endpoint() == null ? List.of("cognito-idp." + region(expand(u.userPoolId(), variables())) + ".amazonaws.com")
              : remoteHostsOrLocal(u.endpoint(), "the local identity provider (loopback)");
          idp.stream().filter(h -> !h.startsWith("the local")).forEach(h -> host(h, where + " logs in there"));
          secret(u.password(), where + " password", idp);
          secret(u.clientSecret(), where + " clientSecret", idp);
          secret(u.mfaSecret(), where + " mfaSecret", idp);
        }
        case Caller.OidcClient o -> {
          List<String> idp = remoteHostsOrLocal(o.issuer(), "the local identity provider (loopback)");
          idp.stream().filter(h -> !h.startsWith("the local")).forEach(h -> host(h, where + " gets its token there"));
          secret(o.clientSecret(), where + " clientSecret", idp);
          secret(o.privateKey(), where + " privateKey", idp);
        }
        case Caller.Iam i -> credentials(i.credentials(), where + " credentials", gatewayHosts);
        case Caller.ApiKey k -> {
          secret(k.apiKey(), where + " apiKey", gatewayHosts);
          k.headers().forEach((name, value) -> secret(SecretRef.parse(value), where + " header " + name, gatewayHosts));
        }
        case Caller.CustomToken t -> secret(t.token(), where + " token", gatewayHosts);
        case Caller.Anonymous a -> { }
      }
    }

    private void credentials(CredentialSource source, String where, List<String> to) {
      switch (source) {
        case CredentialSource.DefaultChain d -> secret("your default AWS credentials", where, to);
        case CredentialSource.Profile p -> secret("aws-profile:" + profileName(p.profile()), where, to);
        case CredentialSource.StaticKeys s -> {
          secret(s.secretAccessKey(), where + " secretAccessKey", to);
          secret(s.sessionToken(), where + " sessionToken", to);
        }
        case CredentialSource.AssumeRole r -> {
          host("sts.amazonaws.com", where + " assumes " + r.roleArn());
          credentials(r.source(), where + " (to assume " + r.roleArn() + ")", List.of("sts.amazonaws.com"));
        }
      }
    }

    private void secret(SecretRef ref, String where, List<String> to) {
      if (ref != null && TrustGate.closed(ws.name()).secret(ref, where).isPresent()) {
        secret(ref.text(), where, to);
      }
    }

    private void secret(String reference, String where, List<String> to) {
      secrets.putIfAbsent(reference + "|" + where, new TrustRequest.SecretUse(reference, where, to));
    }

    private void host(String host, String why) {
      hosts.putIfAbsent(host, new TrustRequest.RemoteHost(host, why));
    }

    /** The non-loopback hosts a URL names, with the session's variables applied. */
    private List<String> remoteHosts(String url) {
      Set<String> out = new LinkedHashSet<>();
      if (url != null) {
        String expanded = expand(url, variables());
        String host = TrustGate.hostOf(expanded);
        if (expanded != null && expanded.contains(dev.portcullis.engine.store.Variables.FILL_IN)) {
          // an example still to be completed names no host yet: nothing is sent until it is filled in (Variables stops first)
          return List.of();
        }
        if (host == null && expanded != null && !expanded.isBlank()) {
          out.add("a host given by " + expanded.strip());
        } else if (host != null && !TrustGate.isLoopback(host)) {
          out.add(host);
        }
      }
      return List.copyOf(out);
    }

    /** A profile named by variable, as the environment sets it; as written while it is a placeholder still to fill in. */
    private String profileName(String profile) {
      String expanded = expand(profile, variables());
      return expanded.contains(dev.portcullis.engine.store.Variables.FILL_IN) ? profile : expanded;
    }

    private List<String> remoteHostsOrLocal(String url, String local) {
      List<String> remote = remoteHosts(url);
      return remote.isEmpty() ? List.of(local) : remote;
    }

    /** Workspace variables, then the environment's; on the local gateway {@code idpBaseUrl} is its loopback URL. */
    private Map<String, String> variables() {
      Map<String, String> merged = new LinkedHashMap<>(ws.variables());
      if (environment == null) {
        merged.put("idpBaseUrl", "http://127.0.0.1");
      } else {
        ws.environment(environment).map(Environment::variables).ifPresent(merged::putAll);
      }
      return merged;
    }

    /** As {@code Variables}: a value may name other variables, expanded in turn (a few levels deep). */
    private static String expand(String text, Map<String, String> vars) {
      String current = text;
      for (int depth = 0; depth <= dev.portcullis.engine.store.Variables.MAX_DEPTH; depth++) {
        Matcher m = VAR.matcher(current);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          String value = vars.get(m.group(1));
          m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        if (out.toString().equals(current)) {
          break;
        }
        current = out.toString();
      }
      return current;
    }

    private static String region(String poolIdOrArn) {
      String id = poolIdOrArn.contains("/") ? poolIdOrArn.substring(poolIdOrArn.lastIndexOf('/') + 1) : poolIdOrArn;
      int underscore = id.indexOf('_');
      return underscore > 0 ? id.substring(0, underscore) : "us-east-1";
    }
  }
}
