package dev.portcullis.app.ui;

import dev.portcullis.engine.identity.AwsProfiles;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.trust.TrustRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Questions the engine asks a person mid-run (an MFA code, a new password, a prompted secret). The
 * engine calls on a worker thread and blocks; the question is published on the FX thread as
 * {@link #pendingProperty()}, the view shows a dialog and calls {@link #reply}, which unblocks the
 * worker. Only one question is open at a time, since runs that need one are sequential.
 */
public final class Questions implements ChallengeHandler, SecretResolver.Prompter {
  /**
   * What the dialog shows; {@code secret} hides what is typed. {@code items} is a list shown under the
   * prompt (a trust question's programs, secrets and hosts); such a question takes no typed answer.
   */
  public record Question(String kind, String title, String prompt, boolean secret, List<String> items) {
    public Question {
      items = items == null ? List.of() : List.copyOf(items);
    }

    public Question(String kind, String title, String prompt, boolean secret) {
      this(kind, title, prompt, secret, List.of());
    }
  }

  /** The kind of a trust question; its dialog answers {@link #TRUST_ANSWER} to trust. */
  public static final String TRUST = "TRUST";
  public static final String TRUST_ANSWER = "trust";

  /** A person gets five minutes to find their phone; after that the login gives up as cancelled. */
  private static final long PATIENCE_MINUTES = 5;

  private final BackgroundTasks tasks;
  private final ObjectProperty<Question> pending = new SimpleObjectProperty<>();
  private CompletableFuture<Optional<String>> answer;

  public Questions(BackgroundTasks tasks) {
    this.tasks = tasks;
  }

  // Properties

  public ReadOnlyObjectProperty<Question> pendingProperty() {
    return pending;
  }

  // Commands

  /** The person's answer to the pending question; empty means cancelled. */
  public void reply(Optional<String> value) {
    CompletableFuture<Optional<String>> waiting = answer;
    answer = null;
    pending.set(null);
    if (waiting != null) {
      waiting.complete(value.filter(v -> !v.isBlank()).map(String::strip));
    }
  }

  @Override
  public Optional<String> answer(Challenge challenge) {
    return ask(switch (challenge.type()) {
      case "SOFTWARE_TOKEN_MFA" -> new Question(challenge.type(), "Authenticator code",
          "Enter the 6-digit code your authenticator app shows for " + challenge.username() + ".", false);
      case "SMS_MFA" -> new Question(challenge.type(), "SMS code",
          "Enter the code sent by SMS to " + challenge.username() + hint(challenge) + ".", false);
      case AwsProfiles.MFA_CHALLENGE -> new Question(challenge.type(), "MFA code",
          "Enter the current code of MFA device " + challenge.username() + " to assume role " + challenge.hint() + ".", false);
      case "NEW_PASSWORD_REQUIRED" -> new Question(challenge.type(), "New password required",
          challenge.username() + " must choose a new password before signing in.", true);
      default -> new Question(challenge.type(), "Sign-in challenge",
          "Cognito asks " + challenge.username() + " for " + challenge.type() + hint(challenge) + ".", false);
    });
  }

  @Override
  public Optional<String> ask(String where, String label) {
    return ask(new Question("SECRET", "Secret needed", "Enter " + (label == null ? "the secret" : label) + " for " + where
        + ". It is kept in memory for this session only.", true));
  }

  /**
   * Asks whether to trust a workspace that was not saved on this machine, listing exactly what it
   * would run, which secrets would go to which hosts, and which outside hosts it would reach.
   * Blocks the calling worker like the other questions; true only for an explicit yes.
   */
  public boolean trust(String file, TrustRequest request) {
    return ask(trustQuestion(file, request)).filter(TRUST_ANSWER::equals).isPresent();
  }

  /** The trust question for {@code file}: what the dialog shows. */
  public static Question trustQuestion(String file, TrustRequest request) {
    return new Question(TRUST, "Trust this workspace?", file + " was not saved by Portcullis on this machine. Trusting it lets it"
        + " do the following as you; without trust it opens, but only its local fixtures work.", false, request.lines());
  }

  private Optional<String> ask(Question question) {
    CompletableFuture<Optional<String>> waiting = new CompletableFuture<>();
    tasks.onUi(() -> {
      answer = waiting;
      pending.set(question);
    });
    try {
      return waiting.get(PATIENCE_MINUTES, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      tasks.onUi(() -> reply(Optional.empty()));
      return Optional.empty();
    }
  }

  private static String hint(Challenge challenge) {
    return challenge.hint() == null || challenge.hint().isBlank() ? "" : " (" + challenge.hint() + ")";
  }
}
