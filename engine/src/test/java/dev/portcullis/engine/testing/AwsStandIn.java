package dev.portcullis.engine.testing;

import dev.portcullis.engine.gateway.LocalWorld;
import dev.portcullis.engine.identity.AwsProfiles;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.run.Machine;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.send.Network;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * API Gateway as a client meets it, without AWS: the local world of a "deployed" workspace (which
 * may differ from the one the session predicts with, as a deployment drifts from its export), each
 * API behind TLS with a test certificate, reached by its execute-api host name
 * ({@code {apiId}.execute-api.{region}.amazonaws.com}) through {@link #network()}. A session on
 * {@link dev.portcullis.engine.run.Target.Remote} reads no ruling from it: only the answer on the wire.
 * The identity providers stay the local ones on plain loopback (their issuer URLs are what
 * {@link #fillIn} puts in {@code idpBaseUrl} and {@code bankIssuer}); {@link #machine()} is the
 * user's shell and AWS profiles, answered by the deployed world's fixtures.
 */
public final class AwsStandIn implements AutoCloseable {
  private final Workspace deployed;
  private final LocalWorld world;
  private final List<TlsRelay> relays;
  private final Map<String, String> hosts;
  private final Network network;
  private final Map<String, InetSocketAddress> addresses;

  private AwsStandIn(Workspace deployed, LocalWorld world, List<TlsRelay> relays, Map<String, String> hosts, Map<String, InetSocketAddress> addresses,
      Network network) {
    this.deployed = deployed;
    this.world = world;
    this.relays = relays;
    this.hosts = hosts;
    this.addresses = addresses;
    this.network = network;
  }

  /** Deploys {@code deployed} with each gateway under the API id {@code apiIds} gives it, on {@code clock}'s time. */
  public static AwsStandIn start(Workspace deployed, Clock clock, Map<String, String> apiIds) throws IOException {
    LocalWorld world = LocalWorld.start(deployed, clock, true, line -> { });
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Portcullis test CA (stand-in only)").build();
    HeldCertificate.Builder leaf = new HeldCertificate.Builder().signedBy(ca).commonName("*.execute-api.amazonaws.com");
    Map<String, String> hosts = new LinkedHashMap<>();
    for (Gateway g : deployed.gateways()) {
      String host = apiIds.get(g.name()) + ".execute-api." + g.region() + ".amazonaws.com";
      hosts.put(g.name(), host);
      leaf.addSubjectAlternativeName(host);
    }
    HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(leaf.build(), ca.certificate()).build();
    HandshakeCertificates client = new HandshakeCertificates.Builder().addTrustedCertificate(ca.certificate()).build();
    List<TlsRelay> relays = new ArrayList<>();
    Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();
    try {
      for (Gateway g : deployed.gateways()) {
        TlsRelay relay = TlsRelay.start(server.sslContext(), world.gateway().port(g.name()));
        relays.add(relay);
        addresses.put(hosts.get(g.name()), relay.address());
      }
    } catch (IOException e) {
      world.close();
      throw e;
    }
    return new AwsStandIn(deployed, world, relays, hosts, addresses, Network.standIn(addresses, client.trustManager()));
  }

  /** The stand-in's names and its CA: what a session sends through. */
  public Network network() {
    return network;
  }

  /** The same names, trusting only {@code trust}: a client that has not got the stand-in's CA. */
  public Network network(javax.net.ssl.X509TrustManager trust) {
    return Network.standIn(addresses, trust);
  }

  /** As {@link #network()}, with {@code alias} also connecting to {@code gateway}'s port (a name its certificate does not cover). */
  public Network networkWithAlias(String alias, String gateway) {
    Map<String, InetSocketAddress> more = new LinkedHashMap<>(addresses);
    more.put(alias, addresses.get(hosts.get(gateway)));
    return Network.standIn(more, network.trust());
  }

  /** The same names and CA, every name connecting to {@code address} instead (a port where nothing listens, say). */
  public Network networkTo(InetSocketAddress address) {
    Map<String, InetSocketAddress> elsewhere = new LinkedHashMap<>();
    addresses.keySet().forEach(host -> elsewhere.put(host, address));
    return Network.standIn(elsewhere, network.trust());
  }

  /** The execute-api host name of a gateway. */
  public String host(String gateway) {
    return hosts.get(gateway);
  }

  public LocalWorld world() {
    return world;
  }

  /**
   * {@code workspace} with environment {@code environment} filled in as its user would: each
   * {@code {gateway}ApiId} the stand-in's API id, {@code idpBaseUrl} the stand-in's identity providers,
   * the mobile pool and app client, the bank's issuer, and the profiles {@link #machine()} holds.
   */
  public Workspace fillIn(Workspace workspace, String environment) {
    Emulator.UserPool pool = deployed.emulator().userPools().getFirst();
    String idp = world.identityProviders().baseUrl().toString().replaceAll("/+$", "");
    List<Environment> environments = workspace.environments().stream().map(e -> {
      if (!e.name().equals(environment)) {
        return e;
      }
      Map<String, String> vars = new LinkedHashMap<>(e.variables());
      hosts.forEach((gateway, host) -> vars.put(gateway + "ApiId", host.substring(0, host.indexOf('.'))));
      vars.put("idpBaseUrl", idp);
      vars.put("mobilePoolId", pool.id());
      vars.put("mobileClientId", pool.clients().getFirst().clientId());
      vars.put("bankIssuer", idp + "/oidc/" + deployed.emulator().oidcIssuers().getFirst().name());
      vars.put("bankBackofficeClientId", "backoffice");
      vars.put("bankLegacyClientId", "legacy");
      PROFILES.keySet().forEach(role -> vars.put(role + "Profile", "stand-in-" + role));
      return new Environment(e.name(), vars, e.callers());
    }).toList();
    return workspace.newBuilder().environments(environments).build();
  }

  /** Each role of the account and the access key of the deployed world it signs with. */
  private static final Map<String, String> PROFILES = Map.of("refreshJob", "ASIALOCALREFRESHJOB1", "expiredRefreshJob",
      "ASIALOCALREFRESHOLD1", "reporting", "ASIALOCALREPORTING01");

  /** Each {@code env:} name the example environment reads and the deployed world's fixture that answers it. */
  private static final Map<String, String> ENV = Map.ofEntries(Map.entry("ALICE_PASSWORD", "users/alice"),
      Map.entry("BOB_PASSWORD", "users/bob"), Map.entry("BOB_TOTP_SECRET", "users/bob/totp"), Map.entry("ACME_DEV_API_KEY", "api-keys/acme"),
      Map.entry("GLOBEX_DEV_API_KEY", "api-keys/globex"), Map.entry("INITECH_DEV_API_KEY", "api-keys/initech"),
      Map.entry("HOOLI_DEV_API_KEY", "api-keys/hooli"), Map.entry("BANK_BACKOFFICE_SECRET", "clients/backoffice"),
      Map.entry("BANK_LEGACY_SECRET", "clients/legacy"));

  /**
   * The user's machine for this account: the environment variables the example's callers read
   * (passwords, API keys, client secrets) and an AWS config file with a profile per role, each
   * answered by the deployed world's own fixtures.
   */
  public Machine machine() {
    SecretResolver fixtures = SecretResolver.create(deployed.emulator(), (what, label) -> Optional.empty());
    Map<String, String> env = new LinkedHashMap<>();
    StringBuilder config = new StringBuilder();
    try {
      for (var e : ENV.entrySet()) {
        env.put(e.getKey(), fixtures.resolve(new SecretRef.Local(e.getValue()), "stand-in " + e.getKey()));
      }
      // a token of the deployed bank kept past its expiry, as the user of aws-dev keeps one
      env.put("BANK_EXPIRED_TOKEN", world.identityProviders().mintRecipe("bank-expired"));
      for (var p : PROFILES.entrySet()) {
        String key = p.getValue();
        config.append("[profile stand-in-").append(p.getKey()).append("]\n")
            .append("aws_access_key_id = ").append(key).append('\n')
            .append("aws_secret_access_key = ").append(fixtures.resolve(new SecretRef.Local("access-keys/" + key), key)).append('\n')
            .append("aws_session_token = ").append(fixtures.resolve(new SecretRef.Local("access-keys/" + key + "/session-token"), key))
            .append('\n');
      }
    } catch (SecretResolver.SecretException e) {
      throw new IllegalStateException("the deployed workspace lacks a fixture the stand-in answers with: " + e.getMessage(), e);
    }
    ProfileFile file = ProfileFile.builder().content(config.toString()).type(ProfileFile.Type.CONFIGURATION).build();
    return new Machine(env::get, AwsProfiles.of(file, null));
  }

  @Override
  public void close() {
    for (TlsRelay r : relays) {
      try {
        r.close();
      } catch (IOException e) {
        // a loopback socket already gone
      }
    }
    world.close();
  }
}
