package dev.portcullis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.engine.http.OutgoingRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/**
 * Writes the wrk scripts of a load run against a running {@code portcullis gateway serve}:
 * {@code jwt.lua} with a bank token got by client credentials from the running bank issuer, and
 * {@code sigv4.lua} with one request signed as refresh-job. wrk replays the same signed request;
 * that is valid for SigV4's 5-minute window (a load run lasts about 2) and the gateway, like AWS,
 * does not reject replays.
 *
 * <p>Usage: {@code LoadRequests <bank issuer URL> <payments API URL> <out dir> <b2b JWT route URL>}. Loopback
 * only. Each request is sent once first and must be allowed.
 */
public final class LoadRequests {
  private LoadRequests() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: LoadRequests <bank issuer URL> <payments API URL> <out dir> <b2b JWT route URL>");
    }
    URI issuer = loopback(args[0]);
    URI payments = loopback(args[1]);
    Path out = Path.of(args[2]);
    String token = clientCredentialsToken(issuer);
    Files.writeString(out.resolve("jwt.lua"), lua("POST", Map.of("Content-Type", "application/json",
        "Authorization", "Bearer " + token), new String(DemoRequests.SETTLEMENT, StandardCharsets.UTF_8)));
    OutgoingRequest signed = DemoRequests.signedRefresh(URI.create(payments + "/internal/refresh"), Clock.systemUTC());
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    signed.headers().entries().forEach(h -> headers.put(h.getKey(), h.getValue()));
    Files.writeString(out.resolve("sigv4.lua"), lua("POST", headers, new String(signed.body(), StandardCharsets.UTF_8)));
    // Both must be allowed, or the load run would measure refusals.
    int jwtBytes = check(URI.create(args[3]), "POST", Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token),
        DemoRequests.SETTLEMENT);
    int sigv4Bytes = check(signed.url(), "POST", headers, signed.body());
    Files.writeString(out.resolve("answer-bytes"), jwtBytes + "\n");
    System.out.println("wrote jwt.lua (answer " + jwtBytes + " bytes) and sigv4.lua (answer " + sigv4Bytes + " bytes) in " + out);
  }

  /** Sends the request once and returns the answer's size; fails unless it is a 200. */
  private static int check(URI url, String method, Map<String, String> headers, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(loopback(url.toString()))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
        request.header(name, value);
      }
    });
    HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body().length;
  }

  private static URI loopback(String url) {
    URI uri = URI.create(url);
    if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
      throw new IllegalArgumentException("load runs target loopback only, not " + url);
    }
    return uri;
  }

  /** The bank-backoffice caller's flow: discovery, then client_credentials with client_secret_basic. */
  private static String clientCredentialsToken(URI issuer) throws IOException, InterruptedException {
    ObjectMapper json = new ObjectMapper();
    HttpClient http = HttpClient.newHttpClient();
    JsonNode discovery = json.readTree(http.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
        .build(), HttpResponse.BodyHandlers.ofString()).body());
    String basic = Base64.getEncoder().encodeToString("backoffice:local-only-backoffice-secret-9a1c".getBytes(StandardCharsets.UTF_8));
    String form = "grant_type=client_credentials&scope=" + URLEncoder.encode("settlements:write", StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(loopback(discovery.get("token_endpoint").asText()))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the bank issuer refused client credentials: " + response.statusCode() + " " + response.body());
    }
    return json.readTree(response.body()).get("access_token").asText();
  }

  private static String lua(String method, Map<String, String> headers, String body) {
    StringBuilder s = new StringBuilder("-- generated by dev.portcullis.bench.LoadRequests; holds a short-lived local-only credential\n");
    s.append("wrk.method = ").append(quote(method)).append('\n');
    s.append("wrk.body = ").append(quote(body)).append('\n');
    headers.forEach((name, value) -> s.append("wrk.headers[").append(quote(name)).append("] = ").append(quote(value)).append('\n'));
    return s.toString();
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
