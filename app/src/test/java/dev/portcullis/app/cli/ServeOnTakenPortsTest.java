package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A world whose ports are taken moves to free ones, says so first, and the commands that attach follow it. */
class ServeOnTakenPortsTest {
  @Test
  void theFirstLineWarnsAndSendFollowsTheMovedWorld(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path ws = Cli.demoCopy(dir, g -> !g.name().equals("payments") ? new Gateway(g.name(), g.flavor(), g.region(), g.accountId(), g.apiId(),
          g.stage(), g.baseUrl(), 0, g.apiKeySource(), g.routes(), g.authorizers(), g.usagePlans(), g.resourcePolicy())
          : new Gateway(g.name(), g.flavor(), g.region(), g.accountId(), g.apiId(), g.stage(), g.baseUrl(), taken.getLocalPort(),
              g.apiKeySource(), g.routes(), g.authorizers(), g.usagePlans(), g.resourcePolicy()));
      StringWriter out = new StringWriter();
      CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> PortcullisCommand.run(new PrintWriter(out, true),
          new PrintWriter(new StringWriter(), true), "gateway", "serve", "-w", ws.toString()));
      try {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!out.toString().contains("ready") && System.nanoTime() < deadline && !serve.isDone()) {
          Thread.sleep(50);
        }
        assertThat(out.toString().lines().findFirst().orElse("")).startsWith("WARNING: this workspace's ports are taken")
            .contains("FREE PORTS");
        String payments = out.toString().lines().filter(l -> l.startsWith("payments REST ")).findFirst().orElseThrow()
            .substring("payments REST ".length());
        assertThat(payments).doesNotContain(":" + taken.getLocalPort() + "/");
        Cli send = Cli.run("send", payments + "/health", "--caller", "anonymous", "-w", ws.toString());
        assertThat(send.exit()).as(send.out() + send.err()).isZero();
        assertThat(send.out()).startsWith("GET " + payments + "/health");
        assertThat(send.err()).contains("using the running local world");
      } finally {
        GatewayCommand.Serve.stop.countDown();
        serve.get(10, TimeUnit.SECONDS);
      }
    }
  }
}
