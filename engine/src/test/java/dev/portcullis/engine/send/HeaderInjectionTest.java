package dev.portcullis.engine.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.store.SecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A header never becomes several on the wire (issue 12, item 2): CR, LF and NUL are refused, the header named, never its value. */
class HeaderInjectionTest {
  private final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server.start();
    server.enqueue(new MockResponse.Builder().code(200).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Exchange send(HeaderList headers) {
    return HttpExchanger.create(Duration.ofSeconds(5)).send(new OutgoingRequest("GET", server.url("/x").uri(), headers, new byte[0]));
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3cret\r\nX-Injected: 1", "s3cret\nX-Injected: 1", "s3cret\u0000X-Injected"})
  void aValueWithALineBreakOrNulIsNotSentAndTheSentenceNamesTheHeaderNotTheValue(String value) {
    Exchange e = send(HeaderList.of("Authorization", value));
    assertThat(e).isInstanceOfSatisfying(Exchange.Failed.class, f -> {
      assertThat(f.message()).contains("header 'Authorization'").contains("line break or NUL").doesNotContain("s3cret")
          .doesNotContain("Injected");
      assertThat(f.fix()).doesNotContain("s3cret");
    });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aNameWithALineBreakIsNotSentEither() {
    Exchange e = send(HeaderList.of("X-Token\r\nX-Injected", "v"));
    assertThat(e).isInstanceOfSatisfying(Exchange.Failed.class, f -> assertThat(f.message()).contains("a header name ('X-Token…')")
        .doesNotContain("Injected"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aFileSecretLosesOnlyItsOneTrailingNewline() throws Exception {
    SecretResolver secrets = SecretResolver.create(Emulator.empty(), (w, l) -> Optional.empty());
    Path one = Files.writeString(dir.resolve("one.txt"), "tok-123\n");
    Path crlf = Files.writeString(dir.resolve("crlf.txt"), "tok-123\r\n");
    Path two = Files.writeString(dir.resolve("two.txt"), "line-1\nline-2\n");
    assertThat(secrets.resolve(SecretRef.parse("file:" + one), "t")).isEqualTo("tok-123");
    assertThat(secrets.resolve(SecretRef.parse("file:" + crlf), "t")).isEqualTo("tok-123");
    String multi = secrets.resolve(SecretRef.parse("file:" + two), "t");
    assertThat(multi).isEqualTo("line-1\nline-2");
    assertThat(send(HeaderList.of("Authorization", "Bearer " + multi))).isInstanceOf(Exchange.Failed.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
