package dev.portcullis.app.ui;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import java.util.List;

/** The demo with one thing changed, for tests of the paths the demo itself does not take. */
public final class DemoWorkspaces {
  private DemoWorkspaces() {}

  public static Workspace demo() {
    try {
      return DemoWorkspace.load();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bob without his MFA secret, so his login must ask a person for the TOTP code. */
  public static Workspace bobWithoutMfaSecret() {
    Workspace ws = demo();
    List<Caller> callers = ws.callers().stream().map(c -> c instanceof Caller.CognitoUser u && u.name().equals("bob")
        ? new Caller.CognitoUser(u.name(), u.description(), u.userPoolId(), u.clientId(), u.clientSecret(), u.username(), u.password(),
            u.flow(), u.token(), u.endpoint(), null)
        : c).toList();
    return with(ws, ws.gateways(), callers);
  }

  /** Every gateway's real base URL pointing at a port nothing listens on. */
  public static Workspace deadHosts() {
    return withBaseUrl("http://127.0.0.1:1");
  }

  /** Every gateway's real base URL (the aws-dev environment's target) set to {@code baseUrl}. */
  public static Workspace withBaseUrl(String baseUrl) {
    Workspace ws = demo();
    List<Gateway> gateways = ws.gateways().stream().map(g -> new Gateway(g.name(), g.flavor(), g.region(), g.accountId(), g.apiId(),
        g.stage(), baseUrl, g.localPort(), g.apiKeySource(), g.routes(), g.authorizers(), g.usagePlans(), g.resourcePolicy()))
        .toList();
    return with(ws, gateways, ws.callers());
  }

  /** The emulator's TOTP secret of bob, as his authenticator app would hold it. */
  public static String bobTotpSecret(Workspace ws) {
    return ws.emulator().userPools().stream().flatMap(p -> p.users().stream()).filter(u -> u.username().equals("bob"))
        .findFirst().orElseThrow().totpSecret();
  }

  private static Workspace with(Workspace ws, List<Gateway> gateways, List<Caller> callers) {
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), gateways, callers,
        ws.folders(), ws.requests(), ws.environments(), ws.emulator());
  }
}
