package dev.portcullis.engine.serve;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket layer under the local servers: Linux's epoll through Netty's native transport where its
 * library loads (it ships for x86-64 Linux), Java's NIO everywhere else. The same handlers run on
 * either; epoll spends fewer system calls and less garbage per request, which under load was ~11 %
 * of the gateway's CPU (issue 19; bench/README.md). {@code -Dportcullis.transport=nio} forces NIO,
 * for measuring one against the other or if the native library misbehaves on some kernel.
 */
enum Transport {
  EPOLL {
    @Override
    IoHandlerFactory loops() {
      return EpollIoHandler.newFactory();
    }

    @Override
    Class<? extends ServerChannel> serverChannel() {
      return EpollServerSocketChannel.class;
    }
  },
  NIO {
    @Override
    IoHandlerFactory loops() {
      return NioIoHandler.newFactory();
    }

    @Override
    Class<? extends ServerChannel> serverChannel() {
      return NioServerSocketChannel.class;
    }
  };

  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

  /** The transport of this process: chosen once, as the servers share one set of event loops. */
  static final Transport CHOSEN = choose(System.getProperty("portcullis.transport", ""));

  abstract IoHandlerFactory loops();

  abstract Class<? extends ServerChannel> serverChannel();

  static Transport choose(String asked) {
    if (asked.equalsIgnoreCase("nio")) {
      return NIO;
    }
    if (available()) {
      return EPOLL;
    }
    if (asked.equalsIgnoreCase("epoll")) {
      LOG.warn("epoll was asked for but is not available here ({}); the local servers use NIO",
          Epoll.unavailabilityCause() == null ? "no reason given" : Epoll.unavailabilityCause().toString());
    }
    return NIO;
  }

  /** Linux's EADDRINUSE, as the epoll transport reports it (negated); epoll exists on Linux only. */
  private static final int ADDRESS_IN_USE = -98;

  /**
   * A failed bind as callers handle it: a taken port is a {@link java.net.BindException} on either
   * transport (epoll reports it as its own IOException, "bind(..) failed with error(-98)").
   */
  static java.io.IOException bindFailure(Exception e) {
    if (e instanceof io.netty.channel.unix.Errors.NativeIoException n && n.expectedErr() == ADDRESS_IN_USE) {
      java.net.BindException taken = new java.net.BindException("Address already in use");
      taken.initCause(e);
      return taken;
    }
    return e instanceof java.io.IOException io ? io : new java.io.IOException(e.getMessage(), e);
  }

  private static boolean available() {
    try {
      return Epoll.isAvailable();
    } catch (LinkageError e) {
      return false;   // the classes without their native part (another OS, a trimmed class path)
    }
  }
}
