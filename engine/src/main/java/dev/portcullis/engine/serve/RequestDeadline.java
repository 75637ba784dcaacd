package dev.portcullis.engine.serve;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose client takes longer than the read timeout to send a request (headers
 * and body, from its first byte or from the connection's opening), or that stays idle between
 * requests past the idle timeout. While the handler works on a request no clock runs.
 * All methods run on the connection's event loop.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
  private final long readTimeoutNanos;
  private final long idleTimeoutNanos;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> timer;
  private boolean reading;

  RequestDeadline(long readTimeoutNanos, long idleTimeoutNanos) {
    this.readTimeoutNanos = readTimeoutNanos;
    this.idleTimeoutNanos = idleTimeoutNanos;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    reading = true;
    arm(readTimeoutNanos);
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (!reading && msg instanceof ByteBuf) {
      reading = true;
      arm(readTimeoutNanos);
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel();
    super.channelInactive(ctx);
  }

  /** The whole request is in: the handler's time is not the client's. */
  void requestRead() {
    cancel();
  }

  /** The answer is written: the connection waits for its next request. */
  void answered() {
    reading = false;
    arm(idleTimeoutNanos);
  }

  private void arm(long nanos) {
    cancel();
    timer = ctx.executor().schedule(() -> ctx.close(), nanos, TimeUnit.NANOSECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
