package dev.portcullis.engine.rules;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.store.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The three integrations of the local gateway: echo, mock, http proxy. */
final class Integrations implements IntegrationRunner {
  /** API Gateway's maximum integration timeout, 29 s (spec §8). */
  private static final Duration TIMEOUT = Duration.ofSeconds(29);
  private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "transfer-encoding",
      "upgrade", "expect", "keep-alive", "te", "trailer", "proxy-connection");
  private final HttpClient client;

  /** @param callsHttp false for a predictor whose requests go to a gateway that calls the backend itself */
  Integrations(boolean callsHttp) {
    this.client = callsHttp ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER).build() : null;
  }

  Integrations() {
    this(true);
  }

  @Override
  public Response run(Integration integration, IncomingRequest request, RouteMatch match, Map<String, Object> event) {
    return switch (integration) {
      case Integration.Echo echo -> new Response(200, Map.of("Content-Type", "application/json"), json(event),
          "echo: answered with the proxy event the integration receives");
      case Integration.Mock mock -> new Response(mock.status(), mock.headers(), mock.body(), "mock: fixed answer "
          + mock.status());
      case Integration.Http http when client == null -> new Response(200, Map.of(), "", "http: " + request.method() + " "
          + url(http, request, match) + " " + IntegrationRunner.NOT_CALLED + ": only the gateway calls it for this request, and"
          + " its status is the backend's (an allow is predicted, 200 standing in for that status)");
      case Integration.Http http -> proxy(http, request, match);
    };
  }

  private static String url(Integration.Http http, IncomingRequest request, RouteMatch match) {
    String url = http.url();
    for (Map.Entry<String, String> p : match.pathParameters().entrySet()) {
      url = url.replace("{" + p.getKey() + "}", p.getValue()).replace("{" + p.getKey() + "+}", p.getValue());
    }
    if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
      url += (url.contains("?") ? "&" : "?") + request.rawQuery();
    }
    return url;
  }

  private Response proxy(Integration.Http http, IncomingRequest request, RouteMatch match) {
    String url = url(http, request, match);
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().entries().stream().filter(e -> !NOT_FORWARDED.contains(e.getKey().toLowerCase(Locale.ROOT)))
        .forEach(e -> builder.header(e.getKey(), e.getValue()));
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new LinkedHashMap<>();
      response.headers().map().forEach((k, v) -> {
        if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
          headers.put(k, String.join(",", v));
        }
      });
      return new Response(response.statusCode(), headers, response.body(), "http: " + request.method() + " " + url
          + " answered " + response.statusCode());
    } catch (HttpTimeoutException e) {
      return new Response(504, Map.of("Content-Type", "application/json"), GatewayResponses.message(
          "Endpoint request timed out"), "http: " + url + " did not answer within 29 s (INTEGRATION_TIMEOUT)");
    } catch (IOException e) {
      return new Response(504, Map.of("Content-Type", "application/json"), GatewayResponses.message(
          "Internal server error"), "http: " + url + " failed: " + e.getMessage() + " (INTEGRATION_FAILURE)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(504, Map.of("Content-Type", "application/json"), GatewayResponses.message(
          "Endpoint request timed out"), "http: interrupted while waiting for " + url);
    }
  }

  /** The event's JSON when {@code response} is this class's answer carrying it (echo); null otherwise. */
  static String eventJson(Integration integration, Response response) {
    return integration instanceof Integration.Echo ? response.body() : null;
  }

  static String json(Map<String, Object> event) {
    return EventJson.write(event);
  }

  /**
   * Events keep their nulls (AWS sends {@code "stageVariables": null}), unlike workspace files. Written
   * by walking the maps with Jackson's generator: the same text as the mapper writes (what is not a
   * map, list, string, boolean, int or long is handed to the mapper), without the serializer lookups
   * per value that were half the cost of the echo's event on every request (issue 19).
   */
  private static final class EventJson {
    static final com.fasterxml.jackson.databind.ObjectWriter WRITER = Json.mapper().copy()
        .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
        .disable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writer();

    /**
     * Each thread's text buffer, kept between events: a fresh 2 KB builder grown to 4 KB for every request
     * was a third of the gateway's allocation under load (issue 19). One that grew past {@link #KEPT}
     * (a large body) is dropped after use, so a thread holds at most that much. Not reentrant, and it
     * need not be: {@link #value} writes plain values, never another event.
     */
    private static final ThreadLocal<Text> BUFFER = ThreadLocal.withInitial(() -> new Text(8192));
    private static final int KEPT = 64 * 1024;

    static String write(Map<String, Object> event) {
      // a virtual thread (a request handed off the event loop) lives for one request: a buffer kept for it
      // would be garbage after one use, so it gets a plain one
      boolean kept = !Thread.currentThread().isVirtual();
      Text text = kept ? BUFFER.get() : new Text(4096);
      text.clear();
      try (com.fasterxml.jackson.core.JsonGenerator out = WRITER.createGenerator(text)) {
        value(out, event);
      } catch (IOException e) {
        throw new IllegalStateException("a proxy event is plain maps and always serialises", e);
      }
      String json = text.toString();
      if (kept && text.capacity() > KEPT) {
        BUFFER.remove();
      }
      return json;
    }

    private static void value(com.fasterxml.jackson.core.JsonGenerator out, Object value) throws IOException {
      switch (value) {
        case null -> out.writeNull();
        case String s -> out.writeString(s);
        case Boolean b -> out.writeBoolean(b);
        case Integer i -> out.writeNumber(i);
        case Long l -> out.writeNumber(l);
        case Map<?, ?> map when keysAreStrings(map) -> {
          out.writeStartObject();
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.writeFieldName((String) entry.getKey());
            value(out, entry.getValue());
          }
          out.writeEndObject();
        }
        case java.util.List<?> list -> {
          out.writeStartArray();
          for (Object item : list) {
            value(out, item);
          }
          out.writeEndArray();
        }
        default -> WRITER.writeValue(out, value);
      }
    }

    /** A loop, not a stream: this runs for every map of every event. */
    private static boolean keysAreStrings(Map<?, ?> map) {
      for (Object key : map.keySet()) {
        if (!(key instanceof String)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * A Writer on a plain char array (StringWriter's buffer locks on every write; a StringBuilder checks
   * each char Jackson hands over for Latin-1 as it appends): chars are copied as a block and turned into
   * a String once, at the end.
   */
  private static final class Text extends java.io.Writer {
    private char[] chars;
    private int length;

    Text(int capacity) {
      chars = new char[capacity];
    }

    @Override
    public void write(char[] from, int offset, int count) {
      room(count);
      System.arraycopy(from, offset, chars, length, count);
      length += count;
    }

    @Override
    public void write(String s, int offset, int count) {
      room(count);
      s.getChars(offset, offset + count, chars, length);
      length += count;
    }

    private void room(int count) {
      if (length + count > chars.length) {
        chars = java.util.Arrays.copyOf(chars, Math.max(2 * chars.length, length + count));
      }
    }

    void clear() {
      length = 0;
    }

    int capacity() {
      return chars.length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return new String(chars, 0, length);
    }
  }
}
