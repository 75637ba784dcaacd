package dev.portcullis.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import io.undertow.Undertow;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The candidate HTTP servers for the local gateway, each with the same trivial handler: read the
 * body, answer a fixed body and one header whose name is written as AWS spells it. The answer also
 * echoes the request's first header name as the server reports it, to see whether names are kept
 * as received. Usage: {@code CandidateServer jetty|netty|undertow <body bytes>}; prints the URL,
 * the milliseconds from JVM start to listening, then {@code ready}.
 */
public final class CandidateServer {
  private CandidateServer() {}

  public static void main(String[] args) throws Exception {
    byte[] body = new byte[Integer.parseInt(args[1])];
    Arrays.fill(body, (byte) 'x');
    int port = switch (args[0]) {
      case "jetty" -> jetty(body);
      case "netty" -> netty(body, false);
      case "netty-epoll" -> netty(body, true);
      case "undertow" -> undertow(body);
      default -> throw new IllegalArgumentException("jetty, netty, netty-epoll or undertow, not " + args[0]);
    };
    long startMs = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(args[0] + " http://127.0.0.1:" + port);
    System.out.println("listening after " + startMs + " ms");
    System.out.println("ready");
    System.out.flush();
    Thread.currentThread().join();
  }

  private static int jetty(byte[] body) throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool(8);
    pool.setVirtualThreadsExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    Server server = new Server(pool);
    HttpConfiguration config = new HttpConfiguration();
    config.setHttpCompliance(HttpCompliance.RFC9110.with("names as sent", HttpCompliance.Violation.CASE_SENSITIVE_FIELD_NAME));
    config.setSendServerVersion(false);
    config.setSendDateHeader(false);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        org.eclipse.jetty.io.Content.Source.asByteBuffer(request);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("x-amzn-RequestId", request.getHeaders().iterator().next().getName());
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
      }
    });
    server.start();
    return connector.getLocalPort();
  }

  /** Netty on Java's NIO, or with {@code epoll} on Linux's epoll through its native transport (what the gateway uses there). */
  private static int netty(byte[] body, boolean epoll) throws Exception {
    var group = new MultiThreadIoEventLoopGroup(2, epoll ? io.netty.channel.epoll.EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    var channel = new ServerBootstrap().group(group)
        .channel(epoll ? io.netty.channel.epoll.EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(),
                new HttpObjectAggregator(10 * 1024 * 1024), new SimpleChannelInboundHandler<FullHttpRequest>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                    var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        Unpooled.wrappedBuffer(body));
                    response.headers().set("Content-Type", "application/json");
                    response.headers().set("Content-Length", body.length);
                    response.headers().set("x-amzn-RequestId", request.headers().iteratorCharSequence().next().getKey());
                    ctx.writeAndFlush(response);
                  }
                });
          }
        }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  private static int undertow(byte[] body) {
    HttpString requestId = new HttpString("x-amzn-RequestId");
    Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(2).setHandler(exchange -> {
      exchange.getRequestReceiver().receiveFullBytes((ex, bytes) -> {
        ex.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "application/json");
        ex.getResponseHeaders().put(requestId, ex.getRequestHeaders().getHeaderNames().iterator().next().toString());
        ex.getResponseSender().send(ByteBuffer.wrap(body));
      });
    }).build();
    server.start();
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }
}
