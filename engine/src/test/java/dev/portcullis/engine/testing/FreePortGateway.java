package dev.portcullis.engine.testing;

import dev.portcullis.engine.gateway.LocalGateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Pipeline;
import java.io.IOException;
import java.time.Clock;

/** A workspace's gateways served in-process on free loopback ports, with the system clock: what importer tests send to. */
public final class FreePortGateway {
  private FreePortGateway() {}

  /** Started; the caller closes it. */
  public static LocalGateway start(Workspace ws) throws IOException {
    Workspace local = ws.newBuilder().gateways(ws.gateways().stream().map(g -> g.newBuilder().localPort(0).build()).toList()).build();
    Clock clock = Clock.systemUTC();
    LocalGateway gateway = LocalGateway.create(local, Pipeline.builder(local).clock(clock).build(), clock);
    try {
      gateway.start();
    } catch (IOException | RuntimeException e) {
      gateway.close();
      throw e;
    }
    return gateway;
  }
}
