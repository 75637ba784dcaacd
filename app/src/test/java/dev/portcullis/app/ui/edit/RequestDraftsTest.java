package dev.portcullis.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.app.ui.DemoWorkspaces;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import org.junit.jupiter.api.Test;

class RequestDraftsTest {
  private final Workspace demo = DemoWorkspaces.demo();

  @Test
  void aRequestFromACognitoRouteWithScopesGoesAsTheUserASavedRequestProvesIsLetThrough() {
    SavedRequest r = RequestDrafts.fromRoute(demo, "payments", "GET /me");

    assertThat(r.name()).isEqualTo("GET /me");
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/me");
    assertThat(r.caller()).isEqualTo("bob"); // "me as bob" expects 200; alice lacks the scope
  }

  @Test
  void aSigV4RouteGetsAnIamRoleAndAnOpenRouteTheAnonymousCaller() {
    assertThat(RequestDrafts.fromRoute(demo, "payments", "POST /internal/refresh").caller()).isEqualTo("refresh-job");
    assertThat(RequestDrafts.fromRoute(demo, "payments", "GET /health").caller()).isEqualTo("anonymous");
  }

  @Test
  void pathParametersGetASampleValueAndAPostGetsAJsonBody() {
    SavedRequest r = RequestDrafts.fromRoute(demo, "payments", "POST /partners/{id}/transactions");

    assertThat(r.path()).isEqualTo("/partners/1/transactions");
    assertThat(r.headers()).containsEntry("content-type", "application/json");
    assertThat(r.body()).isEqualTo("{}");
    assertThat(r.caller()).isEqualTo("acme"); // a partner with an API key: the route requires one
  }

  @Test
  void aRouteWithoutAProvenCallerGetsTheFirstCallerOfAFittingKind() {
    Workspace without = new Workspace(demo.schemaVersion(), demo.name(), demo.description(), demo.variables(), demo.defaultCaller(),
        demo.gateways(), demo.callers(), demo.folders(), java.util.List.of(), demo.environments(), demo.emulator());

    // the first user of the pool who sends an access token (a method with scopes takes no ID token); alice-id sends an ID token
    assertThat(RequestDrafts.fromRoute(without, "payments", "GET /me").caller()).isEqualTo("alice");
    assertThat(RequestDrafts.fromRoute(without, "mobile", "POST /v2/internal/sync").caller()).isEqualTo("refresh-job");
  }

  @Test
  void anUnknownRouteIsASentence() {
    assertThatThrownBy(() -> RequestDrafts.fromRoute(demo, "payments", "DELETE /me")).hasMessage("API payments has no route DELETE /me");
  }

  @Test
  void aBlankRequestIsNamedSoItDoesNotClashAndGoesToTheFirstApi() {
    SavedRequest first = RequestDrafts.blank(demo, "mobile");
    Workspace with = WorkspaceEdits.put(demo, first.name(), first);

    assertThat(first.name()).isEqualTo("New request");
    assertThat(first.folder()).isEqualTo("mobile");
    assertThat(first.gateway()).isEqualTo("payments");
    assertThat(RequestDrafts.blank(with, null).name()).isEqualTo("New request 2");
  }

  @Test
  void savedRequestPathsMatchRoutePathsWithParameters() {
    assertThat(RequestDrafts.matches("/partners/{id}/transactions", "/partners/{{partnerId}}/transactions")).isTrue();
    assertThat(RequestDrafts.matches("/partners/{id}/transactions", "/partners/a/b/transactions")).isFalse();
    assertThat(RequestDrafts.matches("/files/{proxy+}", "/files/a/b")).isTrue();
    assertThat(RequestDrafts.matches("/me", "/me")).isTrue();
  }
}
