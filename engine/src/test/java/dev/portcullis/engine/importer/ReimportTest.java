package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.Expectation;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-importing a changed source updates gateways and routes and keeps what the user made; the report lists what changed. */
class ReimportTest {
  @TempDir Path dir;

  private Path source(String pets, String extraPath) throws Exception {
    Path f = dir.resolve("api.yaml");
    Files.writeString(f, """
        openapi: 3.0.1
        info: {title: shop}
        components:
          securitySchemes:
            gate:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authtype: custom
              x-amazon-apigateway-authorizer: {type: token, authorizerUri: arn:aws:lambda:fn, authorizerResultTtlInSeconds: 60}
        paths:
          /pets: {get: {security: %s}}
          /orders: {post: {security: [{gate: []}]}}
        %s
        """.formatted(pets, extraPath));
    return f;
  }

  @Test
  void keepsTheUsersWorkAndListsEveryChange() throws Exception {
    Workspace first = Importer.create().importFile(source("[{gate: []}]", "")).workspace();
    // what a user does after the first import: a caller of their own, an expectation, an environment, their real handler
    List<Caller> callers = new ArrayList<>(first.callers());
    callers.add(new Caller.ApiKey("acme", "my partner", new SecretRef.Env("ACME_KEY"), Map.of()));
    List<SavedRequest> requests = new ArrayList<>(first.requests());
    requests.add(new SavedRequest("orders as acme", null, null, "shop", "POST", "/orders", null, null, null, "acme", null, null,
        Expectation.status(401)));
    requests.add(new SavedRequest("old report", null, null, "shop", "GET", "/reports", null, null, null, null, null, null, null));
    List<Environment> environments = new ArrayList<>(first.environments());
    environments.add(new Environment("staging", Map.of("baseUrl.shop", "https://staging.example.com")));
    var gateway = first.gateways().get(0);
    var handler = new LambdaFunction.Command(List.of("node", "authorizer.js"), null, 5000);
    var authorizers = gateway.authorizers().stream().map(a -> a instanceof Authorizer.Lambda l && l.name().equals("gate")
        ? new Authorizer.Lambda(l.name(), l.eventType(), l.identitySources(), l.validationRegex(), l.ttlSeconds(), l.payloadFormat(),
            l.simpleResponses(), handler) : a).toList();
    var edited = new dev.portcullis.engine.model.Gateway(gateway.name(), gateway.flavor(), gateway.region(), gateway.accountId(), gateway.apiId(),
        gateway.stage(), gateway.baseUrl(), 9555, gateway.apiKeySource(), gateway.routes(), authorizers, gateway.usagePlans(), gateway.resourcePolicy());
    Workspace mine = new Workspace(first.schemaVersion(), first.name(), first.description(), first.variables(), first.defaultCaller(),
        List.of(edited), callers, first.folders(), requests, environments, first.emulator());

    // the source changes: /pets opens, /refunds appears, /orders stays
    ImportResult again = Importer.create().importInto(mine, source("[]", "  /refunds: {post: {security: [{gate: []}]}}"));
    Workspace merged = again.workspace();

    assertThat(merged.caller("acme")).isPresent();
    assertThat(merged.request("orders as acme")).hasValueSatisfying(r -> assertThat(r.expect().status()).isEqualTo(401));
    assertThat(merged.environment("staging")).isPresent();
    var g = merged.gateway("shop").orElseThrow();
    assertThat(g.localPort()).isEqualTo(9555);
    assertThat(g.authorizer("gate")).hasValueSatisfying(a -> assertThat(((Authorizer.Lambda) a).function()).isEqualTo(handler));
    assertThat(CorpusExpectations.routes(g)).containsEntry("GET /pets", "NONE").containsEntry("POST /refunds", "CUSTOM gate");
    assertThat(again.report().changes()).contains(
        "shop GET /pets: protection changed from CUSTOM gate to NONE",
        "shop POST /refunds: added (CUSTOM gate)",
        "shop authoriser gate: kept your command function",
        "request old report: kept, but its route GET /reports is no longer in shop",
        "request shop POST /refunds: added");
    assertThat(again.report().text()).contains("Changes:");
  }

  @Test
  void reimportingTheSameSourceSaysNothingChanged() throws Exception {
    Path src = source("[{gate: []}]", "");
    Workspace first = Importer.create().importFile(src).workspace();
    ImportResult again = Importer.create().importInto(first, src);
    assertThat(again.report().changes()).containsExactly("no changes: the source defines what the workspace already has");
    assertThat(again.workspace()).isEqualTo(first);
  }
}
