package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.Acquisition;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.identity.Credential;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.rules.Ruling;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Issue 14: "Copy as curl for any request, not only saved", and File → Import curl, at the view-model. */
class CopyAsCurlTest {
  private final WorkbenchViewModel model = new WorkbenchViewModel(BackgroundTasks.direct());
  private final List<String> clipboard = new ArrayList<>();

  @AfterEach
  void close() {
    model.close();
  }

  @Test
  void anEditedUnsavedIamRequestIsCopiedAsEditedWithItsSecretsAsVariables() {
    model.openDemo();
    model.selectRequest("refresh as refresh-job");
    model.request().bodyProperty().set("{\"edited\":true}");
    model.request().headersProperty().set("X-Edited: yes");
    assertThat(model.request().dirtyProperty().get()).as("edited, not saved").isTrue();

    List<String> statuses = new ArrayList<>();
    model.statusProperty().addListener((o, was, now) -> statuses.add(now));
    List<Ruling> rulings = new ArrayList<>();
    model.session().world().orElseThrow().gateway().onRuling(rulings::add);
    model.copyAsCurl(clipboard::add);

    assertThat(rulings).as("the local gateway saw no request").isEmpty();
    assertThat(statuses).as("nothing is sent to copy it").noneMatch(s -> s.contains("Sending"))
        .anyMatch(s -> s.startsWith("Building the curl command for POST /internal/refresh"));
    assertThat(clipboard).hasSize(1);
    String curl = clipboard.getFirst();
    assertThat(curl).contains("-X POST").contains("/internal/refresh").contains("--data-binary '{\"edited\":true}'")
        .contains("-H 'X-Edited: yes'")
        .contains("--aws-sigv4 'aws:amz:us-east-1:execute-api'").contains("--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\"")
        .contains("x-amz-security-token: $AWS_SESSION_TOKEN").contains("# export the caller's AWS credentials");
    Credential.Aws aws = (Credential.Aws) acquired("refresh-job");
    AwsSessionCredentialsIdentity keys = (AwsSessionCredentialsIdentity) aws.identity();
    assertThat(curl).as("no secret value in the copied text").doesNotContain(keys.secretAccessKey()).doesNotContain(keys.sessionToken());
    assertThat(model.statusProperty().get()).startsWith("Copied POST /internal/refresh as refresh-job as a curl command to the clipboard");
    assertThat(model.request().dirtyProperty().get()).as("copying saves nothing").isTrue();
  }

  @Test
  void aBearerCallersTokenIsAVariableNotItsValue() {
    model.openDemo();
    model.selectRequest("me as bob");
    model.request().pathProperty().set("/me/edited");

    model.copyAsCurl(clipboard::add);

    String curl = clipboard.getFirst();
    assertThat(curl).contains("/prod/me/edited").contains("-H \"Authorization: $PORTCULLIS_TOKEN\"");
    assertThat(curl).doesNotContain(((Credential.Bearer) acquired("bob")).token());
  }

  @Test
  void importCurlMakesTheRequestAndABadCommandIsASentenceThatChangesNothing() {
    model.openDemo();
    int before = model.workspaceProperty().get().requests().size();

    String refused = model.importCurl("curl -X GET");
    assertThat(refused).isNotBlank();
    assertThat(model.importCurl("wget http://127.0.0.1:9321/prod/health")).contains("not a curl command");
    assertThat(model.workspaceProperty().get().requests()).hasSize(before);

    assertThat(model.importCurl("curl 'http://127.0.0.1:9322/b2b/settlements' -X POST -H 'Authorization: Bearer $TOKEN'")).isNull();
    SavedRequest made = model.workspaceProperty().get().requests().getLast();
    assertThat(model.workspaceProperty().get().requests()).hasSize(before + 1);
    assertThat(made.method()).isEqualTo("POST");
    assertThat(made.gateway()).isEqualTo("b2b");
    assertThat(model.workspaceProperty().get().caller(made.caller())).get().isInstanceOf(Caller.CustomToken.class);
    assertThat(model.selectedProperty().get()).isEqualTo(new TreeRef.Request(made.name()));
  }

  private Credential acquired(String caller) {
    return ((Acquisition.Acquired) model.session().credential(caller, ChallengeHandler.none())).credential();
  }
}
