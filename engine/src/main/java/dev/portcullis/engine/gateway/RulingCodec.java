package dev.portcullis.engine.gateway;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.rules.Ruling;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ruling as the log keeps it: every field it renders from, as bytes. The integration event
 * (nested maps, most of a ruling) is kept as its UTF-8 JSON, or not at all when the answer's body
 * already is that JSON (the echo integration); {@link #decode} gives back a ruling equal to the
 * original, its event read back from that JSON.
 *
 * <p>Encoding writes straight into the ring's array ({@link Writer}): no buffer is grown and
 * copied for a ruling, of which the gateway keeps tens of thousands a second under load.
 */
final class RulingCodec {
  private static final int ALLOWED = 0;
  private static final int DENIED = 1;
  private static final int NO_EVENT = 0;
  private static final int EVENT_IS_BODY = 1;
  private static final int EVENT_JSON = 2;

  private RulingCodec() {}

  static byte[] id(String requestId) {
    return requestId.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A ruling ready to be written: its event's JSON looked up once, its body's UTF-8 when the caller already has it (or
   * null), and the most it can take.
   */
  record Encoding(Ruling ruling, String eventJson, boolean eventIsBody, byte[] bodyUtf8, int maxBytes) {
    static Encoding of(Ruling ruling) {
      return of(ruling, null);
    }

    /** {@code bodyUtf8}: the outcome's body as UTF-8, as the gateway sent it (an echo's 2 KB then is encoded once). */
    static Encoding of(Ruling ruling, byte[] bodyUtf8) {
      String json = ruling.integrationEventJson();
      Ruling.Outcome outcome = ruling.outcome();
      // the echo body is the event's JSON: about 2 KB that need not be kept twice
      boolean eventIsBody = json != null && json.equals(outcome.body());
      long body = bodyUtf8 == null ? Writer.most(outcome.body()) : 4L + bodyUtf8.length;
      long max = 64L + Writer.most(ruling.gateway()) + Writer.most(ruling.method()) + Writer.most(ruling.path())
          + Writer.most(ruling.routeKey()) + body + (eventIsBody ? 0 : Writer.most(json));
      if (outcome instanceof Ruling.Outcome.Denied d) {
        max += Writer.most(d.gatewayResponseType()) + Writer.most(d.errorType()) + Writer.most(d.decidedBy());
      }
      for (Map.Entry<String, String> header : outcome.headers().entrySet()) {
        max += Writer.most(header.getKey()) + Writer.most(header.getValue());
      }
      for (Ruling.Check check : ruling.checks()) {
        max += 1 + Writer.most(check.id()) + Writer.most(check.evidence());
      }
      return new Encoding(ruling, json, eventIsBody, bodyUtf8, (int) Math.min(Integer.MAX_VALUE, max));
    }

    /** Writes the ruling from {@code at}; returns where it ended (at most {@code at + maxBytes}). */
    int writeTo(byte[] into, int at) {
      Writer out = new Writer(into, at);
      Ruling.Outcome outcome = ruling.outcome();
      out.bool(ruling.receivedAt() != null);
      if (ruling.receivedAt() != null) {
        out.longValue(ruling.receivedAt().getEpochSecond());
        out.intValue(ruling.receivedAt().getNano());
      }
      out.string(ruling.gateway());
      out.string(ruling.flavor() == null ? null : ruling.flavor().name());
      out.string(ruling.method());
      out.string(ruling.path());
      out.string(ruling.routeKey());
      out.bytes(outcome instanceof Ruling.Outcome.Denied ? DENIED : ALLOWED);
      out.intValue(outcome.status());
      if (outcome instanceof Ruling.Outcome.Denied denied) {
        out.string(denied.gatewayResponseType());
        out.string(denied.errorType());
        out.string(denied.decidedBy());
      }
      if (bodyUtf8 == null) {
        out.string(outcome.body());
      } else {
        out.utf8(bodyUtf8);
      }
      out.intValue(outcome.headers().size());
      for (Map.Entry<String, String> header : outcome.headers().entrySet()) {
        out.string(header.getKey());
        out.string(header.getValue());
      }
      out.intValue(ruling.checks().size());
      for (Ruling.Check check : ruling.checks()) {
        out.string(check.id());
        out.bool(check.passed());
        out.string(check.evidence());
      }
      out.bytes(eventJson == null ? NO_EVENT : eventIsBody ? EVENT_IS_BODY : EVENT_JSON);
      if (eventJson != null && !eventIsBody) {
        out.string(eventJson);
      }
      return out.at;
    }
  }

  static Ruling decode(String requestId, byte[] payload) {
    Reader in = new Reader(payload);
    Instant receivedAt = in.bool() ? Instant.ofEpochSecond(in.longValue(), in.intValue()) : null;
    String gateway = in.string();
    String flavor = in.string();
    String method = in.string();
    String path = in.string();
    String routeKey = in.string();
    boolean denied = in.bytes() == DENIED;
    int status = in.intValue();
    String responseType = denied ? in.string() : null;
    String errorType = denied ? in.string() : null;
    String decidedBy = denied ? in.string() : null;
    String body = in.string();
    Map<String, String> headers = new LinkedHashMap<>();
    for (int n = in.intValue(); n > 0; n--) {
      headers.put(in.string(), in.string());
    }
    List<Ruling.Check> checks = new ArrayList<>();
    for (int n = in.intValue(); n > 0; n--) {
      checks.add(new Ruling.Check(in.string(), in.bool(), in.string()));
    }
    int event = in.bytes();
    String json = event == EVENT_IS_BODY ? body : event == EVENT_JSON ? in.string() : null;
    Ruling.Outcome outcome = denied ? new Ruling.Outcome.Denied(status, responseType, errorType, body, headers, decidedBy)
        : new Ruling.Outcome.Allowed(status, headers, body);
    return new Ruling(requestId, receivedAt, gateway, flavor == null ? null : Gateway.Flavor.valueOf(flavor), method,
        path, routeKey, outcome, checks, json == null ? null : Ruling.readEvent(json), json);
  }

  /** Big-endian numbers and length-prefixed UTF-8 (length -1: null) into an array with room enough. */
  static final class Writer {
    private final byte[] into;
    private int at;

    Writer(byte[] into, int at) {
      this.into = into;
      this.at = at;
    }

    /** The most {@link #string} writes for {@code text}: its length, and three bytes a UTF-16 unit. */
    static long most(String text) {
      return 4 + (text == null ? 0 : 3L * text.length());
    }

    void bytes(int value) {
      into[at++] = (byte) value;
    }

    void bool(boolean value) {
      bytes(value ? 1 : 0);
    }

    void intValue(int value) {
      for (int shift = 24; shift >= 0; shift -= 8) {
        into[at++] = (byte) (value >>> shift);
      }
    }

    void longValue(long value) {
      intValue((int) (value >>> 32));
      intValue((int) value);
    }

    /**
     * Recently written texts that are not plain ASCII, the same object: the JDK copies ASCII as a block but
     * encodes any other text character by character, and the evidence lines that cite "§" are often
     * the same object on every request (a remembered policy decision's line).
     */
    private static final Encoded[] RECENT = new Encoded[64];

    private record Encoded(String text, byte[] utf8) {}

    private static byte[] utf8(String text) {
      // the slot from the length and two chars, constant time: identityHashCode marked every fresh string's
      // header (2 % of the gateway's time, issue 19), String.hashCode reads all of a long token's chars
      int length = text.length();
      int slot = length == 0 ? 0 : (length * 31 + text.charAt(0) + text.charAt(length >> 1)) & (RECENT.length - 1);
      Encoded recent = RECENT[slot];
      if (recent != null && recent.text() == text) {
        return recent.utf8();
      }
      // the JDK's encoder copies Latin-1 text as a block, faster than any loop over its characters here
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      if (utf8.length != text.length()) {
        RECENT[slot] = new Encoded(text, utf8);
      }
      return utf8;
    }

    void string(String text) {
      if (text == null) {
        intValue(-1);
        return;
      }
      utf8(utf8(text));
    }

    /** A text already encoded: written as {@link #string} writes it. */
    void utf8(byte[] utf8) {
      intValue(utf8.length);
      System.arraycopy(utf8, 0, into, at, utf8.length);
      at += utf8.length;
    }
  }

  private static final class Reader {
    private final byte[] from;
    private int at;

    Reader(byte[] from) {
      this.from = from;
    }

    int bytes() {
      return from[at++];
    }

    boolean bool() {
      return bytes() != 0;
    }

    int intValue() {
      int value = 0;
      for (int i = 0; i < 4; i++) {
        value = value << 8 | (from[at++] & 0xff);
      }
      return value;
    }

    long longValue() {
      return (long) intValue() << 32 | (intValue() & 0xffffffffL);
    }

    String string() {
      int length = intValue();
      if (length < 0) {
        return null;
      }
      String text = new String(from, at, length, StandardCharsets.UTF_8);
      at += length;
      return text;
    }
  }
}
