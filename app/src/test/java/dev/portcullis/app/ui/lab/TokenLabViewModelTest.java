package dev.portcullis.app.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.WorkbenchViewModel;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.TokenInspection.SignatureCheck;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenLabViewModelTest {
  private final WorkbenchViewModel workbench = new WorkbenchViewModel(BackgroundTasks.direct());
  private final TokenLabViewModel lab = workbench.lab();

  @BeforeEach
  void open() {
    workbench.openDemo();
  }

  @AfterEach
  void close() {
    workbench.close();
  }

  @Test
  void somethingThatIsNotAJwtIsExplainedNotThrown() {
    lab.tokenProperty().set("hello world");

    assertThat(lab.inspectionProperty().get().outcome()).isEqualTo(Outcome.FAIL);
    assertThat(lab.inspectionProperty().get().summary()).startsWith("This is not a JWT");
    assertThat(lab.inspectionProperty().get().fix()).isNotEmpty();
  }

  @Test
  void aMintedTokenIsDecodedAndVerifiesAgainstItsIssuer() {
    lab.tokenProperty().set(mintBankToken());

    assertThat(lab.inspectionProperty().get().claims()).anySatisfy(c -> assertThat(c.name()).isEqualTo("actor"));
    assertThat(lab.keyProperty().get()).endsWith("/oidc/bank"); // the token's iss, ready to verify against
    lab.verify();

    assertThat(lab.inspectionProperty().get().signatureCheck()).isEqualTo(SignatureCheck.VERIFIED);
  }

  @Test
  void aTamperedTokenKeepsItsNewClaimsAndFailsVerification() {
    lab.tokenProperty().set(mintBankToken());
    lab.claimsProperty().set(lab.claimsProperty().get().replace("\"ops\"", "\"admin\""));

    lab.tamper();
    lab.verify();

    assertThat(lab.inspectionProperty().get().claims()).anySatisfy(c -> {
      assertThat(c.name()).isEqualTo("actor");
      assertThat(c.value()).isEqualTo("admin");
    });
    assertThat(lab.inspectionProperty().get().signatureCheck()).isEqualTo(SignatureCheck.BAD_SIGNATURE);
    assertThat(lab.inspectionProperty().get().outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void reSigningTheEditedClaimsGivesATokenThatVerifies() {
    lab.tokenProperty().set(mintBankToken());
    lab.claimsProperty().set(lab.claimsProperty().get().replace("\"ops\"", "\"admin\""));
    lab.issuerProperty().set("bank");

    lab.mint();
    lab.verify();

    assertThat(lab.inspectionProperty().get().claims()).anySatisfy(c -> assertThat(c.value()).isEqualTo("admin"));
    assertThat(lab.inspectionProperty().get().signatureCheck()).isEqualTo(SignatureCheck.VERIFIED);
  }

  @Test
  void aJwksUrlThatDoesNotAnswerIsASentence() {
    lab.tokenProperty().set(mintBankToken());
    lab.keySourceProperty().set(TokenLabViewModel.KeySource.JWKS_URL);
    lab.keyProperty().set("http://127.0.0.1:1/jwks.json");

    lab.verify();

    assertThat(workbench.statusProperty().get()).startsWith("The signature could not be checked: Could not fetch the JWKS");
  }

  @Test
  void sendingWithTheTokenPutsItOnTheRequestAsAnAnonymousCaller() {
    workbench.selectRequest("settlements as the bank");
    lab.tokenProperty().set(mintBankToken());

    lab.sendWithToken();

    var trace = workbench.trace().traceProperty().get();
    assertThat(trace.request().caller()).isEqualTo("anonymous");
    assertThat(workbench.request().headersProperty().get()).contains("Authorization: Bearer eyJ");
    assertThat(trace.verdict().allowed()).as(trace.verdict().sentence()).isTrue();
  }

  private String mintBankToken() {
    return workbench.session().world().orElseThrow().identityProviders()
        .mint("bank", Map.of("actor", "ops", "sub", "backoffice", "scope", "settlements:write"), "payments.example.com", Duration.ofMinutes(30), false);
  }
}
