package dev.portcullis.engine.serve;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * An HTTP/1.1 server on one loopback port (Netty), the one class besides its package's helpers that
 * touches the server library. Each request is read whole within {@link ServerLimits}' read timeout
 * and handed to the {@link ExchangeHandler} on a virtual thread of this server's own executor (or
 * run on the I/O thread, {@link Builder#inline}); a connection sends its next request once the
 * answer to the last is written.
 *
 * <pre>{@code
 * LocalServer server = LocalServer.builder("local-gateway-payments", handler).port(9321).start();
 * // TLS: .tls(Optional.of(sslContext)) before start(); the same handler then serves https
 * }</pre>
 */
public final class LocalServer implements AutoCloseable {
  private static final AtomicInteger LOOP_THREADS = new AtomicInteger();
  // one pair of event loops for every server of the process: they only move bytes, the handlers run elsewhere
  private static volatile EventLoopGroup loops;

  private final Channel channel;
  private final ChannelGroup connections;
  private final ExecutorService executor;

  private LocalServer(Channel channel, ChannelGroup connections, ExecutorService executor) {
    this.channel = channel;
    this.connections = connections;
    this.executor = executor;
  }

  /** A server named {@code name} (its threads are) that answers every request with {@code handler}. */
  public static Builder builder(String name, ExchangeHandler handler) {
    return new Builder(name, handler);
  }

  /** The port it listens on. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops listening and closes its connections; handlers still running get a second to finish. */
  @Override
  public void close() {
    channel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    connections.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static EventLoopGroup loops() {
    if (loops == null) {
      synchronized (LocalServer.class) {
        if (loops == null) {
          loops = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
              (ThreadFactory) r -> Thread.ofPlatform().daemon(true).name("portcullis-http-" + LOOP_THREADS.incrementAndGet()).unstarted(r),
              Transport.CHOSEN.loops());
        }
      }
    }
    return loops;
  }

  /** How a {@link LocalServer} listens. */
  public static final class Builder {
    private final String name;
    private final ExchangeHandler handler;
    private int port;
    private long maxBodyBytes = 10L * 1024 * 1024;
    private Optional<SSLContext> tls = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private boolean inline;

    private Builder(String name, ExchangeHandler handler) {
      this.name = Objects.requireNonNull(name, "name");
      this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** The loopback port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** A body larger than this is not read: the handler sees {@link Exchange#body()} empty. */
    public Builder maxBodyBytes(long maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Serve HTTPS with this context (its key manager holds the certificate); empty, the default, is plain HTTP. */
    public Builder tls(Optional<SSLContext> tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /** Stamps the {@code Date} header of each answer. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Whether the handler runs on the connection's I/O thread instead of a virtual thread. Only for a
     * handler that never waits (no network, no process, no lock held for long): while it runs, every
     * connection of that thread waits. Saves the hand-off to another thread and the wake-up of the I/O
     * thread for the answer. False by default.
     */
    public Builder inline(boolean inline) {
      this.inline = inline;
      return this;
    }

    /** Binds to 127.0.0.1 and starts serving. */
    public LocalServer start() throws IOException {
      ExecutorService executor = ServerLimits.executor(name);
      Semaphore budget = new Semaphore(ServerLimits.EXCHANGES_PER_PORT);
      ResponseDates dates = new ResponseDates(clock);
      long readTimeoutNanos = ServerLimits.readTimeout().toNanos();
      ChannelGroup connections = new DefaultChannelGroup(name, GlobalEventExecutor.INSTANCE);
      ServerBootstrap bootstrap = new ServerBootstrap().group(loops()).channel(Transport.CHOSEN.serverChannel())
          .option(ChannelOption.SO_BACKLOG, 256)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              connections.add(ch);
              tls.ifPresent(context -> ch.pipeline().addLast(new SslHandler(serverEngine(context))));
              RequestDeadline deadline = new RequestDeadline(readTimeoutNanos, ServerLimits.IDLE_TIMEOUT.toNanos());
              ch.pipeline().addLast(deadline,
                  new HttpServerCodec(new HttpDecoderConfig().setMaxInitialLineLength(ServerLimits.MAX_HEADER_BYTES)
                      .setMaxHeaderSize(ServerLimits.MAX_HEADER_BYTES)),
                  new HttpServerExpectContinueHandler(),
                  new RequestReader(deadline, maxBodyBytes, handler, inline ? null : executor, budget, dates));
            }
          });
      try {
        Channel channel = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).sync().channel();
        return new LocalServer(channel, connections, executor);
      } catch (Exception e) {
        executor.shutdownNow();
        // bind failures arrive as the checked BindException Netty rethrows undeclared (NIO), or as the
        // native transport's own IOException (epoll), which Transport turns into the BindException callers expect
        throw Transport.bindFailure(e);
      }
    }

    private static SSLEngine serverEngine(SSLContext context) {
      SSLEngine engine = context.createSSLEngine();
      engine.setUseClientMode(false);
      return engine;
    }
  }
}
