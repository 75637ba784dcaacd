package dev.portcullis.engine.gateway;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.serve.LocalServer;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Serves every gateway of a workspace on loopback, each on its own port, and answers as API
 * Gateway would by running the rule book on each request. Each ruling is kept by request id and
 * served at {@code GET /_portcullis/rulings/{requestId}} on every gateway port, credentials masked.
 */
public final class LocalGateway implements AutoCloseable {
  /** API Gateway's payload quota. */
  public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
  /** The ruling log's bound: some ten thousand rulings of an echo route (about 3 KB each, encoded). */
  static final long RULING_LOG_BYTES = 32L * 1024 * 1024;

  private final Workspace workspace;
  private final Pipeline pipeline;
  private final Clock clock;
  private final RulingLog log;
  private final Map<String, LocalServer> servers = new LinkedHashMap<>();
  private Optional<SSLContext> tls = Optional.empty();
  private boolean started;
  private volatile dev.portcullis.engine.mask.SecretRegistry sessionSecrets = new dev.portcullis.engine.mask.SecretRegistry();

  private LocalGateway(Workspace workspace, Pipeline pipeline, Clock clock, long logBytes) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = new RulingLog(logBytes);
  }

  /**
   * A gateway that is not yet listening.
   *
   * @param clock stamps {@code receivedAt} of each request (SigV4 skew is judged against it)
   */
  /** The rule book this gateway decides with (and the state it keeps between requests). */
  public Pipeline pipeline() {
    return pipeline;
  }

  public static LocalGateway create(Workspace workspace, Pipeline pipeline, Clock clock) {
    return new LocalGateway(workspace, pipeline, clock, RULING_LOG_BYTES);
  }

  /**
   * Serves HTTPS with this context instead of plain HTTP on every gateway port (before
   * {@link #start}); the context's key manager holds the certificate for 127.0.0.1.
   */
  public synchronized LocalGateway tls(Optional<SSLContext> tls) {
    if (started) {
      throw new IllegalStateException("TLS is chosen before the local gateway starts");
    }
    this.tls = Objects.requireNonNull(tls, "tls");
    return this;
  }

  /** Binds every gateway to 127.0.0.1 on its {@code localPort} (0: a free port). */
  public synchronized void start() throws IOException {
    if (started) {
      throw new IllegalStateException("the local gateway is already started");
    }
    started = true;
    try {
      for (Gateway gateway : workspace.gateways()) {
        int port = gateway.localPort() == null ? 0 : gateway.localPort();
        GatewayHandler handler = new GatewayHandler(gateway, pipeline, clock, log, text -> sessionSecrets.scrub(text));
        // each port its own executor, a virtual thread per exchange, unless deciding never waits on anything:
        // then the I/O thread answers itself (a slow client holds no thread either way: requests are read whole first)
        LocalServer server = LocalServer.builder("local-gateway-" + gateway.name(), handler).port(port)
            .maxBodyBytes(MAX_BODY_BYTES).tls(tls).clock(clock).inline(!pipeline.mayBlock(gateway)).start();
        servers.put(gateway.name(), server);
      }
    } catch (IOException e) {
      close();
      throw new IOException("Local gateway: could not listen on the port of gateway "
          + (workspace.gateways().size() > servers.size() ? workspace.gateways().get(servers.size()).name() : "?")
          + " (" + e.getMessage() + "); pick another localPort or 0 for a free one", e);
    }
  }

  /** Gateway name to the port it actually listens on. */
  public synchronized Map<String, Integer> ports() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    servers.forEach((name, server) -> ports.put(name, server.port()));
    return ports;
  }

  public int port(String gateway) {
    Integer port = ports().get(gateway);
    if (port == null) {
      throw new IllegalArgumentException("the local gateway serves no gateway named '" + gateway + "'");
    }
    return port;
  }

  /** The ruling behind the answer with this {@code x-amzn-RequestId} (REST) or {@code apigw-requestid} (HTTP). */
  public Optional<Ruling> rulings(String requestId) {
    return log.find(requestId);
  }

  /** The rulings endpoint also masks every secret this registry learns (a session's resolved secrets), wherever it appears. */
  public void maskSecretsOf(dev.portcullis.engine.mask.SecretRegistry registry) {
    this.sessionSecrets = Objects.requireNonNull(registry, "registry");
  }

  /** Live rulings as requests are answered; close the handle to stop listening. */
  public AutoCloseable onRuling(Consumer<Ruling> listener) {
    return log.listen(listener);
  }

  /** Stops listening (waiting at most a second for exchanges in flight) and ends the worker threads. */
  @Override
  public synchronized void close() {
    servers.values().forEach(LocalServer::close);
    servers.clear();
  }
}
