package dev.portcullis.engine.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The socket layer: epoll where it loads, NIO when asked or elsewhere, and a taken port reads the same on both. */
class TransportTest {

  @Test
  void nioWhenAskedEpollOnLinuxWhereItsLibraryLoads() {
    assertThat(Transport.choose("nio")).isEqualTo(Transport.NIO);
    assertThat(Transport.choose("NIO")).isEqualTo(Transport.NIO);
    boolean linuxX64 = System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").matches("amd64|x86_64");
    assumeThat(linuxX64).as("the native epoll library ships for x86-64 Linux").isTrue();
    assertThat(Transport.choose("")).isEqualTo(Transport.EPOLL);
  }

  /** LocalWorld moves to free ports on a BindException; epoll's own error for a taken port must read as one. */
  @Test
  void aTakenPortIsABindExceptionOnEitherTransport() throws Exception {
    for (Transport transport : Transport.values()) {
      if (transport == Transport.EPOLL && Transport.choose("") != Transport.EPOLL) {
        continue;
      }
      EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, transport.loops());
      try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(transport.serverChannel())
            .childHandler(new ChannelInboundHandlerAdapter());
        assertThatThrownBy(() -> {
          try {
            bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort())).sync();
          } catch (Exception e) {
            throw Transport.bindFailure(e);
          }
        }).as(transport.name()).isInstanceOf(BindException.class);
      } finally {
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).sync();
      }
    }
  }
}
