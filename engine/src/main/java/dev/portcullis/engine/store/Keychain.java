package dev.portcullis.engine.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The OS keychain, for {@code keychain:NAME} references: the Secret Service through
 * {@code secret-tool} on Linux, {@code security} on macOS. Entries live under service
 * {@code portcullis}, account NAME.
 */
public interface Keychain {
  Optional<String> lookup(String name);

  /** For messages: which keychain, and how to add an entry. */
  String description();

  static Keychain system() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return command(List.of("security", "find-generic-password", "-s", "portcullis", "-w", "-a"),
          "macOS keychain (add it with: security add-generic-password -s portcullis -a NAME -w)");
    }
    if (os.contains("linux")) {
      return command(List.of("secret-tool", "lookup", "service", "portcullis", "account"),
          "Secret Service keyring (add it with: secret-tool store --label=portcullis service portcullis account NAME;"
              + " secret-tool comes with libsecret-tools)");
    }
    return new Keychain() {
      public Optional<String> lookup(String name) {
        return Optional.empty();
      }

      public String description() {
        return "OS keychain: keychain: references are supported on Linux and macOS only; use env: or file: here";
      }
    };
  }

  private static Keychain command(List<String> prefix, String description) {
    return new Keychain() {
      public Optional<String> lookup(String name) {
        List<String> cmd = new java.util.ArrayList<>(prefix);
        cmd.add(name);
        try {
          Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
          String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
          boolean done = p.waitFor(10, TimeUnit.SECONDS);
          return done && p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
          return Optional.empty();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }

      public String description() {
        return description;
      }
    };
  }
}
