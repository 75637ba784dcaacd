package dev.portcullis.engine.serve;

import dev.portcullis.engine.http.HeaderList;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** An {@link Exchange} on a Netty connection; {@link #respond} may be called from any thread. */
final class NettyExchange implements Exchange {
  /** What the reader does once an answer is written: read the next request (true) or close. */
  interface Answered {
    void after(ChannelHandlerContext ctx, boolean keepAlive);
  }

  private static final int MAX_NAMES = 256;
  private static final Map<String, AsciiString> NAMES = new ConcurrentHashMap<>();
  private static final AsciiString DATE = AsciiString.cached("Date");
  private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
  private static final AsciiString CONNECTION = AsciiString.cached("Connection");
  private static final AsciiString CLOSE = AsciiString.cached("close");
  private static final AsciiString KEEP_ALIVE = AsciiString.cached("keep-alive");

  private final ChannelHandlerContext ctx;
  private final HttpRequest request;
  private final HeaderList headers;
  private final byte[] body;
  private final String remoteAddress;
  private final boolean keepAlive;
  private final ResponseDates dates;
  private final Answered answered;
  private final String rawPath;
  private final String rawQuery;
  private final AtomicBoolean responded = new AtomicBoolean();

  NettyExchange(ChannelHandlerContext ctx, HttpRequest request, HeaderList headers, byte[] body, String remoteAddress,
      boolean keepAlive, ResponseDates dates, Answered answered) {
    this.ctx = ctx;
    this.request = request;
    this.headers = headers;
    this.body = body;
    this.remoteAddress = remoteAddress;
    this.keepAlive = keepAlive;
    this.dates = dates;
    this.answered = answered;
    String target = originForm(request.uri());
    int hash = target.indexOf('#');
    target = hash < 0 ? target : target.substring(0, hash);
    int question = target.indexOf('?');
    this.rawPath = question < 0 ? target : target.substring(0, question);
    this.rawQuery = question < 0 ? null : target.substring(question + 1);
  }

  /** {@code http://host/p?q} (absolute form, which a proxy-minded client may send) is {@code /p?q}. */
  private static String originForm(String uri) {
    int scheme = uri.indexOf("://");
    if (scheme > 0 && !uri.startsWith("/")) {
      int slash = uri.indexOf('/', scheme + 3);
      return slash < 0 ? "/" : uri.substring(slash);
    }
    return uri;
  }

  @Override
  public String method() {
    return request.method().name();
  }

  @Override
  public String protocol() {
    return request.protocolVersion().text();
  }

  @Override
  public String rawPath() {
    return rawPath;
  }

  @Override
  public String path() {
    try {
      return URI.create(rawPath).getPath();
    } catch (IllegalArgumentException e) {
      return rawPath;
    }
  }

  @Override
  public String rawQuery() {
    return rawQuery;
  }

  @Override
  public HeaderList headers() {
    return headers;
  }

  @Override
  public Optional<byte[]> body() {
    return Optional.ofNullable(body);
  }

  @Override
  public long declaredLength() {
    return HttpUtil.getContentLength(request, -1L);
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  @Override
  public boolean responded() {
    return responded.get();
  }

  @Override
  public void respond(int status, Map<String, String> headers, byte[] body) {
    if (!responded.compareAndSet(false, true)) {
      throw new IllegalStateException("answered already: " + method() + " " + rawPath);
    }
    write(ctx, request, status, headers, body, keepAlive && !RequestReader.closeRequested(headers), dates, answered);
  }

  /**
   * Header names and values go to Netty as {@link AsciiString}s, in the case given (AWS's
   * {@code x-amzn-RequestId}): its encoder copies those as a block, where a {@code String} is written
   * one byte at a time, each byte a bounds-checked store into a direct buffer (issue 19: 3 % of the
   * gateway's time). Latin-1 bytes, as Netty writes a {@code String}'s chars (above U+00FF as {@code ?}).
   */
  private static AsciiString ascii(String text) {
    return new AsciiString(text.getBytes(StandardCharsets.ISO_8859_1), false);
  }

  /** The gateway's names repeat on every answer; kept, up to a bound (an integration may make up its own). */
  private static AsciiString name(String name) {
    AsciiString known = NAMES.get(name);
    if (known == null) {
      known = ascii(name);
      if (NAMES.size() >= MAX_NAMES) {
        NAMES.clear();
      }
      NAMES.put(name, known);
    }
    return known;
  }

  /** Writes one answer; {@code request} null when there is none that parsed. */
  static void write(ChannelHandlerContext ctx, HttpRequest request, int status, Map<String, String> headers, byte[] body,
      boolean keepAlive, ResponseDates dates, Answered answered) {
    boolean noBody = status == 204 || status == 304 || status < 200;
    boolean head = request != null && request.method().equals(HttpMethod.HEAD);
    DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
        noBody || head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    HttpHeaders out = response.headers();
    out.set(DATE, ascii(dates.now()));
    headers.forEach((name, value) -> out.set(name(name), ascii(value)));
    if (!noBody) {
      out.set(CONTENT_LENGTH, ascii(Integer.toString(body.length)));
    }
    if (!keepAlive) {
      out.set(CONNECTION, CLOSE);
    } else if (request != null && request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
      out.set(CONNECTION, KEEP_ALIVE);
    }
    ctx.writeAndFlush(response).addListener((ChannelFutureListener) future ->
        answered.after(ctx, keepAlive && future.isSuccess()));
  }
}
