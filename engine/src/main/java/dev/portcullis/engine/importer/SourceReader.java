package dev.portcullis.engine.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a source file into a tree: JSON or YAML (YAML 1.1 as CloudFormation writes it), with the
 * CloudFormation short tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, ...) turned into the long
 * form ({@code Ref}, {@code Fn::Sub}, {@code Fn::GetAtt}) so every importer sees one shape. Every
 * failure is one sentence naming the file and the line.
 */
public final class SourceReader {
  /** Larger sources are refused before parsing: real API definitions are far smaller (AWS caps imports at 6 MB). */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  private static final Set<String> FN_TAGS = Set.of("Sub", "Join", "If", "Select", "Split", "FindInMap", "ImportValue",
      "Base64", "GetAZs", "Equals", "And", "Or", "Not", "Cidr", "Transform", "Length", "ToJsonString");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxDocumentLength(MAX_BYTES).maxNestingDepth(500).build();
  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
  private static final YAMLFactory YAML = yamlFactory();

  private SourceReader() {}

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) MAX_BYTES);
    options.setMaxAliasesForCollections(200);
    return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(LIMITS).build();
  }

  public static SourceDocument read(Path file) throws ImportException {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new ImportException(file + ": is " + (size / (1024 * 1024)) + " MB; the importer reads definitions up to "
            + (MAX_BYTES / (1024 * 1024)) + " MB (API Gateway itself imports at most 6 MB), so it was not read.");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ImportException(file + ": no such file.");
    } catch (IOException e) {
      throw new ImportException(file + ": cannot be read (" + e.getClass().getSimpleName() + ").", e);
    }
    return parse(file, bytes);
  }

  /** Parses bytes; {@code file} names the source in messages and anchors relative includes. */
  public static SourceDocument parse(Path file, byte[] bytes) throws ImportException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    refuseTerraform(file, text);
    String start = text.stripLeading();
    if (start.isEmpty()) {
      throw new ImportException(file + ": is empty, so there is nothing to import.");
    }
    boolean json = start.charAt(0) == '{' || start.charAt(0) == '[';
    try (JsonParser parser = json ? JSON.createParser(bytes) : YAML.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ImportException(file + ": holds no document, so there is nothing to import.");
      }
      Map<JsonNode, Integer> lines = new IdentityHashMap<>();
      JsonNode tree = node(parser, first, lines);
      if (json && parser.nextToken() != null) {
        throw new ImportException(file + ", line " + parser.currentLocation().getLineNr()
            + ": more follows the end of the JSON document; is the file two files glued together?");
      }
      if (!tree.isObject()) {
        throw new ImportException(file + ": is " + (json ? "JSON" : "YAML") + " but not a definition (expected a mapping with "
            + "openapi, swagger, Resources or service at the top; found " + kind(tree) + ").");
      }
      return new SourceDocument(file, tree, !json, lines);
    } catch (JsonProcessingException e) {
      throw new ImportException(describe(file, json, e), e);
    } catch (IOException e) {
      throw new ImportException(file + ": cannot be read (" + e.getClass().getSimpleName() + ").", e);
    } catch (RuntimeException e) {
      // snakeyaml reports some malformed input (bad tags, limits) as unchecked exceptions
      throw new ImportException(file + ": is not valid YAML (" + firstLine(e.getMessage()) + ").", e);
    }
  }

  private static void refuseTerraform(Path file, String text) throws ImportException {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    boolean hcl = name.endsWith(".tf") || name.endsWith(".tf.json") || name.endsWith(".hcl")
        || text.lines().limit(200).anyMatch(l -> l.matches("\\s*(resource|module|provider|terraform|variable)\\s+(\"[^\"]*\"\\s*)*\\{.*"));
    if (hcl) {
      throw new ImportException(file + ": is Terraform, which Portcullis does not import; export the API from AWS instead "
          + "(aws apigateway get-export ... --parameters extensions='apigateway', or the HTTP API's export) and import that file, "
          + "or import the OpenAPI body the Terraform file points at.");
    }
  }

  /** @param lines where each mapping and list starts is added to (its key's line for a mapping's value) */
  private static JsonNode node(JsonParser p, JsonToken token, Map<JsonNode, Integer> lines) throws IOException {
    String tag = p instanceof YAMLParser y ? cfnTag(y.getTypeId()) : null;
    int line = p.currentTokenLocation().getLineNr();
    JsonNode value = switch (token) {
      case START_OBJECT -> object(p, lines);
      case START_ARRAY -> array(p, lines);
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? NODES.numberNode(p.getBigIntegerValue()) : NODES.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> NODES.textNode(p.getText());
    };
    JsonNode node = tag == null ? value : wrap(tag, value);
    if (placeable(node)) {
      lines.putIfAbsent(node, line);
    }
    return node;
  }

  /**
   * Whether a node is its own object, so that its identity names one place: mappings, lists and
   * non-empty strings are; booleans, null, small numbers and the empty string are shared instances.
   */
  private static boolean placeable(JsonNode node) {
    return node.isContainerNode() || (node.isTextual() && !node.textValue().isEmpty());
  }

  private static ObjectNode object(JsonParser p, Map<JsonNode, Integer> lines) throws IOException {
    ObjectNode o = NODES.objectNode();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      if (t == null) {
        throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "Unexpected end-of-input in a mapping");
      }
      String key = p.currentName();
      int keyLine = p.currentTokenLocation().getLineNr();
      JsonNode value = node(p, p.nextToken(), lines);
      if (placeable(value)) {
        lines.put(value, keyLine);
      }
      o.set(key, value);
    }
    return o;
  }

  private static ArrayNode array(JsonParser p, Map<JsonNode, Integer> lines) throws IOException {
    ArrayNode a = NODES.arrayNode();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "Unexpected end-of-input in a list");
      }
      a.add(node(p, t, lines));
    }
    return a;
  }

  /** The CloudFormation function a YAML tag names, or null for no tag or a standard one. */
  private static String cfnTag(String typeId) {
    if (typeId == null || typeId.startsWith("tag:yaml.org")) {
      return null;
    }
    String t = typeId.replaceFirst("^!+", "");
    if (t.equals("Ref") || t.equals("Condition") || t.equals("GetAtt")) {
      return t;
    }
    return FN_TAGS.contains(t) ? "Fn::" + t : null;
  }

  private static JsonNode wrap(String tag, JsonNode value) {
    ObjectNode o = NODES.objectNode();
    if (tag.equals("GetAtt")) {
      if (value.isTextual()) {
        String s = value.asText();
        int dot = s.indexOf('.');
        ArrayNode parts = NODES.arrayNode();
        parts.add(dot < 0 ? s : s.substring(0, dot));
        if (dot > 0) {
          parts.add(s.substring(dot + 1));
        }
        value = parts;
      }
      o.set("Fn::GetAtt", value);
      return o;
    }
    o.set(tag, value);
    return o;
  }

  private static String describe(Path file, boolean json, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    String where = loc == null || loc.getLineNr() < 1 ? "" : ", line " + loc.getLineNr();
    String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    if (msg.contains("end-of-input") || msg.toLowerCase(Locale.ROOT).contains("end of the stream")) {
      return file + where + ": the file ends in the middle of the " + (json ? "JSON" : "YAML") + " (truncated?), so nothing was imported.";
    }
    if (msg.contains("exceeds") || msg.contains("limit")) {
      return file + ": is too large or too deeply nested to import (" + firstLine(msg) + ").";
    }
    return file + where + ": is not valid " + (json ? "JSON" : "YAML") + " (" + firstLine(msg) + ").";
  }

  private static String kind(JsonNode n) {
    return n.isArray() ? "a list" : n.isTextual() ? "a single line of text" : n.isNumber() ? "a number" : "a " + n.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String firstLine(String msg) {
    if (msg == null) {
      return "no details";
    }
    int nl = msg.indexOf('\n');
    return (nl < 0 ? msg : msg.substring(0, nl)).strip();
  }
}
