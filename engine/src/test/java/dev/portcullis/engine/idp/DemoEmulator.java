package dev.portcullis.engine.idp;

import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.Emulator.AppClient;
import dev.portcullis.engine.model.Emulator.OidcClientFixture;
import dev.portcullis.engine.model.Emulator.OidcIssuer;
import dev.portcullis.engine.model.Emulator.User;
import dev.portcullis.engine.model.Emulator.UserPool;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The demo workspace's emulator section, and copies of it with one more client or user. */
public final class DemoEmulator {
  public static final String POOL = "us-east-1_Local01";
  public static final String MOBILE_CLIENT = "5mobileappclientlocal01";
  public static final String M2M_CLIENT = "reportsm2mclientlocal01";
  public static final String ALICE_PASSWORD = "Alice#local-2026";
  public static final String BOB_PASSWORD = "Bob#local-2026";

  private DemoEmulator() {}

  public static Emulator load() {
    try {
      return WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo()).emulator();
    } catch (Exception e) {
      throw new IllegalStateException("the demo workspace does not load", e);
    }
  }

  public static Emulator withPoolClient(Emulator emulator, AppClient client) {
    UserPool pool = emulator.userPools().get(0);
    List<AppClient> clients = new ArrayList<>(pool.clients());
    clients.add(client);
    return withPool(emulator, new UserPool(pool.id(), clients, pool.groups(), pool.users(), pool.resourceServers()));
  }

  public static Emulator withUser(Emulator emulator, User user) {
    UserPool pool = emulator.userPools().get(0);
    List<User> users = new ArrayList<>(pool.users());
    users.add(user);
    return withPool(emulator, new UserPool(pool.id(), pool.clients(), pool.groups(), users, pool.resourceServers()));
  }

  public static Emulator withOidcClient(Emulator emulator, OidcClientFixture client) {
    OidcIssuer bank = emulator.oidcIssuers().get(0);
    List<OidcClientFixture> clients = new ArrayList<>(bank.clients());
    clients.add(client);
    return new Emulator(emulator.localOnly(), emulator.signingKeySeed(), emulator.idpPort(), emulator.userPools(),
        List.of(new OidcIssuer(bank.name(), clients)), emulator.accessKeys(), emulator.apiKeys(), emulator.tokens());
  }

  public static Emulator withSeed(Emulator emulator, String seed) {
    return new Emulator(emulator.localOnly(), seed, emulator.idpPort(), emulator.userPools(),
        emulator.oidcIssuers(), emulator.accessKeys(), emulator.apiKeys(), emulator.tokens());
  }

  private static Emulator withPool(Emulator emulator, UserPool pool) {
    return new Emulator(emulator.localOnly(), emulator.signingKeySeed(), emulator.idpPort(), List.of(pool),
        emulator.oidcIssuers(), emulator.accessKeys(), emulator.apiKeys(), emulator.tokens());
  }
}
