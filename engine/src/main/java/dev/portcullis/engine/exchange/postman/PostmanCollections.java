package dev.portcullis.engine.exchange.postman;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.exchange.ImportedParts;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Postman Collection v2.1 in and out. {@link #read} gives the parts of a workspace a collection
 * holds (callers from its auth, folders, requests, plain variables) and a report of what was
 * changed on the way (every secret is an {@code env:} reference, never a value); {@link #write}
 * gives a collection whose secrets are all empty {@code {{variables}}}.
 */
public final class PostmanCollections {
  private PostmanCollections() {}

  /** A collection and what the export could not carry as it is (Cognito logins become tokens to paste ...). */
  public record Exported(String json, List<String> report) {
    public Exported {
      report = List.copyOf(report);
    }
  }

  /** A collection read for {@code into}: its URLs resolved against {@code into}'s gateways.
   *
   * @throws IllegalArgumentException with a sentence naming the file when it is no collection */
  /**
   * Whether {@code source} names a Postman Collection file: JSON whose {@code info.schema} is one of
   * Postman's collection schemas (read from the first 64 KB; anything unreadable is not one).
   */
  public static boolean isCollection(String source) {
    Path file;
    try {
      file = Path.of(source);
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
    if (!java.nio.file.Files.isRegularFile(file)) {
      return false;
    }
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      String head = new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
      return head.stripLeading().startsWith("{") && head.matches("(?s).*\"schema\"\\s*:\\s*\"https?://schema\\.getpostman\\.com/json/collection/.*");
    } catch (IOException e) {
      return false;
    }
  }

  public static ImportedParts read(Path file, Workspace into) throws IOException {
    return read(Files.readString(file), file.toString(), into);
  }

  /** @see #read(Path, Workspace) */
  public static ImportedParts read(String json, String source, Workspace into) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + " is not a Postman collection (not a JSON object)");
    }
    return new PostmanReader(into).read(root, source);
  }

  public static Exported write(Workspace workspace) {
    return new PostmanWriter(workspace).write();
  }

}
