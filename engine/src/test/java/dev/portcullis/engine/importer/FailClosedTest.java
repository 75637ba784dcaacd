package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An importer never opens a protected route (import-facts §6: emulators imported protected routes
 * as NONE). What the source protects in a way the importer cannot read goes behind a deny-all
 * stand-in and is listed loudly; only what the source itself says is NONE is imported open.
 */
class FailClosedTest {
  @TempDir Path dir;

  @Test
  void unreadableProtectionIsImportedProtectedAndListedLoudly() throws Exception {
    Path f = dir.resolve("api.yaml");
    Files.writeString(f, """
        openapi: 3.0.1
        info: {title: shop}
        components:
          securitySchemes:
            oidc: {type: openIdConnect, openIdConnectUrl: https://id.example.com/.well-known/openid-configuration}
            sig: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
        paths:
          /a: {get: {security: [{oidc: []}]}}
          /b: {get: {security: [{ghost: []}]}}
          /c: {get: {security: [{NONE: []}]}}
          /d: {get: {security: []}}
          /e: {get: {security: [{sig: []}, {oidc: []}]}}
          /f: {get: {x-amazon-apigateway-auth: {type: CUSTOM}}}
          /g: {get: {}}
        """);
    ImportResult r = Importer.create().importFile(f);
    Gateway g = r.workspace().gateways().get(0);

    assertThat(CorpusExpectations.routes(g)).containsExactlyInAnyOrderEntriesOf(CorpusExpectations.map(
        "GET /a=CUSTOM unreadable-protection", "GET /b=CUSTOM unreadable-protection", "GET /c=NONE", "GET /d=NONE",
        "GET /e=CUSTOM unreadable-protection", "GET /f=CUSTOM unreadable-protection", "GET /g=NONE"));
    assertThat(r.report().unreadable()).extracting(ImportReport.UnreadableRoute::route)
        .containsExactlyInAnyOrder("GET /a", "GET /b", "GET /e", "GET /f");
    assertThat(r.report().unreadable()).filteredOn(u -> u.route().equals("GET /b")).singleElement()
        .satisfies(u -> assertThat(u.why()).contains("'ghost'").contains("does not define"));
    assertThat(r.report().text()).contains("!! 4 route(s) whose protection could not be read: imported as PROTECTED");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(g.authorizer(WorkspaceAssembler.UNREADABLE)).hasValueSatisfying(a ->
        assertThat(a).isInstanceOf(dev.portcullis.engine.model.Authorizer.Lambda.class));
    assertThat(g.routes()).filteredOn(rt -> rt.authorization() == Route.AuthorizationType.NONE)
        .extracting(Route::path).containsExactlyInAnyOrder("/c", "/d", "/g");
  }
}
