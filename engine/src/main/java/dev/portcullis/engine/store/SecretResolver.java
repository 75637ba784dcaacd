package dev.portcullis.engine.store;

import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.trust.TrustGate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns secret references into values at run time. Values live only in memory (prompted ones for
 * the session); nothing here writes them anywhere, and failures name the reference, never a value.
 */
public final class SecretResolver {

  /** Asks a person for a secret (the UI shows a dialog, the CLI prompts, tests script it). */
  @FunctionalInterface
  public interface Prompter {
    /** Returns the value, or empty when the person cancelled. */
    Optional<String> ask(String where, String label);
  }

  private final Function<String, String> env;
  private final Keychain keychain;
  private final Prompter prompter;
  private final Emulator emulator;
  private final Map<String, String> prompted = new ConcurrentHashMap<>();
  private final TrustGate gate;

  private SecretResolver(Function<String, String> env, Keychain keychain, Prompter prompter, Emulator emulator, TrustGate gate) {
    this.env = env;
    this.keychain = keychain;
    this.prompter = prompter;
    this.emulator = emulator;
    this.gate = gate;
  }

  /** The process environment, the OS keychain and the given prompter. */
  public static SecretResolver create(Emulator emulator, Prompter prompter) {
    return create(emulator, prompter, TrustGate.open());
  }

  /** Behind a trust gate: an untrusted workspace's {@code env:}, {@code file:} and {@code keychain:} references are refused. */
  public static SecretResolver create(Emulator emulator, Prompter prompter, TrustGate gate) {
    return new SecretResolver(System::getenv, Keychain.system(), prompter, emulator, java.util.Objects.requireNonNull(gate, "gate"));
  }

  public static SecretResolver create(Emulator emulator, Prompter prompter, Function<String, String> env, Keychain keychain) {
    return create(emulator, prompter, env, keychain, TrustGate.open());
  }

  public static SecretResolver create(Emulator emulator, Prompter prompter, Function<String, String> env, Keychain keychain,
      TrustGate gate) {
    return new SecretResolver(env, keychain, prompter, emulator, java.util.Objects.requireNonNull(gate, "gate"));
  }

  /** The gate this resolver obeys; code that reaches credentials or hosts for the same workspace asks it too. */
  public TrustGate gate() {
    return gate;
  }

  /**
   * The value of a reference.
   *
   * @param where names the owner for messages, e.g. {@code Workspace payments.json, caller 'acme'}
   */
  public String resolve(SecretRef ref, String where) throws SecretException {
    java.util.Optional<String> refused = gate.secret(ref, where);
    if (refused.isPresent()) {
      throw new SecretException(refused.get());
    }
    return switch (ref) {
      case SecretRef.Literal l -> l.value();
      case SecretRef.Env e -> {
        String v = env.apply(e.name());
        if (v == null || v.isEmpty()) {
          throw new SecretException(where + ": secret reference " + e.text() + " is not set.",
              "Set the environment variable " + e.name() + " before starting Portcullis.");
        }
        yield v;
      }
      case SecretRef.File f -> readFile(f, where);
      case SecretRef.Keychain k -> keychain.lookup(k.name()).orElseThrow(() -> new SecretException(where + ": secret reference "
          + k.text() + " was not found in the " + keychain.description() + "."));
      case SecretRef.AwsProfile p -> throw new SecretException(where + ": " + p.text()
          + " stands for AWS credentials; use it as an IAM caller's credential source, not as a single secret.");
      case SecretRef.Prompt p -> prompt(p, where);
      case SecretRef.Local l -> local(l, where);
    };
  }

  private String readFile(SecretRef.File f, String where) throws SecretException {
    Path path = Path.of(f.path().startsWith("~/") ? System.getProperty("user.home") + f.path().substring(1) : f.path());
    try {
      return withoutFinalNewline(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SecretException(where + ": secret reference " + f.text() + " cannot be read (" + e.getClass().getSimpleName() + ").");
    }
  }

  /**
   * Files usually end with one newline, which is no part of the secret. Only that one goes: a
   * secret of several lines stays several lines, and the exchanger refuses it in a header.
   */
  static String withoutFinalNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private String prompt(SecretRef.Prompt p, String where) throws SecretException {
    String key = where + "|" + p.text();
    String known = prompted.get(key);
    if (known != null) {
      return known;
    }
    String label = p.label() == null ? "secret" : p.label();
    String value = prompter.ask(where, label).filter(v -> !v.isEmpty())
        .orElseThrow(() -> new SecretException(where + ": no value was given for the " + label + " prompt."));
    prompted.put(key, value);
    return value;
  }

  private String local(SecretRef.Local l, String where) throws SecretException {
    return LocalFixtures.lookup(emulator, l.key()).orElseThrow(() -> new SecretException(where + ": secret reference "
        + l.text() + " names no fixture in the emulator section (forms: users/NAME, users/NAME/totp, clients/ID, "
        + "access-keys/ID, api-keys/ID)."));
  }

  /** Forgets values typed at prompts. */
  public void forgetPrompted() {
    prompted.clear();
  }

  /** A failed lookup; the message names the owner and the reference, never a value. */
  public static final class SecretException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String problem;
    private final String fix;

    public SecretException(String message) {
      this(message, "");
    }

    /** A problem and its fix apart, for a message that puts the fix elsewhere; the message is both. */
    public SecretException(String problem, String fix) {
      super(fix.isEmpty() ? problem : problem + " " + fix);
      this.problem = problem;
      this.fix = fix;
    }

    /** What is wrong, naming the owner and the reference. */
    public String problem() {
      return problem;
    }

    /** What to do about it, as a sentence; empty when the problem says it. */
    public String fix() {
      return fix;
    }
  }
}
