package dev.portcullis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceStoreTest {
  @TempDir Path dir;
  private final WorkspaceStore store = WorkspaceStore.create(Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

  private Path demoCopy(String from, String to) throws Exception {
    String text = Files.readString(ProjectFiles.demo());
    assertThat(text).contains(from);
    Path file = dir.resolve("ws.json");
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    return file;
  }

  private String failureOf(Path file) throws Exception {
    byte[] before = Files.readAllBytes(file);
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> store.load(file));
    assertThat(t).isInstanceOf(WorkspaceException.class);
    assertThat(Files.readAllBytes(file)).as("a file that fails to load is left as it was").isEqualTo(before);
    assertThat(t.getMessage()).startsWith(file.toString()).doesNotContain("\tat ");
    return t.getMessage();
  }

  @Test
  void truncatedFileNamesLineAndColumn() throws Exception {
    Path file = dir.resolve("ws.json");
    String text = Files.readString(ProjectFiles.demo());
    Files.writeString(file, text.substring(0, text.length() / 2));

    assertThat(failureOf(file)).matches("(?s).*line \\d+, column \\d+.*ends too early.*");
  }

  @Test
  void newerSchemaVersionIsRefusedWithWhatToDo() throws Exception {
    String message = failureOf(demoCopy("\"schemaVersion\": 1", "\"schemaVersion\": 7"));

    assertThat(message).contains("schemaVersion 7").contains("newer Portcullis").contains("Update Portcullis");
  }

  @Test
  void missingSchemaVersionSaysWhatIsExpected() throws Exception {
    assertThat(failureOf(demoCopy("\"schemaVersion\": 1,", ""))).contains("has no schemaVersion");
  }

  @Test
  void unknownAuthoriserTypeListsTheKnownOnes() throws Exception {
    String message = failureOf(demoCopy("\"type\": \"cognito\"", "\"type\": \"saml\""));

    assertThat(message).containsPattern("line \\d+, column \\d+")
        .contains("unknown authoriser type 'saml'").contains("cognito, jwt, lambda");
  }

  @Test
  void routeNamingAMissingAuthoriserNamesTheRoute() throws Exception {
    String message = failureOf(demoCopy("\"authorizer\": \"mobile-users\"", "\"authorizer\": \"mobile-userz\""));

    assertThat(message).contains("gateway 'payments', route 'GET /me': authoriser 'mobile-userz' is not defined")
        .contains("defined: mobile-users, partner-gate");
  }

  @Test
  void unknownFieldIsNamedWithTheKnownOnes() throws Exception {
    String message = failureOf(demoCopy("\"apiKeyRequired\": true", "\"apiKeyRequird\": true"));

    assertThat(message).contains("unknown field 'apiKeyRequird' in route").contains("apiKeyRequired");
  }

  @Test
  void everyUnknownFieldAndEveryBrokenReferenceIsListedInOneLoad() throws Exception {
    Path file = demoCopy("\"apiKeyRequired\": true", "\"apiKeyRequird\": true");
    Files.writeString(file, Files.readString(file).replace("\"authorizer\": \"mobile-users\"", "\"authorizer\": \"mobile-userz\"")
        .replace("\"ttlSeconds\": 300", "\"ttlSeconds\": 300, \"ttlSecs\": 300"));
    WorkspaceException e = org.junit.jupiter.api.Assertions.assertThrows(WorkspaceException.class, () -> store.load(file));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("unknown field 'apiKeyRequird' in route").containsPattern("line \\d+"))
        .anySatisfy(p -> assertThat(p).contains("unknown field 'ttlSecs' in lambda").contains("(at gateways[0].authorizers["))
        .anySatisfy(p -> assertThat(p).contains("authoriser 'mobile-userz' is not defined"));
  }

  @Test
  void aSchemaPointerForEditorsIsAccepted() throws Exception {
    Path file = demoCopy("\"schemaVersion\": 1,", "\"$schema\": \"https://portcullis.dev/schema/workspace-1.json\", \"schemaVersion\": 1,");
    assertThat(Files.readString(file)).contains("$schema");
    assertThat(store.load(file)).isEqualTo(store.load(ProjectFiles.demo()));
  }

  @Test
  void invalidValueFromARecordsOwnCheckIsOneSentence() throws Exception {
    String message = failureOf(demoCopy("\"ttlSeconds\": 300", "\"ttlSeconds\": 7200"));

    assertThat(message).contains("ttlSeconds 7200 is outside 0..3600").containsPattern("line \\d+, column \\d+");
  }

  @Test
  void notJsonAtAllIsNamed() throws Exception {
    Path file = dir.resolve("notes.json");
    Files.writeString(file, "just some notes\n");

    assertThat(failureOf(file)).containsPattern("line 1, column \\d+");
  }

  @Test
  void savingOverACorruptFileKeepsTheOriginalBesideIt() throws Exception {
    Workspace ws = store.load(ProjectFiles.demo());
    Path file = dir.resolve("ws.json");
    Files.writeString(file, "{ \"schemaVersion\": 1, \"name\": ");

    store.save(ws, file);

    assertThat(store.load(file)).isEqualTo(ws);
    assertThat(dir.resolve("ws.json.corrupt-20261126-100000")).hasContent("{ \"schemaVersion\": 1, \"name\": ");
  }

  @Test
  void atomicSaveLeavesNoTempFiles() throws Exception {
    Workspace ws = store.load(ProjectFiles.demo());
    Path file = dir.resolve("ws.json");

    store.save(ws, file);
    store.save(ws, file);

    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ws.json");
    }
  }
}
