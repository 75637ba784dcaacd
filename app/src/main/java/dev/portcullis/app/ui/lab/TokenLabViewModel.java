package dev.portcullis.app.ui.lab;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.LogModel;
import dev.portcullis.app.ui.SessionModel;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.trace.TokenInspection;
import dev.portcullis.engine.trace.token.TokenLab;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The token lab: paste any JWT and read it explained; verify it against a JWKS URL, an issuer or a
 * pasted key; edit its claims and re-sign with a local issuer's key, or tamper (keep the old
 * signature); then send a request with it.
 */
public final class TokenLabViewModel {
  /** What the signature is checked against. */
  public enum KeySource { JWKS_URL, ISSUER, PASTED_KEY }

  private final BackgroundTasks tasks;
  private final SessionModel sessions;
  private final LogModel log;
  private final Clock clock;
  private TokenLab lab;
  private Consumer<String> sendWith = token -> { };

  // Properties
  private final StringProperty token = new SimpleStringProperty("");
  private final ObjectProperty<TokenInspection> inspection = new SimpleObjectProperty<>();
  private final StringProperty claims = new SimpleStringProperty("");
  private final ObjectProperty<KeySource> keySource = new SimpleObjectProperty<>(KeySource.ISSUER);
  private final StringProperty key = new SimpleStringProperty("");
  private final StringProperty issuer = new SimpleStringProperty();
  private final ObservableList<String> issuers = FXCollections.observableArrayList();
  private final BooleanProperty busy = new SimpleBooleanProperty();

  public TokenLabViewModel(BackgroundTasks tasks, SessionModel sessions, LogModel log, Clock clock) {
    this.tasks = tasks;
    this.sessions = sessions;
    this.log = log;
    this.clock = clock;
    token.addListener((obs, old, now) -> decode());
    sessions.sessionProperty().addListener((obs, old, now) -> issuers.setAll(now == null ? List.of() : localIssuers(now)));
  }

  public StringProperty tokenProperty() { return token; }
  public ReadOnlyObjectProperty<TokenInspection> inspectionProperty() { return inspection; }
  public StringProperty claimsProperty() { return claims; }
  public ObjectProperty<KeySource> keySourceProperty() { return keySource; }
  public StringProperty keyProperty() { return key; }
  public StringProperty issuerProperty() { return issuer; }
  public ObservableList<String> issuers() { return issuers; }
  public BooleanProperty busyProperty() { return busy; }

  /** Where "Send with this token" goes: the workbench puts it on the current request. */
  public void onSendWith(Consumer<String> action) {
    this.sendWith = action;
  }

  // Commands

  /** Decodes the pasted token (pure and fast, so on the FX thread); the claims editor gets its claims. */
  public void decode() {
    TokenInspection result = lab().inspect(token.get());
    inspection.set(result);
    if (!result.claimsJson().isEmpty()) {
      claims.set(result.claimsJson());
    }
    // the token names its issuer: verifying against it is the usual first question
    if (keySource.get() == KeySource.ISSUER && (key.get() == null || key.get().isBlank())) {
      result.claims().stream().filter(c -> c.name().equals("iss")).findFirst().ifPresent(c -> key.set(c.value()));
    }
  }

  /** Checks the signature against the chosen key source, in the background (it may fetch). */
  public void verify() {
    String raw = token.get();
    String source = key.get() == null ? "" : key.get().strip();
    if (source.isEmpty()) {
      log.status(switch (keySource.get()) {
        case JWKS_URL -> "Enter the JWKS URL to verify against.";
        case ISSUER -> "Enter the issuer URL (its discovery document names the keys).";
        case PASTED_KEY -> "Paste a JWKS, a JWK or a PEM public key.";
      });
      return;
    }
    busy.set(true);
    tasks.run(() -> switch (keySource.get()) {
      case JWKS_URL -> lab().verifyWithJwksUrl(raw, source);
      case ISSUER -> lab().verifyWithIssuer(raw, source);
      case PASTED_KEY -> lab().verifyWithKey(raw, source);
    }, result -> {
      busy.set(false);
      inspection.set(result);
      // the verdict is API Gateway's; a second line says where a generic JOSE library would part from it
      log.status("Signature: " + result.signatureCheck() + (result.signatureNote().isEmpty() ? "" : " — " + result.signatureNote())
          + (result.joseNote().isEmpty() ? "" : "\n" + result.joseNote()));
    }, e -> {
      busy.set(false);
      log.error("The signature could not be checked", e);
    });
  }

  /** Signs the edited claims with the chosen local issuer's published key; the result replaces the token. */
  public void mint() {
    Session session = sessions.current();
    if (session == null || session.world().isEmpty() || issuer.get() == null) {
      log.status("Minting needs the local identity providers: start the local gateway and pick an issuer.");
      return;
    }
    String edited = claims.get();
    String issuerName = issuer.get();
    busy.set(true);
    tasks.run(() -> session.world().orElseThrow().identityProviders()
        .mint(issuerName, TokenLab.claims(edited), null, Duration.ofHours(1), false), minted -> {
          busy.set(false);
          token.set(minted);
          log.status("Minted a token signed by " + issuerName + "'s published key.");
        }, e -> {
          busy.set(false);
          log.error("The token could not be minted", e);
        });
  }

  /** Puts the edited claims in the token but keeps the old signature: any verifier must now refuse it. */
  public void tamper() {
    try {
      String edited = claims.get();
      token.set(lab().tamper(token.get(), edited));
      claims.set(inspection.get().claimsJson().isEmpty() ? edited : inspection.get().claimsJson());
      log.status("Tampered: the claims changed, the signature did not. Verify it to see the check fail.");
    } catch (IllegalArgumentException e) {
      log.error("The token could not be tampered with", e);
    }
  }

  /** Sends the current request with this token as its bearer. */
  public void sendWithToken() {
    if (inspection.get() == null || token.get().isBlank()) {
      log.status("Paste or mint a token first.");
      return;
    }
    sendWith.accept(token.get().strip());
  }

  /** Created on first use: its HTTP client is not needed to open the window. */
  private synchronized TokenLab lab() {
    if (lab == null) {
      lab = TokenLab.create(clock);
    }
    return lab;
  }

  private static List<String> localIssuers(Session session) {
    Emulator e = session.workspace().emulator();
    return java.util.stream.Stream.concat(e.userPools().stream().map(Emulator.UserPool::id),
        e.oidcIssuers().stream().map(Emulator.OidcIssuer::name)).toList();
  }
}
