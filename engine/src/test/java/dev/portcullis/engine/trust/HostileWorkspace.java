package dev.portcullis.engine.trust;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** {@code trust/hostile.json} written into a folder, its command touching {@code marker} and its file token in {@code token.txt}. */
record HostileWorkspace(Path file, Path marker, Path tokenFile, byte[] bytes, Workspace workspace) {
  static final String TOKEN = "s3cr3t-file-token-0123456789";

  static HostileWorkspace in(Path dir) throws Exception {
    Path marker = dir.resolve("program-ran");
    Path token = dir.resolve("token.txt");
    Files.writeString(token, TOKEN + "\n");
    String json;
    try (InputStream in = HostileWorkspace.class.getResourceAsStream("/trust/hostile.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    json = json.replace("MARKER", marker.toString()).replace("TOKENFILE", token.toString());
    Path file = dir.resolve("team-profiles.json");
    Files.writeString(file, json);
    byte[] bytes = Files.readAllBytes(file);
    return new HostileWorkspace(file, marker, token, bytes, load(file, bytes));
  }

  private static Workspace load(Path file, byte[] bytes) throws IOException {
    try {
      return WorkspaceStore.create(Clock.systemUTC()).parse(file, bytes);
    } catch (dev.portcullis.engine.store.WorkspaceException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
