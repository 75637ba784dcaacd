package dev.portcullis.engine.gateway;

import dev.portcullis.engine.idp.LocalIdentityProviders;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.trust.TrustGate;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The emulated world of a workspace, running: the local identity providers first (their base URL
 * becomes the {@code idpBaseUrl} variable), then the local gateway whose authorisers trust them.
 * Everything binds to loopback.
 */
public final class LocalWorld implements AutoCloseable {
  private final Workspace workspace;
  private final LocalIdentityProviders idps;
  private final LocalGateway gateway;
  private final Map<String, String> runtimeVariables;
  private final Pipeline pipeline;

  private LocalWorld(Workspace workspace, LocalIdentityProviders idps, LocalGateway gateway, Map<String, String> runtimeVariables,
      Pipeline pipeline) {
    this.workspace = workspace;
    this.pipeline = pipeline;
    this.idps = idps;
    this.gateway = gateway;
    this.runtimeVariables = runtimeVariables;
  }

  /**
   * Starts on the workspace's ports, or on free ones when {@code anyFreePort} (tests, parallel CLI
   * runs) or when a configured port is taken (then {@code log} says so).
   */
  public static LocalWorld start(Workspace workspace, Clock clock, boolean anyFreePort, Consumer<String> log) throws IOException {
    return start(workspace, clock, anyFreePort, log, TrustGate.open());
  }

  /** As {@link #start(Workspace, Clock, boolean, Consumer)}, with the gateway behind the workspace's trust gate. */
  public static LocalWorld start(Workspace workspace, Clock clock, boolean anyFreePort, Consumer<String> log, TrustGate gate)
      throws IOException {
    try {
      return startOn(anyFreePort ? withFreePorts(workspace) : workspace, clock, log, gate);
    } catch (BindException e) {
      log.accept("a configured port is taken (" + e.getMessage() + "); using free ports instead");
      return startOn(withFreePorts(workspace), clock, log, gate);
    } catch (IOException e) {
      if (!anyFreePort && e.getCause() instanceof BindException) {
        log.accept("a configured port is taken (" + e.getCause().getMessage() + "); using free ports instead");
        return startOn(withFreePorts(workspace), clock, log, gate);
      }
      throw e;
    }
  }

  private static LocalWorld startOn(Workspace workspace, Clock clock, Consumer<String> log, TrustGate gate) throws IOException {
    LocalIdentityProviders idps = LocalIdentityProviders.builder(workspace.emulator(), clock, new SecureRandom()).log(log).start();
    Pipeline pipeline = null;
    try {
      Map<String, String> runtime = Map.of("idpBaseUrl", idps.baseUrl().toString());
      pipeline = Pipeline.builder(workspace).clock(clock).runtimeVariables(runtime).trust(gate)
          .localDocuments(idps::document).build();
      LocalGateway gateway = LocalGateway.create(workspace, pipeline, clock);
      gateway.start();
      return new LocalWorld(workspace, idps, gateway, runtime, pipeline);
    } catch (IOException | RuntimeException e) {
      if (pipeline != null) {
        pipeline.close();
      }
      idps.close();
      throw e;
    }
  }

  /** The workspace with every port set to 0 (free). */
  static Workspace withFreePorts(Workspace ws) {
    List<Gateway> gateways = ws.gateways().stream().map(g -> g.newBuilder().localPort(0).build()).toList();
    Emulator e = ws.emulator();
    Emulator emulator = new Emulator(e.localOnly(), e.signingKeySeed(), 0, e.userPools(), e.oidcIssuers(), e.accessKeys(), e.apiKeys(), e.tokens());
    return ws.newBuilder().gateways(gateways).emulator(emulator).build();
  }

  /** Variables only the running world knows, e.g. {@code idpBaseUrl}. */
  public Map<String, String> runtimeVariables() {
    return runtimeVariables;
  }

  /** What earlier requests left in the local gateway: cached authoriser answers, token buckets, quotas. */
  public dev.portcullis.engine.rules.LocalState state() {
    return gateway.pipeline().state();
  }

  /** Resets it: as a fresh deployment, the next request is decided without any of it. */
  public void resetState() {
    gateway.pipeline().resetState();
  }

  public LocalGateway gateway() {
    return gateway;
  }

  public LocalIdentityProviders identityProviders() {
    return idps;
  }

  /** Where each API answers, shaped like execute-api: REST with its stage, HTTP {@code $default} at the root. */
  public Map<String, URI> apiUrls() {
    Map<String, URI> urls = new LinkedHashMap<>();
    for (Gateway g : workspace.gateways()) {
      String stage = g.flavor() == Gateway.Flavor.HTTP && g.stage().equals("$default") ? "" : "/" + g.stage();
      urls.put(g.name(), URI.create("http://127.0.0.1:" + gateway.port(g.name()) + stage));
    }
    return urls;
  }

  /** Where each identity provider answers (issuer URLs). */
  public Map<String, URI> issuerUrls() {
    Map<String, URI> urls = new LinkedHashMap<>();
    workspace.emulator().userPools().forEach(p -> urls.put("cognito " + p.id(), URI.create(idps.issuerUrl(p.id()))));
    workspace.emulator().oidcIssuers().forEach(i -> urls.put("oidc " + i.name(), URI.create(idps.issuerUrl(i.name()))));
    return urls;
  }

  @Override
  public void close() {
    gateway.close();
    pipeline.close(); // the handler functions' warm workers stop with the world
    idps.close();
  }
}
