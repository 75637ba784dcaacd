package dev.portcullis.engine.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One parsed source file: its tree (JSON and YAML alike; CloudFormation short tags such as
 * {@code !Ref X} already turned into their long form {@code {"Ref": "X"}}), where it came from, and
 * whether it was YAML.
 *
 * @param path the file, used to name it in messages and to find files it includes ({@code AWS::Include})
 * @param lines the line each mapping, list and non-empty string of the tree starts on (for a mapping's
 *     value, the line of its key), by identity: what the import report points at
 */
public record SourceDocument(Path path, JsonNode tree, boolean yaml, Map<JsonNode, Integer> lines) {
  public SourceDocument {
    Objects.requireNonNull(path, "a source document needs its path");
    Objects.requireNonNull(tree, "a source document needs its tree");
    lines = lines == null ? Map.of() : Collections.unmodifiableMap(new IdentityHashMap<>(lines));
  }

  /** The file name, for messages. */
  public String name() {
    Path file = path.getFileName();
    return file == null ? path.toString() : file.toString();
  }

  /** The file's name without its extensions, a fallback name for what it defines. */
  public String baseName() {
    String n = name();
    int dot = n.indexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
