package dev.portcullis.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurlTest {
  private static CurlRequest parse(String line) {
    return Curl.parse(line, Path.of("."), () -> new ByteArrayInputStream("from stdin".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shellWordsQuoteAsAShellDoes() {
    assertThat(ShellWords.split("curl -H 'a: b c' \"x \\\"y\\\" $T\" a\\ b $'l1\\nl2' \\\n  end"))
        .containsExactly("curl", "-H", "a: b c", "x \"y\" $T", "a b", "l1\nl2", "end");
    assertThatThrownBy(() -> ShellWords.split("curl 'open")).hasMessageContaining("single quote at character 6 is not closed");
    for (String w : List.of("plain", "it's", "a b", "$HOME", "{\"a\": 1}", "")) {
      assertThat(ShellWords.split("x " + ShellWords.quote(w))).containsExactly("x", w);
    }
  }

  @Test
  void methodDefaultsToGetOrPostWithABodyAndIsUpperCased() {
    assertThat(parse("curl http://h/x").method()).isEqualTo("GET");
    assertThat(parse("curl http://h/x -d '{}'").method()).isEqualTo("POST");
    assertThat(parse("curl -X put http://h/x -d '{}'").method()).isEqualTo("PUT");
    assertThat(parse("curl -XDELETE --url http://h/x").method()).isEqualTo("DELETE");
  }

  @Test
  void awsSigv4WithUserIsAnIamCallerWithTheSessionTokenHeader() {
    CurlRequest r = parse("curl --aws-sigv4 'aws:amz:eu-west-1:execute-api' --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\""
        + " -H \"x-amz-security-token: $AWS_SESSION_TOKEN\" -X POST https://abc.execute-api.eu-west-1.amazonaws.com/prod/internal/refresh");
    assertThat(r.auth()).isEqualTo(new CurlRequest.CurlAuth.Sigv4("eu-west-1", "execute-api", "$AWS_ACCESS_KEY_ID",
        "$AWS_SECRET_ACCESS_KEY", "$AWS_SESSION_TOKEN"));
    assertThat(r.plainHeaders()).isEmpty();
  }

  @Test
  void bearerApiKeyBasicAndNoneAreTheirCallerKinds() {
    assertThat(parse("curl -H 'Authorization: Bearer eyJabc' http://h/x").auth())
        .isEqualTo(new CurlRequest.CurlAuth.Bearer("Authorization", "Bearer ", "eyJabc"));
    assertThat(parse("curl -H 'Authorization: eyJraw' http://h/x").auth()).isEqualTo(new CurlRequest.CurlAuth.Bearer("Authorization", "", "eyJraw"));
    assertThat(parse("curl -H 'x-api-key: k1' -H 'content-type: application/json' http://h/x").auth()).isEqualTo(new CurlRequest.CurlAuth.ApiKey("k1"));
    assertThat(parse("curl -u ann:pw http://h/x").auth()).isEqualTo(new CurlRequest.CurlAuth.Basic("ann", "pw"));
    assertThat(parse("curl -s -i http://h/x").auth()).isEqualTo(new CurlRequest.CurlAuth.None());
    assertThat(parse("curl -s -i http://h/x").ignored()).containsExactly("-s", "-i");
  }

  @Test
  void dataReadsFilesAndStdinButDataRawKeepsTheAt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("body.json"), "{\"amount\": 1}");
    assertThat(Curl.parse("curl -d @body.json http://h/x", dir, () -> null).body()).isEqualTo("{\"amount\": 1}");
    assertThat(parse("curl --data-binary @- http://h/x").body()).isEqualTo("from stdin");
    assertThat(parse("curl --data-raw @literal http://h/x").body()).isEqualTo("@literal");
    CurlRequest json = parse("curl --json '{\"a\":1}' http://h/x");
    assertThat(json.headers()).contains(Map.entry("Content-Type", "application/json"));
    assertThatThrownBy(() -> Curl.parse("curl -d @missing.json http://h/x", dir, () -> null))
        .hasMessageContaining("missing.json (from @missing.json) does not exist");
  }

  @Test
  void unknownOptionsAndCommandsThatAreNotCurlAreNamed() {
    assertThatThrownBy(() -> parse("curl --proxy p http://h/x")).hasMessageContaining("curl option --proxy is not understood");
    assertThatThrownBy(() -> parse("wget http://h/x")).hasMessageContaining("starts with 'wget'");
    assertThatThrownBy(() -> parse("curl -H")).hasMessageContaining("-H needs a value");
  }

  @Test
  void aWrittenCommandReadsBackAsTheSameRequest() {
    String written = Curl.write("PATCH", "http://127.0.0.1:9321/prod/partners/acme?x=1&y=2",
        List.of(Map.entry("content-type", "application/json"), Map.entry("Authorization", "$PORTCULLIS_TOKEN")), "{\"it's\": 1}");
    CurlRequest back = parse(written);
    assertThat(back.method()).isEqualTo("PATCH");
    assertThat(back.url()).isEqualTo("http://127.0.0.1:9321/prod/partners/acme?x=1&y=2");
    assertThat(back.body()).isEqualTo("{\"it's\": 1}");
    assertThat(back.headers()).containsExactly(Map.entry("content-type", "application/json"), Map.entry("Authorization", "$PORTCULLIS_TOKEN"));
    assertThat(written).contains("-H \"Authorization: $PORTCULLIS_TOKEN\"");
  }
}
