package dev.portcullis.engine.serve;

import dev.portcullis.engine.http.HeaderList;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one request at a time into an {@link Exchange} and hands it to the handler on the
 * server's executor; reading stops until the answer is written, so answers go out in order.
 * Malformed HTTP gets its 4xx here: the handler sees only requests that parsed.
 */
final class RequestReader extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(RequestReader.class);
  private static final byte[] BAD_REQUEST = "{\"message\":\"Bad Request\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TOO_LONG = "{\"message\":\"Request Too Long\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TOO_MANY = "{\"message\":\"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] FAULT = "{\"message\":\"Internal server error\"}".getBytes(StandardCharsets.UTF_8);
  private static final Map<String, String> CLOSE = Map.of("Content-Type", "application/json", "Connection", "close");

  private final RequestDeadline deadline;
  private final long maxBodyBytes;
  private final ExchangeHandler handler;
  /** Where handlers run; null: on this connection's event loop, at once (the handler never waits). */
  private final ExecutorService executor;
  private final Semaphore budget;
  private final ResponseDates dates;

  private HttpRequest head;
  private Body body;
  private boolean tooLarge;
  private boolean discarding;

  RequestReader(RequestDeadline deadline, long maxBodyBytes, ExchangeHandler handler, ExecutorService executor,
      Semaphore budget, ResponseDates dates) {
    this.deadline = deadline;
    this.maxBodyBytes = maxBodyBytes;
    this.handler = handler;
    this.executor = executor;
    this.budget = budget;
    this.dates = dates;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof HttpRequest request) {
        start(ctx, request);
      }
      if (msg instanceof HttpContent content && !discarding && head != null) {
        append(ctx, content);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void start(ChannelHandlerContext ctx, HttpRequest request) {
    if (request.decoderResult().isFailure()) {
      refuse(ctx, request.decoderResult().cause());
      return;
    }
    head = request;
    tooLarge = false;
    long declared = HttpUtil.getContentLength(request, -1L);
    body = new Body(declared > 0 && declared <= maxBodyBytes ? (int) declared : 0);
  }

  private void append(ChannelHandlerContext ctx, HttpContent content) {
    if (content.decoderResult().isFailure()) {
      refuse(ctx, content.decoderResult().cause());
      return;
    }
    ByteBuf bytes = content.content();
    if (bytes.isReadable() && !tooLarge) {
      if (body.size() + (long) bytes.readableBytes() > maxBodyBytes) {
        // over the limit: answer now and close, reading no more of it
        tooLarge = true;
        body = null;
        discarding = true;
        dispatch(ctx, false);
        return;
      }
      body.append(bytes, bytes.readableBytes());
    }
    if (content instanceof LastHttpContent) {
      dispatch(ctx, HttpUtil.isKeepAlive(head));
    }
  }

  private void dispatch(ChannelHandlerContext ctx, boolean keepAlive) {
    deadline.requestRead();
    HttpRequest request = head;
    byte[] bytes = tooLarge ? null : body.bytes();
    head = null;
    body = null;
    if (executor == null) {
      // answered before this returns, so the next request (even one already in the buffer) waits without
      // turning reading off and on: two system calls a request saved
      NettyExchange exchange = new NettyExchange(ctx, request, headers(request), bytes, remote(ctx), keepAlive, dates,
          this::answeredInline);
      runInline(exchange);
      if (!ctx.channel().isWritable()) {
        // a client that sends without reading its answers: stop reading until they drain
        ctx.channel().config().setAutoRead(false);
      }
      return;
    }
    ctx.channel().config().setAutoRead(false);
    if (!budget.tryAcquire()) {
      answer(ctx, 429, CLOSE, TOO_MANY, false);
      return;
    }
    NettyExchange exchange = new NettyExchange(ctx, request, headers(request), bytes, remote(ctx), keepAlive, dates,
        this::answered);
    try {
      executor.execute(() -> run(exchange));
    } catch (RejectedExecutionException closing) {
      budget.release();
      ctx.close();
    }
  }

  private void run(NettyExchange exchange) {
    try {
      runInline(exchange);
    } finally {
      budget.release();
    }
  }

  private void runInline(NettyExchange exchange) {
    try {
      handler.handle(exchange);
    } catch (Exception | Error e) {
      LOG.error("{} {} failed", exchange.method(), exchange.rawPath(), e);
    } finally {
      if (!exchange.responded()) {
        exchange.respond(500, Map.of("Content-Type", "application/json"), FAULT);
      }
    }
  }

  /** After an answer written on the event loop: reading never stopped, so only close or wait for the next. */
  private void answeredInline(ChannelHandlerContext ctx, boolean keepAlive) {
    if (!keepAlive) {
      ctx.close();
      return;
    }
    discarding = false;
    deadline.answered();
  }

  /** After an answer is written: read the next request, or close. */
  private void answered(ChannelHandlerContext ctx, boolean keepAlive) {
    if (!keepAlive) {
      ctx.close();
      return;
    }
    discarding = false;
    deadline.answered();
    ctx.channel().config().setAutoRead(true);
    ctx.read();
  }

  private void refuse(ChannelHandlerContext ctx, Throwable cause) {
    discarding = true;
    head = null;
    body = null;
    deadline.requestRead();
    ctx.channel().config().setAutoRead(false);
    boolean tooLong = cause instanceof TooLongFrameException;
    answer(ctx, tooLong ? 413 : 400, CLOSE, tooLong ? TOO_LONG : BAD_REQUEST, false);
  }

  private void answer(ChannelHandlerContext ctx, int status, Map<String, String> headers, byte[] bytes, boolean keepAlive) {
    NettyExchange.write(ctx, null, status, headers, bytes, keepAlive, dates, this::answered);
  }

  private static HeaderList headers(HttpRequest request) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(request.headers().size());
    request.headers().iteratorAsString().forEachRemaining(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
    return new HeaderList(entries);
  }

  private static String remote(ChannelHandlerContext ctx) {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress address && address.getAddress() != null
        ? address.getAddress().getHostAddress() : "127.0.0.1";
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (executor == null && ctx.channel().isWritable() && !ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // a reset connection, a TLS handshake that failed: nothing to answer, only to close
    LOG.debug("connection closed on {}", cause.toString());
    ctx.close();
  }

  /** The body as it arrives; with a Content-Length, the array is the body (no copy at the end). */
  private static final class Body {
    private byte[] buffer;
    private int size;

    Body(int expected) {
      buffer = new byte[expected];
    }

    int size() {
      return size;
    }

    /** Reads {@code n} bytes of {@code from} onto the end. */
    void append(ByteBuf from, int n) {
      if (size + n > buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(size + n, buffer.length * 2));
      }
      from.readBytes(buffer, size, n);
      size += n;
    }

    byte[] bytes() {
      return size == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, size);
    }
  }

  static boolean closeRequested(Map<String, String> headers) {
    return headers.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase("Connection")
        && e.getValue().equalsIgnoreCase("close"));
  }
}
