package dev.portcullis.engine.model;

import java.util.Locale;

/**
 * Where a secret comes from. Written in files as one string: {@code env:NAME}, {@code file:PATH},
 * {@code keychain:NAME}, {@code aws-profile:NAME}, {@code prompt}, {@code local:KEY} (a fixture of
 * the workspace's emulator section), or anything else, which is a literal value. Literals are
 * allowed in a private workspace but refused by export.
 */
public sealed interface SecretRef {

  /** The form written to files. */
  String text();

  /** Whether the value itself sits in the file (and so may not be shared). */
  default boolean isLiteral() {
    return this instanceof Literal;
  }

  static SecretRef parse(String text) {
    if (text == null) {
      return null;
    }
    int colon = text.indexOf(':');
    String scheme = colon < 0 ? text.toLowerCase(Locale.ROOT) : text.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = colon < 0 ? "" : text.substring(colon + 1);
    return switch (scheme) {
      case "env" -> new Env(rest);
      case "file" -> new File(rest);
      case "keychain" -> new Keychain(rest);
      case "aws-profile" -> new AwsProfile(rest);
      case "local" -> new Local(rest);
      case "prompt" -> colon < 0 || rest.isEmpty() ? new Prompt(null) : new Prompt(rest);
      default -> new Literal(text);
    };
  }

  record Env(String name) implements SecretRef {
    public Env {
      Names.require(name, "environment variable name in env: reference");
    }

    public String text() {
      return "env:" + name;
    }
  }

  record File(String path) implements SecretRef {
    public File {
      Names.require(path, "path in file: reference");
    }

    public String text() {
      return "file:" + path;
    }
  }

  record Keychain(String name) implements SecretRef {
    public Keychain {
      Names.require(name, "entry name in keychain: reference");
    }

    public String text() {
      return "keychain:" + name;
    }
  }

  /** A named AWS profile; stands for the profile's credentials, so it fits IAM credential sources. */
  record AwsProfile(String profile) implements SecretRef {
    public AwsProfile {
      Names.require(profile, "profile name in aws-profile: reference");
    }

    public String text() {
      return "aws-profile:" + profile;
    }
  }

  /** Asked at run time and kept in memory for the session; {@code label} is what the prompt says. */
  record Prompt(String label) implements SecretRef {
    public String text() {
      return label == null ? "prompt" : "prompt:" + label;
    }
  }

  /** A fixture of the emulated world, by key in the emulator section (e.g. {@code users/alice}). */
  record Local(String key) implements SecretRef {
    public Local {
      Names.require(key, "key in local: reference");
    }

    public String text() {
      return "local:" + key;
    }
  }

  /** The value itself. {@link #toString()} never shows it. */
  record Literal(String value) implements SecretRef {
    public String text() {
      return value;
    }

    @Override
    public String toString() {
      return "Literal[****]";
    }
  }
}
