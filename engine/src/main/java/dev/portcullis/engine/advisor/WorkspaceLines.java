package dev.portcullis.engine.advisor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.store.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines of the workspace file where each gateway, route, authoriser and emulator access key
 * starts, so SARIF points code scanning at the line to change. A file that does not parse gives
 * a locator that knows nothing (the advisor then names the file alone).
 */
public final class WorkspaceLines implements SourceLocator {
  private static final Pattern ITEM = Pattern.compile("/gateways/(\\d+)(?:/(routes|authorizers)/(\\d+))?|/emulator/accessKeys/(\\d+)");

  private final String file;
  private final Map<Subject, Integer> lines;

  private WorkspaceLines(String file, Map<Subject, Integer> lines) {
    this.file = file;
    this.lines = lines;
  }

  /**
   * @param file how SARIF and reports name the file (a repository-relative path when there is one)
   * @param bytes the workspace file as written
   */
  public static WorkspaceLines of(String file, byte[] bytes) {
    Map<Subject, Integer> lines = new HashMap<>();
    try {
      JsonNode tree = Json.mapper().readTree(bytes);
      try (JsonParser parser = Json.mapper().getFactory().createParser(bytes)) {
        for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
          if (t == JsonToken.START_OBJECT) {
            subject(tree, parser.getParsingContext().pathAsPointer().toString())
                .ifPresent(s -> lines.putIfAbsent(s, parser.currentTokenLocation().getLineNr()));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      lines.clear(); // an unreadable file has no lines to offer; the advisor names the file alone
    }
    return new WorkspaceLines(file, Map.copyOf(lines));
  }

  private static Optional<Subject> subject(JsonNode tree, String pointer) {
    Matcher m = ITEM.matcher(pointer);
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group(4) != null) {
      return Optional.of(Subject.accessKey(tree.at(pointer + "/accessKeyId").asText()));
    }
    String gateway = tree.at("/gateways/" + m.group(1) + "/name").asText();
    if (m.group(2) == null) {
      return Optional.of(Subject.gateway(gateway));
    }
    JsonNode item = tree.at(pointer);
    if (m.group(2).equals("authorizers")) {
      return Optional.of(Subject.authorizer(gateway, item.path("name").asText()));
    }
    String method = item.path("method").asText();
    String key = method.equals("$default") ? "$default" : method.toUpperCase(Locale.ROOT) + " " + item.path("path").asText();
    return Optional.of(Subject.route(gateway, key));
  }

  /** The embedded demo's lines, named by its path in the repository. */
  public static WorkspaceLines ofDemo() {
    try (java.io.InputStream in = WorkspaceLines.class.getResourceAsStream("/dev/portcullis/profiles/payments-demo.json")) {
      return of("profiles/payments-demo.json", in == null ? new byte[0] : in.readAllBytes());
    } catch (IOException e) {
      return of("profiles/payments-demo.json", new byte[0]);
    }
  }

  @Override
  public Optional<SourceLocation> locate(Subject subject) {
    Integer line = lines.get(subject);
    if (line == null && subject.gateway() != null) {
      line = lines.get(Subject.gateway(subject.gateway())); // a route's finding falls back to its gateway
    }
    return Optional.ofNullable(line).map(l -> new SourceLocation(file, l, 0));
  }

  /** The file's name as reports give it. */
  public String file() {
    return file;
  }
}
