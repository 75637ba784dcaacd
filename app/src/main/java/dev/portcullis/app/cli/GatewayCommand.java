package dev.portcullis.app.cli;

import dev.portcullis.engine.attach.RunningWorlds;
import dev.portcullis.engine.attach.WorldRecord;
import dev.portcullis.engine.gateway.LocalWorld;
import dev.portcullis.engine.model.Workspace;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
      RunningWorlds worlds = RunningWorlds.create();
      Optional<WorldRecord> running = worlds.find(workspace.key());
      if (running.isPresent()) {
        err.println("portcullis: this workspace's local world is already running (" + running.get().describe() + ").");
        err.println("  send, token, matrix and curl use that one; stop it (Ctrl+C in its terminal) to serve again.");
        return 2;
      }
      CountDownLatch latch = new CountDownLatch(1);
      RulingLines lines = new RulingLines(out, System::nanoTime);
      // the summary of a busy second is printed when the next second starts, or here at least once a second
      java.util.concurrent.ScheduledExecutorService ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("ruling-lines").factory());
      ticker.scheduleAtFixedRate(() -> lines.accept(null), 1, 1, java.util.concurrent.TimeUnit.SECONDS);
      stop = latch;
      try (LocalWorld world = LocalWorld.start(ws, Clock.systemUTC(), freePorts, line -> err.println("portcullis: " + line),
               workspace.gate());
           AutoCloseable listening = world.gateway().onRuling(lines::accept);
           RunningWorlds.Registration recorded = worlds.register(record(world, ws))) {
        if (!freePorts && movedPorts(ws, world)) {
          out.println("WARNING: this workspace's ports are taken, so this world listens on FREE PORTS (below), not the workspace's."
              + " portcullis send/token/curl/matrix find it; URLs with the workspace's ports do not.");
        }
        ws.gateways().forEach(g -> out.println(g.name() + " " + g.flavor() + " " + world.apiUrls().get(g.name())));
        world.issuerUrls().forEach((name, url) -> out.println(name + " " + url));
        out.println("ready");
        out.flush();
        // Ctrl+C may end the JVM before this thread closes the world: the hook removes the record itself.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          recorded.close();
          latch.countDown();
        }));
        latch.await();
      } finally {
        ticker.shutdownNow();
        lines.flush();
      }
      return 0;
    }

    private WorldRecord record(LocalWorld world, Workspace ws) {
      Map<String, String> apis = new LinkedHashMap<>();
      world.apiUrls().forEach((name, url) -> apis.put(name, url.toString()));
      Map<String, String> issuers = new LinkedHashMap<>();
      world.issuerUrls().forEach((name, url) -> issuers.put(name, url.toString()));
      return new WorldRecord(workspace.key(), ProcessHandle.current().pid(), Clock.systemUTC().instant(), apis,
          world.runtimeVariables().get("idpBaseUrl"), issuers, freePorts || movedPorts(ws, world));
    }

    /** Whether a configured port was taken, so the world moved to free ones. */
    private static boolean movedPorts(Workspace ws, LocalWorld world) {
      boolean gatewayMoved = ws.gateways().stream().anyMatch(g -> g.localPort() != null && g.localPort() > 0
          && world.gateway().port(g.name()) != g.localPort());
      Integer idpPort = ws.emulator().idpPort();
      return gatewayMoved || (idpPort != null && idpPort > 0 && world.identityProviders().baseUrl().getPort() != idpPort);
    }
  }
}
