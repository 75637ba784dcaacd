package dev.portcullis.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.store.WorkspaceStore;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Header names on the wire, both ways, read from raw sockets (issue 19): a REST payload 1.0 event
 * carries names as the client sent them in {@code headers} and {@code multiValueHeaders} (spec §4.1,
 * the REQUEST event's {@code headers}/{@code multiValueHeaders}, which the proxy event shares), an HTTP
 * API payload 2.0 event lower-cases them, and answers spell their names as API Gateway does (spec §1.2
 * {@code x-amzn-ErrorType}, §1.3 {@code apigw-requestid}), with a reason phrase on the status line.
 */
class HeaderNamesTest {
  private static final String WORKSPACE = """
      {
        "schemaVersion": 1, "name": "names",
        "gateways": [
          {"name": "rest", "flavor": "REST", "apiId": "rest1", "stage": "dev",
           "routes": [
             {"method": "GET", "path": "/echo", "authorization": "NONE", "integration": {"type": "echo", "payloadFormat": "1.0"}},
             {"method": "GET", "path": "/once", "authorization": "NONE", "apiKeyRequired": true,
              "integration": {"type": "echo", "payloadFormat": "1.0"}}
           ],
           "usagePlans": [{"name": "p", "throttle": {"rateLimit": 0.001, "burstLimit": 1}}]},
          {"name": "http", "flavor": "HTTP", "apiId": "http1",
           "routes": [{"method": "GET", "path": "/echo", "authorization": "NONE", "integration": {"type": "echo", "payloadFormat": "2.0"}}]}
        ],
        "emulator": {"localOnly": true, "apiKeys": [{"id": "k1", "value": "key-one-value-xyz", "enabled": true, "usagePlans": ["rest/p"]}]}
      }
      """;
  private static LocalGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    Workspace ws = WorkspaceStore.create(Clock.systemUTC()).parse(Path.of("names.json"), WORKSPACE.getBytes(StandardCharsets.UTF_8));
    gateway = LocalGateway.create(ws, Pipeline.builder(ws).clock(Clock.systemUTC()).build(), Clock.systemUTC());
    gateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static String raw(String api, String request) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), gateway.port(api))) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static final String MIXED = "content-type: application/json\r\nUser-agent: raw-socket\r\nX-API-KEY: k\r\n"
      + "x-Forwarded-For: 10.0.0.1\r\nX-Custom-MiXed: one\r\nX-Custom-MiXed: two\r\nConnection: close\r\n\r\n";

  private static JsonNode body(String answer) throws Exception {
    return new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aRestEventCarriesHeaderNamesAsTheClientSentThem() throws Exception {
    JsonNode event = body(raw("rest", "GET /dev/echo HTTP/1.1\r\nHost: x\r\n" + MIXED));

    assertThat(names(event.get("headers"))).contains("Host", "content-type", "User-agent", "X-API-KEY", "x-Forwarded-For",
        "X-Custom-MiXed").doesNotContain("Content-Type", "User-Agent", "X-Api-Key");
    assertThat(event.get("headers").get("content-type").asText()).isEqualTo("application/json");
    assertThat(names(event.get("multiValueHeaders"))).contains("content-type", "User-agent", "X-Custom-MiXed");
    assertThat(event.get("multiValueHeaders").get("X-Custom-MiXed").toString()).isEqualTo("[\"one\",\"two\"]");
  }

  @Test
  void anHttpApiEventLowerCasesHeaderNames() throws Exception {
    JsonNode event = body(raw("http", "GET /echo HTTP/1.1\r\nHost: x\r\n" + MIXED));

    assertThat(names(event.get("headers"))).contains("host", "content-type", "user-agent", "x-api-key", "x-custom-mixed")
        .allMatch(name -> name.equals(name.toLowerCase(java.util.Locale.ROOT)));
    assertThat(event.get("headers").get("x-custom-mixed").asText()).isEqualTo("one,two");
  }

  @Test
  void restAnswersSpellTheirHeaderNamesAsApiGatewayDoes() throws Exception {
    String answer = raw("rest", "GET /dev/nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 403 Forbidden\r\n")
        .contains("\r\nx-amzn-ErrorType: MissingAuthenticationTokenException\r\n")
        .containsPattern("\r\nx-amzn-RequestId: [0-9a-f-]{36}\r\n")
        .contains("\r\nContent-Type: application/json\r\n")
        .containsPattern("\r\nContent-Length: \\d+\r\n");
  }

  @Test
  void httpApiAnswersSayApigwRequestidInLowerCase() throws Exception {
    String answer = raw("http", "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 404 Not Found\r\n").containsPattern("\r\napigw-requestid: \\S+\r\n");
  }

  @Test
  void aThrottledAnswerSaysTooManyRequestsOnItsStatusLine() throws Exception {
    String request = "GET /dev/once HTTP/1.1\r\nHost: x\r\nx-api-key: key-one-value-xyz\r\nConnection: close\r\n\r\n";
    String first = raw("rest", request);
    String second = raw("rest", request);

    assertThat(first).startsWith("HTTP/1.1 200 OK\r\n");
    assertThat(second).startsWith("HTTP/1.1 429 Too Many Requests\r\n")
        .contains("\r\nx-amzn-ErrorType: TooManyRequestsException\r\n");
  }
}
