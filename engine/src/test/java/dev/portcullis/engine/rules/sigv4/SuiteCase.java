package dev.portcullis.engine.rules.sigv4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.engine.http.IncomingRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** One folder of the AWS SigV4 test suite in {@code shared/oracles/aws-sigv4-test-suite} (see its README). */
record SuiteCase(Path folder, JsonNode context) {

  static final String SUITE = "oracles/aws-sigv4-test-suite";

  static Stream<SuiteCase> all() throws IOException {
    try (Stream<Path> folders = Files.list(sharedFolder().resolve(SUITE))) {
      return folders.filter(Files::isDirectory).sorted().map(SuiteCase::load).toList().stream();
    }
  }

  static SuiteCase named(String name) {
    return load(sharedFolder().resolve(SUITE).resolve(name));
  }

  /** Set by surefire; the fallbacks let an IDE run the test from the module or the project root. */
  static Path sharedFolder() {
    return Stream.of(Optional.ofNullable(System.getProperty("portcullis.shared")).map(Path::of),
            Optional.of(Path.of("../shared")), Optional.of(Path.of("../../shared")))
        .flatMap(Optional::stream)
        .filter(p -> Files.isDirectory(p.resolve(SUITE)))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "SigV4 suite not found: set -Dportcullis.shared to the folder holding " + SUITE));
  }

  private static SuiteCase load(Path folder) {
    try {
      return new SuiteCase(folder, new ObjectMapper().readTree(folder.resolve("context.json").toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("SigV4 suite case " + folder + ": context.json unreadable", e);
    }
  }

  String name() {
    return folder.getFileName().toString();
  }

  String file(String name) {
    try {
      return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("SigV4 suite case " + name() + ": " + name + " unreadable", e);
    }
  }

  boolean normalize() {
    return context.path("normalize").asBoolean(true);
  }

  boolean tokenAddedAfterSigning() {
    return context.path("omit_session_token").asBoolean(false);
  }

  Instant timestamp() {
    return Instant.parse(context.path("timestamp").asText());
  }

  String region() {
    return context.path("region").asText();
  }

  String service() {
    return context.path("service").asText();
  }

  String accessKeyId() {
    return context.path("credentials").path("access_key_id").asText();
  }

  CredentialLookup keys() {
    JsonNode credentials = context.path("credentials");
    String token = credentials.hasNonNull("token") ? credentials.get("token").asText() : null;
    return CredentialLookup.of(Map.of(accessKeyId(), new SigningSecret(
        credentials.path("secret_access_key").asText(), token, "arn:aws:iam::123456789012:user/" + name())));
  }

  /** The signed request as the gateway receives it at the case's own timestamp. */
  IncomingRequest signedRequest(String prefix) {
    return RawRequests.parse(file(prefix + "-signed-request.txt"), timestamp());
  }

  @Override
  public String toString() {
    return name();
  }
}
