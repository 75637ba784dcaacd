package dev.portcullis.engine.rules;

import static dev.portcullis.engine.rules.PipelineFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.engine.handler.HandlerWorkers;
import dev.portcullis.engine.handler.Runtimes;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Ruling.Outcome.Denied;
import dev.portcullis.engine.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code handler} kind: the user's own Node.js and Python authoriser code in warm workers, judged
 * as API Gateway judges a Lambda authoriser's answer (spec §4.2, §4.5). Skipped, with the reason, when
 * the machine lacks node or python3 (CI has both).
 */
class HandlerLambdaTest {
  private final MutableClock clock = new MutableClock(START);
  private HandlerWorkers workers = HandlerWorkers.create();
  private Pipeline pipeline;
  @TempDir Path tmp;

  @AfterEach
  void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
    workers.close();
  }

  private void needs(Runtimes.Family family) {
    Runtimes.Lookup found = workers.runtimes().find(family);
    assumeTrue(found instanceof Runtimes.Found, () -> ((Runtimes.Missing) found).message());
  }

  private static Path resource(String folder) {
    return HandlerFixtures.handlerFolder(folder);
  }

  /** The demo, with the partner route's authoriser running {@code function} instead of its rules. */
  private Gateway demoWith(LambdaFunction function) {
    Workspace ws = HandlerFixtures.demoWithPartnerFunction(function);
    pipeline = Pipeline.builder(ws).clock(clock).requestIds(numberedIds()).handlerWorkers(workers).build();
    return gateway(ws, "payments");
  }

  private Ruling partner(Gateway gw, String key) {
    return pipeline.decide(withBody(clock, "POST", "/prod/partners/acme/transactions", "{\"amount\": 1250}",
        "x-api-key", key, "content-type", "application/json"), gw);
  }

  /** One REST or HTTP route behind a REQUEST authoriser running {@code function}, no caching. */
  private Ruling single(LambdaFunction function, Gateway.Flavor flavor, boolean simple, String... headers) {
    String source = flavor == Gateway.Flavor.REST ? "method.request.header.Authorization" : "$request.header.Authorization";
    String format = flavor == Gateway.Flavor.REST ? null : "2.0";
    Authorizer auth = new Authorizer.Lambda("mine", Authorizer.LambdaType.REQUEST, List.of(source), null, 0, format,
        simple, function);
    Route route = new Route("GET", "/things/{id}", Route.AuthorizationType.CUSTOM, "mine", null, false,
        new Integration.Echo(format), null);
    Gateway gw = new Gateway("g", flavor, "eu-west-1", "111122223333", "api1", null, null, 0, null, List.of(route),
        List.of(auth), null, null);
    if (pipeline == null) {
      Workspace ws = new Workspace(1, "w", null, null, null, List.of(gw), null, null, null, null, demo().emulator());
      pipeline = Pipeline.builder(ws).clock(clock).requestIds(numberedIds()).handlerWorkers(workers).build();
    }
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = "token-1";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return pipeline.decide(request(clock, "GET", flavor == Gateway.Flavor.REST ? "/prod/things/7" : "/things/7", all), gw);
  }

  private LambdaFunction.Handler node(String code, int timeoutSeconds) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("node-" + Math.abs(code.hashCode())));
    Files.writeString(dir.resolve("index.js"), code);
    return new LambdaFunction.Handler("mine-fn", "nodejs20.x", dir.toString(), "index.handler", Map.of(), timeoutSeconds, 128);
  }

  private static final String ALLOW_ALL = "{ principalId: 'u1', policyDocument: { Version: '2012-10-17', Statement: "
      + "[{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: 'arn:aws:execute-api:*:*:api1/*' }] } }";

  @SuppressWarnings("unchecked")
  private static Map<String, Object> authorizer(Ruling ruling) {
    return (Map<String, Object>) ((Map<String, Object>) ruling.integrationEvent().get("requestContext")).get("authorizer");
  }

  private static String evidence(Ruling ruling, String check) {
    return ruling.check(check).orElseThrow().evidence();
  }

  private static Denied denied(Ruling ruling) {
    assertThat(ruling.outcome()).isInstanceOf(Denied.class);
    return (Denied) ruling.outcome();
  }

  @Test
  @DisplayName("spec §4.2, §4.4: the seed's Node handler lets acme in; tenantId reaches the integration, console in the ruling")
  void seedNodeHandlerAllowsAcme() {
    needs(Runtimes.Family.NODEJS);
    Gateway gw = demoWith(new LambdaFunction.Handler("partner-gate", "nodejs20.x", resource("seed-node").toString(),
        "index.handler", Map.of(), 3, 128));
    Ruling ruling = partner(gw, ACME_KEY);
    assertThat(ruling.allowed()).isTrue();
    assertThat(authorizer(ruling)).containsEntry("principalId", "acme-001").containsEntry("tenantId", "acme-001")
        .containsEntry("plan", "gold");
    String run = evidence(ruling, "lambda.handler");
    assertThat(run).contains("ran under Node.js v").contains("declared nodejs20.x").contains("cold start: worker started in")
        .contains("\"methodArn\":\"arn:aws:execute-api:us-east-1:111122223333:pay1local/prod/POST/partners/acme/transactions")
        .contains("\"x-api-key\":\"loca****c3d4\"").doesNotContain(ACME_KEY);
    assertThat(evidence(ruling, "lambda.function")).contains("[function output: tenant acme-001 plan gold");
    assertThat(ruling.check("lambda.policy").orElseThrow().passed()).isTrue();
  }

  @Test
  @DisplayName("spec §1.2, §4.2: the seed's Node handler denies globex's revoked key with 403; the key it logs is masked")
  void seedNodeHandlerDeniesRevokedKey() {
    needs(Runtimes.Family.NODEJS);
    Gateway gw = demoWith(new LambdaFunction.Handler("partner-gate", "nodejs20.x", resource("seed-node").toString(),
        "index.handler", Map.of(), 3, 128));
    Ruling ruling = partner(gw, GLOBEX_KEY);
    Denied d = denied(ruling);
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
    assertThat(evidence(ruling, "lambda.function")).contains("revoked key loca****e4d3");
    assertThat(ruling.toJsonString()).doesNotContain(GLOBEX_KEY);
  }

  @Test
  @DisplayName("spec §4.2: the seed's handler throws Error('Unauthorized') for an unknown key: 401, not 500")
  void seedNodeHandlerUnknownKeyIs401() {
    needs(Runtimes.Family.NODEJS);
    Gateway gw = demoWith(new LambdaFunction.Handler("partner-gate", "nodejs20.x", resource("seed-node").toString(),
        "index.handler", Map.of(), 3, 128));
    Ruling ruling = partner(gw, HOOLI_KEY);
    Denied d = denied(ruling);
    assertThat(d.status()).isEqualTo(401);
    assertThat(d.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    // the stack trace names the handler's file relative to the working directory, not by this machine's folders
    Path code = resource("seed-node");
    assertThat(evidence(ruling, "lambda.function")).contains("at exports.handler (")
        .contains(Path.of("").toAbsolutePath().relativize(code).resolve("index.js").toString())
        .doesNotContain(code.toString());
  }

  @Test
  @DisplayName("spec §4.2, §4.4: the Python handler makes the same decisions; print output and context reach the ruling")
  void seedPythonHandler() {
    needs(Runtimes.Family.PYTHON);
    Gateway gw = demoWith(new LambdaFunction.Handler("partner-gate", "python3.12", resource("seed-python").toString(),
        "app.lambda_handler", Map.of(), 3, 128));
    Ruling acme = partner(gw, ACME_KEY);
    assertThat(acme.allowed()).isTrue();
    assertThat(authorizer(acme)).containsEntry("principalId", "acme-001").containsEntry("tenantId", "acme-001");
    assertThat(evidence(acme, "lambda.handler")).contains("ran under Python 3.").contains("cold start");
    assertThat(evidence(acme, "lambda.function")).containsPattern("tenant acme-001 call 1 request [0-9a-f-]{36} left True")
        .containsPattern("\\[INFO]\\t\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\t[0-9a-f-]{36}\\tallowing acme-001");
    Ruling globex = partner(gw, GLOBEX_KEY);
    assertThat(denied(globex).status()).isEqualTo(403);
    assertThat(evidence(globex, "lambda.handler")).contains("warm start");
    assertThat(denied(partner(gw, HOOLI_KEY)).status()).isEqualTo(401);
    assertThat(globex.toJsonString()).doesNotContain(GLOBEX_KEY);
    clock.advance(java.time.Duration.ofSeconds(301)); // past the demo's 300 s authoriser cache, so acme invokes again
    assertThat(evidence(partner(gw, ACME_KEY), "lambda.function")).as("module state survives in Python too")
        .contains("tenant acme-001 call 4");
  }

  @Test
  @DisplayName("Lambda reuse: the second call is warm and sees the module state the first left; the first pays the cold start")
  void coldThenWarm() throws IOException {
    needs(Runtimes.Family.NODEJS);
    LambdaFunction.Handler fn = node("let calls = 0;\nexports.handler = async (event, context) => { calls++; "
        + "console.log('call', calls, context.functionName, context.awsRequestId, context.getRemainingTimeInMillis() > 0,"
        + " context.callbackWaitsForEmptyEventLoop);\n return { ...(" + ALLOW_ALL + "), context: { calls } }; };", 3);
    Ruling first = single(fn, Gateway.Flavor.REST, false);
    Ruling second = single(fn, Gateway.Flavor.REST, false);
    assertThat(authorizer(first)).containsEntry("calls", "1");
    assertThat(authorizer(second)).containsEntry("calls", "2");
    assertThat(evidence(first, "lambda.handler")).contains("cold start: worker started in");
    assertThat(evidence(second, "lambda.handler")).contains("warm start (the worker and its module state were reused)")
        .doesNotContain("cold start");
    assertThat(evidence(first, "lambda.function")).containsPattern("call 1 mine-fn [0-9a-f-]{36} true true");
    assertThat(workers.pids()).hasSize(1);
  }

  @Test
  @DisplayName("spec §4.2: a worker that crashes gives 500; the next call starts a new worker and says so")
  void crashRestarts() throws IOException {
    needs(Runtimes.Family.NODEJS);
    LambdaFunction.Handler fn = node("exports.handler = async (event) => { if (event.headers['x-crash']) { "
        + "console.error('going down'); process.exit(3); } return " + ALLOW_ALL + "; };", 3);
    Ruling crashed = single(fn, Gateway.Flavor.REST, false, "x-crash", "yes");
    Denied d = denied(crashed);
    assertThat(d.status()).isEqualTo(500);
    assertThat(d.errorType()).isEqualTo("AuthorizerConfigurationException");
    assertThat(evidence(crashed, "lambda.function")).contains("crashed: the worker process exited with status 3")
        .contains("[stderr] going down");
    Ruling next = single(fn, Gateway.Flavor.REST, false);
    assertThat(next.allowed()).isTrue();
    assertThat(evidence(next, "lambda.handler")).contains("the previous worker crashed")
        .contains("started a new worker").contains("cold start");
  }

  @Test
  @DisplayName("spec §4.2: a handler sleeping past its timeout gives 500 with the timeout named; the worker is replaced")
  void timeout() throws IOException {
    needs(Runtimes.Family.NODEJS);
    LambdaFunction.Handler fn = node("exports.handler = async (event) => { console.log('waiting'); "
        + "if (event.headers['x-sleep']) await new Promise(r => setTimeout(r, 5000)); return " + ALLOW_ALL + "; };", 1);
    Ruling slow = single(fn, Gateway.Flavor.REST, false, "x-sleep", "yes");
    Denied d = denied(slow);
    assertThat(d.status()).isEqualTo(500);
    assertThat(d.body()).isEqualTo("{\"message\":null}");
    assertThat(evidence(slow, "lambda.function")).contains("timed out after 1000 ms")
        .contains("Task timed out after 1.00 seconds").contains("[function output: waiting");
    assertThat(slow.check("lambda.handler").orElseThrow().passed()).isFalse();
    Ruling next = single(fn, Gateway.Flavor.REST, false);
    assertThat(next.allowed()).isTrue();
    assertThat(evidence(next, "lambda.handler")).contains("killed when a call ran past its 1000 ms timeout");
  }

  @Test
  @DisplayName("spec §4.2: a REST context value that is an object ({nested: {}}) gives 500 as on AWS")
  void nestedContextIs500() throws IOException {
    needs(Runtimes.Family.NODEJS);
    Ruling ruling = single(node("exports.handler = async () => ({ ...(" + ALLOW_ALL + "), context: { nested: {} } });", 3),
        Gateway.Flavor.REST, false);
    Denied d = denied(ruling);
    assertThat(d.status()).isEqualTo(500);
    assertThat(d.errorType()).isEqualTo("AuthorizerConfigurationException");
    assertThat(evidence(ruling, "lambda.policy")).contains("context value 'nested' is an object or array");
  }

  @Test
  @DisplayName("spec §4.2: callback('Unauthorized') is 401; callback(new Error('boom')) is 500")
  void callbackStyle() throws IOException {
    needs(Runtimes.Family.NODEJS);
    LambdaFunction.Handler fn = node("exports.handler = (event, context, callback) => { setTimeout(() => "
        + "event.headers['x-boom'] ? callback(new Error('boom')) : callback('Unauthorized'), 5); };", 3);
    Denied unauthorized = denied(single(fn, Gateway.Flavor.REST, false));
    assertThat(unauthorized.status()).isEqualTo(401);
    assertThat(unauthorized.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    Ruling boom = single(fn, Gateway.Flavor.REST, false, "x-boom", "1");
    assertThat(denied(boom).status()).isEqualTo(500);
    assertThat(evidence(boom, "lambda.function")).contains("raised \"boom\"").contains("index.js:1")
        .doesNotContain("portcullis-bootstrap");
  }

  @Test
  @DisplayName("spec §4.2: throw new Error('Unauthorized') from an async handler is 401")
  void thrownUnauthorized() throws IOException {
    needs(Runtimes.Family.NODEJS);
    Ruling ruling = single(node("exports.handler = async () => { throw new Error('Unauthorized'); };", 3),
        Gateway.Flavor.REST, false);
    assertThat(denied(ruling).status()).isEqualTo(401);
    assertThat(evidence(ruling, "lambda.handler")).contains("raised Error: Unauthorized");
  }

  @Test
  @DisplayName("spec §4.5: a simple response needs a boolean isAuthorized; true lets through with the context's JSON types")
  void simpleResponses() throws IOException {
    needs(Runtimes.Family.NODEJS);
    LambdaFunction.Handler fn = node("exports.handler = async (event) => event.headers['x-bad'] "
        + "? { isAuthorized: 'yes' } : { isAuthorized: true, context: { tier: 3, tags: ['a'] } };", 3);
    Ruling ok = single(fn, Gateway.Flavor.HTTP, true);
    assertThat(ok.allowed()).isTrue();
    assertThat(authorizer(ok)).isEqualTo(Map.of("lambda", Map.of("tier", 3, "tags", List.of("a"))));
    assertThat(evidence(ok, "lambda.handler")).contains("\"version\":\"2.0\"").contains("\"routeArn\"");
    Ruling bad = single(fn, Gateway.Flavor.HTTP, true, "x-bad", "1");
    assertThat(denied(bad).status()).isEqualTo(500);
    assertThat(evidence(bad, "lambda.policy")).contains("needs a boolean isAuthorized");
  }

  @Test
  @DisplayName("environment variables are secret references: resolved into the worker, masked when printed")
  void environmentFromSecretReferences() throws IOException {
    needs(Runtimes.Family.NODEJS);
    Path dir = Files.createDirectories(tmp.resolve("env"));
    Files.writeString(dir.resolve("index.js"), "exports.handler = async () => { console.log('key is', process.env.PARTNER_KEY); "
        + "return { ...(" + ALLOW_ALL + "), context: { table: process.env.TABLE, region: process.env.AWS_REGION, "
        + "home: process.env.PORTCULLIS_SHOULD_NOT_LEAK || 'none' } }; };");
    LambdaFunction.Handler fn = new LambdaFunction.Handler(null, "nodejs", dir.toString(), "index.handler",
        Map.of("PARTNER_KEY", SecretRef.parse("local:api-keys/acme"), "TABLE", SecretRef.parse("tenants")), 3, 128);
    Ruling ruling = single(fn, Gateway.Flavor.REST, false);
    assertThat(authorizer(ruling)).containsEntry("table", "tenants").containsEntry("region", "eu-west-1")
        .containsEntry("home", "none");
    assertThat(evidence(ruling, "lambda.function")).contains("key is loca****c3d4").doesNotContain(ACME_KEY);
    assertThat(evidence(ruling, "lambda.handler")).contains("function 'local-index'");
  }

  @Test
  @DisplayName("a Python handler that raises Exception('Unauthorized') is 401; a module that fails to import is 500 and says why")
  void pythonErrors() throws IOException {
    needs(Runtimes.Family.PYTHON);
    Path dir = Files.createDirectories(tmp.resolve("py"));
    Files.writeString(dir.resolve("app.py"), "def lambda_handler(event, context):\n    raise Exception('Unauthorized')\n");
    Files.writeString(dir.resolve("broken.py"), "import no_such_module_here\n");
    Ruling unauthorized = single(new LambdaFunction.Handler(null, "python", dir.toString(), "app.lambda_handler", null, 3, 128),
        Gateway.Flavor.REST, false);
    assertThat(denied(unauthorized).status()).isEqualTo(401);
    Ruling broken = single(new LambdaFunction.Handler(null, "python", dir.toString(), "broken.lambda_handler", null, 3, 128),
        Gateway.Flavor.REST, false);
    assertThat(denied(broken).status()).isEqualTo(500);
    assertThat(evidence(broken, "lambda.function")).contains("did not run: the handler's module did not load")
        .contains("Runtime.ImportModuleError").contains("no_such_module_here");
    assertThat(Files.exists(dir.resolve("__pycache__"))).isFalse();
    Files.writeString(dir.resolve("slow.py"), "import time\n\ndef lambda_handler(event, context):\n    print('sleeping')\n"
        + "    time.sleep(5)\n");
    Ruling slow = single(new LambdaFunction.Handler(null, "python", dir.toString(), "slow.lambda_handler", null, 1, 128),
        Gateway.Flavor.REST, false);
    assertThat(denied(slow).status()).isEqualTo(500);
    assertThat(evidence(slow, "lambda.function")).contains("timed out after 1000 ms").contains("[function output: sleeping");
  }

  @Test
  @DisplayName("spec §4.2: Node missing from the machine: 500, and the evidence says which runtime and how to install it")
  void missingRuntime() throws IOException {
    workers.close();
    workers = HandlerWorkers.create(Runtimes.using(Map.of(Runtimes.Family.NODEJS, "node-is-not-installed-here")),
        System::nanoTime, () -> "id-1");
    Ruling ruling = single(node("exports.handler = async () => ({});", 3), Gateway.Flavor.REST, false);
    assertThat(denied(ruling).status()).isEqualTo(500);
    assertThat(evidence(ruling, "lambda.function")).contains("Node.js is needed to run this handler and was not found")
        .contains("no 'node-is-not-installed-here' on the PATH").contains("install Node.js 18 or later");
  }

  @Test
  @DisplayName("ES modules load too: an .mjs handler, and a .js one in a \"type\": \"module\" package")
  void esModules() throws IOException {
    needs(Runtimes.Family.NODEJS);
    Path mjs = Files.createDirectories(tmp.resolve("mjs"));
    Files.writeString(mjs.resolve("index.mjs"), "export const handler = async () => (" + ALLOW_ALL + ");");
    assertThat(single(new LambdaFunction.Handler(null, "nodejs", mjs.toString(), "index.handler", null, 3, 128),
        Gateway.Flavor.REST, false).allowed()).isTrue();
    Path typed = Files.createDirectories(tmp.resolve("typed/src"));
    Files.writeString(typed.getParent().resolve("package.json"), "{\"type\": \"module\"}");
    Files.writeString(typed.resolve("app.js"), "export const handler = async () => (" + ALLOW_ALL + ");");
    assertThat(single(new LambdaFunction.Handler(null, "nodejs", typed.getParent().toString(), "src/app.handler", null, 3,
        128), Gateway.Flavor.REST, false).allowed()).isTrue();
  }

  @Test
  @DisplayName("an edited handler runs as edited on the next call (new worker, said so); an edited function stops the old worker")
  void editedCodeAndConfiguration() throws IOException, InterruptedException {
    needs(Runtimes.Family.NODEJS);
    Path dir = Files.createDirectories(tmp.resolve("edited"));
    Files.writeString(dir.resolve("index.js"), "exports.handler = async () => ({ ...(" + ALLOW_ALL + "), context: { v: 1 } });");
    LambdaFunction.Handler fn = new LambdaFunction.Handler(null, "nodejs", dir.toString(), "index.handler", null, 3, 128);
    assertThat(authorizer(single(fn, Gateway.Flavor.REST, false))).containsEntry("v", "1");
    Thread.sleep(20);
    Files.writeString(dir.resolve("index.js"), "exports.handler = async () => ({ ...(" + ALLOW_ALL + "), context: { v: 22 } });");
    Ruling edited = single(fn, Gateway.Flavor.REST, false);
    assertThat(authorizer(edited)).containsEntry("v", "22");
    assertThat(evidence(edited, "lambda.handler")).contains("changed since the worker started").contains("cold start");
    List<Long> before = workers.pids();
    LambdaFunction.Handler longer = new LambdaFunction.Handler(null, "nodejs", dir.toString(), "index.handler", null, 5, 128);
    assertThat(single(longer, Gateway.Flavor.REST, false).allowed()).isTrue();
    assertThat(workers.pids()).hasSize(1).doesNotContainAnyElementsOf(before);
  }

  @Test
  @DisplayName("spec §4.2: a non-async handler that returns without the callback answers null on Lambda: 500, with a hint")
  void syncReturnIsIgnored() throws IOException {
    needs(Runtimes.Family.NODEJS);
    Ruling ruling = single(node("exports.handler = (event) => (" + ALLOW_ALL + ");", 3), Gateway.Flavor.REST, false);
    assertThat(denied(ruling).status()).isEqualTo(500);
    assertThat(evidence(ruling, "lambda.function")).contains("the handler returned null")
        .contains("neither async nor takes a callback");
  }

  @Test
  @DisplayName("Lambda's Node.js model: a callback answers once the event loop is empty (callbackWaitsForEmptyEventLoop true)")
  void callbackWaitsForTheEventLoopByDefault() throws IOException {
    needs(Runtimes.Family.NODEJS);
    Ruling ruling = single(node("exports.handler = (event, context, callback) => { setTimeout(() => console.log('timer ran'), 30); "
        + "callback(null, " + ALLOW_ALL + "); };", 3), Gateway.Flavor.REST, false);
    assertThat(ruling.allowed()).isTrue();
    assertThat(evidence(ruling, "lambda.function")).contains("callbackWaitsForEmptyEventLoop is true), and still pending: Timeout")
        .contains("timer ran");
  }

  @Test
  @DisplayName("Lambda's Node.js model: callbackWaitsForEmptyEventLoop false answers at once, with a timer still pending")
  void callbackWaitsForEmptyEventLoopFalseAnswersAtOnce() throws IOException {
    needs(Runtimes.Family.NODEJS);
    String code = "exports.handler = (event, context, callback) => { context.callbackWaitsForEmptyEventLoop = !event.headers['x-wait']"
        + " ? false : true; setTimeout(() => console.log('an hour later'), 3600000); callback(null, " + ALLOW_ALL + "); };";
    Ruling early = single(node(code, 1), Gateway.Flavor.REST, false);
    assertThat(early.allowed()).as("answered before its 1 s timeout, the hour-long timer left running").isTrue();
    assertThat(evidence(early, "lambda.function")).doesNotContain("an hour later").doesNotContain("still pending");
    Ruling waiting = single(node(code, 1), Gateway.Flavor.REST, false, "x-wait", "1");
    assertThat(denied(waiting).status()).as("spec §4.2: the same callback waiting for that timer times out: 500").isEqualTo(500);
    assertThat(evidence(waiting, "lambda.function")).contains("timed out after 1000 ms").contains("still pending: Timeout");
  }

  @Test
  @DisplayName("spec §4.2: a Python handler allocating past its MemorySize fails (500) and its worker is replaced, as on Lambda")
  void pythonMemoryLimit() throws IOException {
    needs(Runtimes.Family.PYTHON);
    assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"), "RLIMIT_AS is enforced on Linux");
    Path dir = Files.createDirectories(tmp.resolve("py-memory"));
    Files.writeString(dir.resolve("app.py"), "def handler(event, context):\n"
        + "    if event['headers'].get('x-big'):\n        hog = bytearray(400 * 1024 * 1024)\n"
        + "    return {'principalId': 'u', 'policyDocument': {'Version': '2012-10-17', 'Statement': [{'Action': "
        + "'execute-api:Invoke', 'Effect': 'Allow', 'Resource': 'arn:aws:execute-api:*:*:api1/*'}]}}\n");
    LambdaFunction.Handler fn = new LambdaFunction.Handler("hog", "python3.12", dir.toString(), "app.handler", Map.of(), 3, 128);
    Ruling small = single(fn, Gateway.Flavor.REST, false);
    assertThat(small.allowed()).isTrue();
    assertThat(evidence(small, "lambda.handler")).contains("memory 128 MB (enforced: address space capped at the interpreter's own");
    Ruling big = single(fn, Gateway.Flavor.REST, false, "x-big", "1");
    assertThat(denied(big).status()).isEqualTo(500);
    assertThat(evidence(big, "lambda.function")).contains("the handler needed more than the function's 128 MB");
    assertThat(evidence(single(fn, Gateway.Flavor.REST, false), "lambda.handler")).contains("cold start");
  }
}
