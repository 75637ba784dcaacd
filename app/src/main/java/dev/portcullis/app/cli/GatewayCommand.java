package dev.portcullis.app.cli;

import dev.portcullis.engine.gateway.LocalWorld;
import dev.portcullis.engine.model.Workspace;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code portcullis gateway serve}: the local gateway and identity providers, until interrupted. */
@Command(name = "gateway", description = "The embedded local gateway.", subcommands = GatewayCommand.Serve.class,
    mixinStandardHelpOptions = true)
final class GatewayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = {"Serve the workspace's APIs and identity providers on loopback, logging one line per ruling.",
          "Prints one line per API and identity provider (name, flavour, URL), then 'ready'. Stop with Ctrl+C."})
  static final class Serve implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WorkspaceOption workspace;

    @Option(names = "--free-ports", description = "Listen on free ports instead of the workspace's own.")
    boolean freePorts;

    /** Released to stop serving (tests); Ctrl+C ends the process otherwise. */
    static volatile CountDownLatch stop;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Workspace ws = workspace.load();
      CountDownLatch latch = new CountDownLatch(1);
      RulingLines lines = new RulingLines(out, System::nanoTime);
      // the summary of a busy second is printed when the next second starts, or here at least once a second
      java.util.concurrent.ScheduledExecutorService ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("ruling-lines").factory());
      ticker.scheduleAtFixedRate(() -> lines.accept(null), 1, 1, java.util.concurrent.TimeUnit.SECONDS);
      stop = latch;
      try (LocalWorld world = LocalWorld.start(ws, Clock.systemUTC(), freePorts, line -> err.println("portcullis: " + line),
               workspace.gate());
           AutoCloseable listening = world.gateway().onRuling(lines::accept)) {
        ws.gateways().forEach(g -> out.println(g.name() + " " + g.flavor() + " " + world.apiUrls().get(g.name())));
        world.issuerUrls().forEach((name, url) -> out.println(name + " " + url));
        out.println("ready");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(latch::countDown));
        latch.await();
      } finally {
        ticker.shutdownNow();
        lines.flush();
      }
      return 0;
    }

  }
}
