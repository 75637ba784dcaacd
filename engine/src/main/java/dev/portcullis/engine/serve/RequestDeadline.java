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
 *
 * <p>A request only moves the deadline (a field); one timer per connection checks it. Scheduling and
 * cancelling a timer at each of a request's two turns was 2 % of a busy gateway's event loop (issue
 * 19). The timer is never set further ahead than the shorter timeout, so a deadline set later, always
 * at least that far away, is never earlier than the timer: it only ever has to be checked, not moved.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
  private static final long NONE = Long.MAX_VALUE;

  private final long readTimeoutNanos;
  private final long idleTimeoutNanos;
  /** The furthest ahead the timer is ever set: the shorter timeout. */
  private final long stepNanos;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> timer;
  private long deadline = NONE;
  private boolean reading;

  RequestDeadline(long readTimeoutNanos, long idleTimeoutNanos) {
    this.readTimeoutNanos = readTimeoutNanos;
    this.idleTimeoutNanos = idleTimeoutNanos;
    this.stepNanos = Math.min(readTimeoutNanos, idleTimeoutNanos);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    reading = true;
    setDeadline(readTimeoutNanos);
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (!reading && msg instanceof ByteBuf) {
      reading = true;
      setDeadline(readTimeoutNanos);
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    deadline = NONE;
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    super.channelInactive(ctx);
  }

  /** The whole request is in: the handler's time is not the client's. */
  void requestRead() {
    deadline = NONE;
  }

  /** The answer is written: the connection waits for its next request. */
  void answered() {
    reading = false;
    setDeadline(idleTimeoutNanos);
  }

  private void setDeadline(long nanos) {
    deadline = ctx.executor().ticker().nanoTime() + nanos;
    if (timer == null && ctx.channel().isActive()) {
      schedule(Math.min(nanos, stepNanos));
    }
  }

  private void schedule(long nanos) {
    timer = ctx.executor().schedule(this::check, nanos, TimeUnit.NANOSECONDS);
  }

  private void check() {
    timer = null;
    if (!ctx.channel().isActive()) {
      return;
    }
    if (deadline == NONE) {
      schedule(stepNanos);
      return;
    }
    long left = deadline - ctx.executor().ticker().nanoTime();
    if (left <= 0) {
      ctx.close();
    } else {
      schedule(Math.min(left, stepNanos));
    }
  }
}
