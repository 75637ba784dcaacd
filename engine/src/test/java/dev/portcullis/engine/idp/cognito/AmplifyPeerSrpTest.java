package dev.portcullis.engine.idp.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.engine.identity.cognito.CognitoSrpClient;
import dev.portcullis.engine.identity.cognito.CognitoTimestamp;
import dev.portcullis.engine.identity.cognito.FixedRandom;
import dev.portcullis.engine.identity.cognito.PasswordClaim;
import dev.portcullis.engine.identity.cognito.PasswordVerifierChallenge;
import dev.portcullis.engine.idp.cognito.SrpRoundTripTest.RandomLogin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An independent peer: amazon-cognito-identity-js (the AWS-published client) logs in through its
 * own CognitoUser code against challenges from our server; our server must verify it, and our
 * client, given the same a and time, must produce the same numbers. The oracles README reports
 * independent implementations disagreeing on ~7 in 1500 logins, hence 1000 of them.
 *
 * <p>Needs Node and {@code npm ci --prefix engine/src/test/node}; skipped with that reason otherwise.
 * The library's pure-JS big integers take ~170 ms a login, so this runs about 1.5 min on two
 * cores; {@code -Dportcullis.srp.peerLogins=N} shortens it locally.
 */
@Tag("peer")
class AmplifyPeerSrpTest {

  private static final int LOGINS = Integer.getInteger("portcullis.srp.peerLogins", 1000);
  private static final int WRONG_PASSWORD_EVERY = 4;
  private static final ObjectMapper JSON = new ObjectMapper();
  // verify() draws no randomness; the seed only satisfies create().
  private static final CognitoSrpServer VERIFIER = CognitoSrpServer.create(new SplittableRandom(0));

  private static final Path PEER_DIRECTORY =
      Path.of(System.getProperty("portcullis.root", ".."), "engine", "src", "test", "node");

  // In @BeforeEach rather than @BeforeAll: surefire counts an aborted @BeforeAll as no test at all,
  // where this way the report shows one skipped test with the reason.
  @BeforeEach
  void requireNodePeer() {
    assumeTrue(Files.isRegularFile(PEER_DIRECTORY.resolve("srp-peer.js")),
        "SRP peer script not found at " + PEER_DIRECTORY.toAbsolutePath());
    assumeTrue(nodeVersion() != null, "node is not on PATH; install Node 20+ to run the amazon-cognito-identity-js peer");
    assumeTrue(Files.isDirectory(PEER_DIRECTORY.resolve("node_modules/amazon-cognito-identity-js")),
        "amazon-cognito-identity-js is not installed; run: npm ci --prefix engine/src/test/node");
  }

  @Test
  @DisplayName("spec §9.4: 1000 random logins of amazon-cognito-identity-js verify on our server, and our client computes the same numbers")
  void peerLoginsVerifyAndOurClientAgrees() {
    long[] seeds = new SplittableRandom(61_238L).longs(LOGINS).toArray();
    List<PeerCase> cases = IntStream.range(0, LOGINS)
        .mapToObj(i -> PeerCase.draw(new SplittableRandom(seeds[i]), i % WRONG_PASSWORD_EVERY == 0))
        .toList();

    List<JsonNode> answers = runPeer(cases);

    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      cases.get(i).check(answers.get(i), mismatches);
    }
    assertThat(mismatches).isEmpty();
    if (LOGINS >= 1000) {
      // Padding is only exercised if B with a leading zero byte came up (~1 in 256 logins); a
      // shortened local run may legitimately miss it.
      assertThat(cases).filteredOn(c -> c.ephemeral().srpBHex().length() < 768).isNotEmpty();
    }
  }

  /** One login: our server's side, the peer's private a, and the password the peer is given. */
  record PeerCase(RandomLogin login, SrpCredential credential, ServerEphemeral ephemeral, String a, boolean wrong) {

    static PeerCase draw(SplittableRandom random, boolean wrong) {
      RandomLogin login = RandomLogin.draw(random);
      CognitoSrpServer server = CognitoSrpServer.create(random.split());
      SrpCredential credential = server.enroll(login.poolName(), login.userIdForSrp(), login.password());
      byte[] a = new byte[128];
      random.nextBytes(a);
      return new PeerCase(login, credential, server.challenge(credential), HexFormat.of().formatHex(a), wrong);
    }

    String peerPassword() {
      return wrong ? login.wrongPassword() : login.password();
    }

    String input() throws IOException {
      return JSON.writeValueAsString(Map.of("poolName", login.poolName(), "username", login.userIdForSrp(),
          "password", peerPassword(), "a", a, "salt", credential.salt(), "srpB", ephemeral.srpBHex(),
          "secretBlock", login.secretBlock(), "epochMillis", login.now().toEpochMilli()));
    }

    void check(JsonNode peer, List<String> mismatches) {
      if (peer.has("error")) {
        mismatches.add(this + ": peer failed: " + peer.get("error").asText());
        return;
      }
      var challenge = new PasswordVerifierChallenge(login.poolName(), login.userIdForSrp(), ephemeral.srpBHex(),
          credential.salt(), login.secretBlock());
      var ours = CognitoSrpClient.create(FixedRandom.ofHex(a), Clock.fixed(login.now(), ZoneOffset.UTC)).begin();
      PasswordClaim ourClaim = ours.respond(challenge, peerPassword());
      expect(mismatches, "SRP_A", ours.srpA(), peer.path("srpA").asText());
      expect(mismatches, "TIMESTAMP", CognitoTimestamp.format(login.now()), peer.path("timestamp").asText());
      expect(mismatches, "PASSWORD_CLAIM_SIGNATURE", ourClaim.signature(), peer.path("signature").asText());
      expect(mismatches, "USERNAME", login.userIdForSrp(), peer.path("username").asText());
      ClaimVerdict verdict = VERIFIER.verify(credential, ephemeral,
          new ClaimToVerify(peer.path("srpA").asText(), peer.path("secretBlock").asText(),
              peer.path("timestamp").asText(), peer.path("signature").asText()));
      if (verdict.verified() == wrong) {
        mismatches.add(this + ": server said " + verdict + " to a " + (wrong ? "wrong" : "right") + " password");
      }
    }

    private void expect(List<String> mismatches, String what, String ours, String peers) {
      if (!ours.equals(peers)) {
        mismatches.add(this + ": " + what + " differs: ours " + ours + ", peer " + peers);
      }
    }
  }

  /**
   * Runs the peer in up to two Node processes (it is CPU-bound), keeping the answers in input order.
   * Threads are our own, not the common pool: on two cores that has one worker, and a reader blocked
   * on one process would starve the writer feeding it.
   */
  private static List<JsonNode> runPeer(List<PeerCase> cases) {
    int processes = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    int chunk = (cases.size() + processes - 1) / processes;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<CompletableFuture<List<JsonNode>>> runs = new ArrayList<>();
      for (int from = 0; from < cases.size(); from += chunk) {
        List<PeerCase> part = cases.subList(from, Math.min(cases.size(), from + chunk));
        runs.add(CompletableFuture.supplyAsync(() -> runPeerProcess(part, threads), threads));
      }
      return runs.stream().flatMap(run -> run.join().stream()).toList();
    }
  }

  private static List<JsonNode> runPeerProcess(List<PeerCase> cases, ExecutorService threads) {
    try {
      Process node = new ProcessBuilder("node", "srp-peer.js").directory(PEER_DIRECTORY.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> feed(node, cases), threads);
      List<JsonNode> answers = new ArrayList<>();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          answers.add(JSON.readTree(line));
        }
      }
      feeding.join();
      assertThat(node.waitFor(10, TimeUnit.MINUTES)).as("node srp-peer.js finished").isTrue();
      assertThat(answers).as("answers from node srp-peer.js (exit %d)", node.exitValue()).hasSize(cases.size());
      return answers;
    } catch (IOException e) {
      throw new UncheckedIOException("Running node srp-peer.js in " + PEER_DIRECTORY.toAbsolutePath(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted waiting for node srp-peer.js", e);
    }
  }

  private static void feed(Process node, List<PeerCase> cases) {
    try (Writer in = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
      for (PeerCase c : cases) {
        in.write(c.input());
        in.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Writing logins to node srp-peer.js", e);
    }
  }

  private static String nodeVersion() {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0 ? version : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
