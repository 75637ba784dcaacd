package dev.portcullis.bench;

import dev.portcullis.engine.gateway.RulingLog;
import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.idp.LocalIdentityProviders;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rule book's decision time ({@link Pipeline#decide}) for one allowed request per authoriser
 * kind of the demo. SampleTime gives the average and the percentiles (p99 is what the issue asks).
 *
 * <p>The whole decision is measured, integration included (the demo routes echo the request, so the
 * proxy event is built and rendered), because that is what the gateway does per request. Keys come
 * from the local identity providers over HTTP once, then from the JWKS cache, as in the gateway.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 3, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class DecisionBenchmark {
  private final Clock clock = Clock.systemUTC();
  private LocalIdentityProviders idps;
  private Pipeline pipeline;
  private Pipeline uncachedLambda;
  private Gateway payments;
  private Gateway b2b;
  private Gateway paymentsUncached;
  private HeaderList jwtHeaders;
  private HeaderList cognitoHeaders;
  private HeaderList lambdaHeaders;
  private OutgoingRequest sigv4;
  private final RulingLog log = new RulingLog(32L * 1024 * 1024);

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Workspace demo = DemoWorkspace.load();
    idps = LocalIdentityProviders.builder(demo.emulator(), clock, new SecureRandom()).port(0).start();
    Map<String, String> runtime = Map.of("idpBaseUrl", idps.baseUrl().toString());
    Workspace unthrottled = variant(false);
    pipeline = Pipeline.builder(unthrottled).clock(clock).runtimeVariables(runtime).build();
    payments = unthrottled.gateways().get(0);
    b2b = unthrottled.gateways().get(1);
    Workspace noCache = variant(true);
    uncachedLambda = Pipeline.builder(noCache).clock(clock).runtimeVariables(runtime).build();
    paymentsUncached = noCache.gateways().get(0);

    jwtHeaders = HeaderList.of("Host", "127.0.0.1", "Content-Type", "application/json",
        "Authorization", "Bearer " + DemoRequests.bankToken(idps));
    cognitoHeaders = HeaderList.of("Host", "127.0.0.1", "Authorization", DemoRequests.bobAccessToken(idps));
    lambdaHeaders = HeaderList.of("Host", "127.0.0.1", "Content-Type", "application/json", "x-api-key", DemoRequests.ACME_KEY);
    // Signed once per trial: a trial lasts well under SigV4's 5-minute window.
    sigv4 = DemoRequests.signedRefresh(URI.create("http://127.0.0.1/prod/internal/refresh"), clock);
    requireAllowed(jwtRoute(), "JWT route");
    requireAllowed(sigv4Route(), "SigV4 route");
    requireAllowed(cognitoRoute(), "Cognito route");
    requireAllowed(lambdaRulesRoute(), "Lambda rules route (cached)");
    requireAllowed(lambdaRulesRouteUncached(), "Lambda rules route (uncached)");
  }

  /**
   * The demo with the partners plan unthrottled (its 100 req/s would answer 429 after the first
   * 200 calls, which measures the throttle, not the authoriser) and, for {@code noCache}, the Lambda
   * authoriser's result cache off so every call runs the rules.
   */
  private static Workspace variant(boolean noCache) throws Exception {
    String json;
    try (var in = DemoWorkspace.class.getResourceAsStream("/dev/portcullis/profiles/payments-demo.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    json = json.replaceAll("\"rateLimit\"\\s*:\\s*100(\\.0)?", "\"rateLimit\": 1000000000")
        .replaceAll("\"burstLimit\"\\s*:\\s*200", "\"burstLimit\": 1000000000")
        .replaceAll("\"limit\"\\s*:\\s*1000000", "\"limit\": 1000000000000");
    if (noCache) {
      json = json.replaceAll("\"ttlSeconds\"\\s*:\\s*300", "\"ttlSeconds\": 0");
    }
    return WorkspaceStore.create(Clock.systemUTC()).parse(DemoWorkspace.NAME, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void requireAllowed(Ruling ruling, String what) {
    if (!ruling.allowed()) {
      throw new IllegalStateException(what + " was not allowed: " + ruling.outcome().status() + " " + ruling.decidedBy());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    idps.close();
  }

  @Benchmark
  public Ruling jwtRoute() {
    return pipeline.decide(new IncomingRequest("POST", "/b2b/settlements", null, jwtHeaders, DemoRequests.SETTLEMENT,
        "127.0.0.1", clock.instant()), b2b);
  }

  /**
   * The JWT route as the gateway serves it, less the HTTP server: the decision, the answer's body encoded for the wire
   * and the ruling kept in a log of the gateway's size (32 MB, wrapping after about 10,000 requests).
   */
  @Benchmark
  public byte[] jwtRouteKept() {
    Ruling ruling = jwtRoute();
    byte[] answer = ruling.outcome().body().getBytes(StandardCharsets.UTF_8);
    log.add(ruling, answer);
    return answer;
  }

  @Benchmark
  public Ruling sigv4Route() {
    return pipeline.decide(new IncomingRequest("POST", sigv4.url().getRawPath(), sigv4.url().getRawQuery(), sigv4.headers(),
        sigv4.body(), "127.0.0.1", clock.instant()), payments);
  }

  @Benchmark
  public Ruling cognitoRoute() {
    return pipeline.decide(new IncomingRequest("GET", "/prod/me", null, cognitoHeaders, new byte[0], "127.0.0.1",
        clock.instant()), payments);
  }

  /** As the demo configures it: the authoriser's answer is cached for 300 s, so this is the cache hit. */
  @Benchmark
  public Ruling lambdaRulesRoute() {
    return pipeline.decide(new IncomingRequest("POST", "/prod/partners/acme/transactions", null, lambdaHeaders,
        DemoRequests.SETTLEMENT, "127.0.0.1", clock.instant()), payments);
  }

  /** The same route with the cache off: every call evaluates the rules and the returned policy. */
  @Benchmark
  public Ruling lambdaRulesRouteUncached() {
    return uncachedLambda.decide(new IncomingRequest("POST", "/prod/partners/acme/transactions", null, lambdaHeaders,
        DemoRequests.SETTLEMENT, "127.0.0.1", clock.instant()), paymentsUncached);
  }
}
