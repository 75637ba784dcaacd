package dev.portcullis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Jazzer on the workspace loader: any bytes give a workspace or a {@link WorkspaceException}, never
 * another exception, and no message quotes a secret the file holds (a value planted in each input).
 */
class WorkspaceLoaderFuzzTest {
  private static final WorkspaceStore STORE = WorkspaceStore.create(Clock.systemUTC());
  static final String SECRET = "Zq7SecretInTheFile9Xw";

  @FuzzTest(maxDuration = "30s")
  void loadingGivesAWorkspaceOrASentenceAndNeverQuotesASecret(FuzzedDataProvider data) {
    boolean planted = data.consumeBoolean();
    String text = data.consumeRemainingAsString();
    if (planted) {
      int at = text.indexOf('"');
      // the secret as a JSON string value, where the fuzzer's text has a quote, else as the whole document
      text = at < 0 ? "\"" + SECRET + "\"" : text.substring(0, at) + "\"" + SECRET + "\"" + text.substring(at);
    }
    try {
      STORE.parse(Path.of("fuzzed.json"), text.getBytes(StandardCharsets.UTF_8));
    } catch (WorkspaceException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain(SECRET);
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        assertThat(String.valueOf(c.getMessage())).doesNotContain(SECRET);
      }
    }
  }
}
