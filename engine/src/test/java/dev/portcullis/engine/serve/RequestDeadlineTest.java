package dev.portcullis.engine.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The read and idle timeouts of a connection, on Netty's embedded channel with its clock stopped and
 * moved by hand (stopped just after the channel opens, so the margins are 100 ms, not exact).
 */
class RequestDeadlineTest {
  private static final long READ = TimeUnit.SECONDS.toNanos(10);
  private static final long IDLE = TimeUnit.SECONDS.toNanos(60);

  private final RequestDeadline deadline = new RequestDeadline(READ, IDLE);
  private final EmbeddedChannel channel = frozen(new EmbeddedChannel(deadline));

  @Test
  void aConnectionThatSendsNothingIsClosedWhenTheReadTimeoutEnds() {
    closesAfter(channel, READ);
  }

  @Test
  void noClockRunsWhileTheHandlerWorksAndTheIdleTimeoutStartsWithTheAnswer() {
    channel.writeInbound(bytes("GET / HTTP/1.1\r\n\r\n"));
    deadline.requestRead();
    after(5 * READ); // a slow integration is not the client's fault
    assertThat(channel.isOpen()).isTrue();

    deadline.answered();
    closesAfter(channel, IDLE);
  }

  @Test
  void theNextRequestsFirstByteStartsItsReadTimeoutOnAKeptConnection() {
    for (int i = 0; i < 1000; i++) { // many answered requests leave no stale deadline behind
      channel.writeInbound(bytes("GET / HTTP/1.1\r\n\r\n"));
      deadline.requestRead();
      deadline.answered();
      after(ms(30));
    }
    after(IDLE / 2);
    channel.writeInbound(bytes("GET / HTTP/1.1\r\nX-Slow: ")); // and then nothing
    closesAfter(channel, READ); // the read timeout, not the idle one
  }

  @Test
  void aReadTimeoutLongerThanTheIdleOneStillClosesAnIdleConnectionOnTime() {
    RequestDeadline longRead = new RequestDeadline(2 * IDLE, IDLE);
    EmbeddedChannel kept = frozen(new EmbeddedChannel(longRead));
    kept.writeInbound(bytes("GET / HTTP/1.1\r\n\r\n"));
    longRead.requestRead();
    longRead.answered();
    closesAfter(kept, IDLE);
  }

  private static EmbeddedChannel frozen(EmbeddedChannel channel) {
    channel.freezeTime();
    return channel;
  }

  /** Still open 100 ms before {@code nanos} from now, closed 100 ms after. */
  private static void closesAfter(EmbeddedChannel channel, long nanos) {
    after(channel, nanos - ms(100));
    assertThat(channel.isOpen()).as("open 100 ms before the timeout").isTrue();
    after(channel, ms(200));
    assertThat(channel.isOpen()).as("closed 100 ms after the timeout").isFalse();
  }

  private void after(long nanos) {
    after(channel, nanos);
  }

  private static void after(EmbeddedChannel channel, long nanos) {
    channel.advanceTimeBy(nanos, TimeUnit.NANOSECONDS);
    channel.runScheduledPendingTasks();
  }

  private static long ms(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }

  private static io.netty.buffer.ByteBuf bytes(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
  }
}
