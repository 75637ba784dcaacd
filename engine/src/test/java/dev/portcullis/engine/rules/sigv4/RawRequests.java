package dev.portcullis.engine.rules.sigv4;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the suite's {@code request.txt} format into the request the gateway would see. The request
 * line's target is taken verbatim as the wire path: the suite puts a raw space and raw UTF-8 there
 * precisely to exercise encoding, and the verifier encodes the wire path once more, which is what
 * "double encoding" means (botocore quotes the already-encoded path, spec §5).
 */
final class RawRequests {

  private RawRequests() {}

  static IncomingRequest parse(String text, Instant receivedAt) {
    String[] headAndBody = text.split("\n\n", 2);
    List<String> lines = List.of(headAndBody[0].split("\n"));
    String requestLine = lines.get(0);
    String method = requestLine.substring(0, requestLine.indexOf(' '));
    String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(' '));
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? null : target.substring(q + 1);
    byte[] body = headAndBody.length > 1 ? headAndBody[1].getBytes(StandardCharsets.UTF_8) : new byte[0];
    return new IncomingRequest(method, path, query, headers(lines.subList(1, lines.size())), body, null, receivedAt);
  }

  /** Continuation lines (obs-fold) stay part of the value with their line break, as a lenient server passes them on. */
  private static HeaderList headers(List<String> lines) {
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    for (String line : lines) {
      if (!entries.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
        Map.Entry<String, String> last = entries.remove(entries.size() - 1);
        entries.add(Map.entry(last.getKey(), last.getValue() + "\n" + line));
      } else if (!line.isEmpty()) {
        int colon = line.indexOf(':');
        entries.add(Map.entry(line.substring(0, colon), line.substring(colon + 1)));
      }
    }
    return new HeaderList(entries);
  }
}
