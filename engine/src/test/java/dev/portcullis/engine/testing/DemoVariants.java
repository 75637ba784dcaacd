package dev.portcullis.engine.testing;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.time.Clock;
import java.util.List;

/** The demo workspace with one thing changed, for tests of what happens when that thing fails. */
public final class DemoVariants {
  private DemoVariants() {}

  /** The demo with the mobile API's JWT authoriser trusting {@code issuer} instead of the local pool. */
  public static Workspace mobileIssuer(String issuer) throws Exception {
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    List<Gateway> gateways = demo.gateways().stream().map(g -> !g.name().equals("mobile") ? g : g.newBuilder()
        .authorizers(g.authorizers().stream().map(a -> a instanceof Authorizer.Jwt j
            ? new Authorizer.Jwt(j.name(), issuer, j.audiences(), j.identitySource()) : a).toList()).build()).toList();
    return demo.newBuilder().gateways(gateways).build();
  }
}
