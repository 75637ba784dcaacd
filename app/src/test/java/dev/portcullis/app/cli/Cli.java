package dev.portcullis.app.cli;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/** Runs the CLI in-process and keeps what it printed; builds broken copies of the demo. */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = PortcullisCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Cli(exit, out.toString(), err.toString());
  }

  static Path demoCopy(Path dir, UnaryOperator<Gateway> change) throws Exception {
    Workspace demo = dev.portcullis.engine.store.DemoWorkspace.load();
    Workspace copy = demo.newBuilder().gateways(demo.gateways().stream().map(change).toList()).build();
    Path file = dir.resolve("broken.json");
    WorkspaceStore.create(Clock.systemUTC()).save(copy, file);
    return file;
  }

  /** The gateway with one route's authorisation replaced (and, when asked, its resource policy gone). */
  static UnaryOperator<Gateway> authorization(String gateway, String path, Route.AuthorizationType type, boolean dropResourcePolicy) {
    return g -> !g.name().equals(gateway) ? g : g.newBuilder().routes(g.routes().stream().map(r -> !r.path().equals(path) ? r
            : new Route(r.method(), r.path(), type, null, List.of(), r.apiKeyRequired(), r.integration(), r.throttle())).toList())
        .resourcePolicy(dropResourcePolicy ? null : g.resourcePolicy()).build();
  }
}
