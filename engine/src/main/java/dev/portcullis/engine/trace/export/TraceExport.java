package dev.portcullis.engine.trace.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.store.Json;
import dev.portcullis.engine.trace.Trace;
import java.util.Objects;

/**
 * Traces to JSON and Markdown, and back from JSON. Both exports are always masked by the given
 * {@link Masking}: there is no unmasked export, so a shared trace cannot leak a token by a wrong
 * flag. Markdown is rendered from the masked JSON, so both formats go through one scrubber.
 */
public final class TraceExport {
  /** The trace file format version; bump it and migrate on read when the format changes. */
  public static final int SCHEMA_VERSION = 1;

  private final Masking masking;

  private TraceExport(Masking masking) {
    this.masking = Objects.requireNonNull(masking, "masking");
  }

  /** An exporter that masks with {@code masking} (register the run's secrets with it first). */
  public static TraceExport create(Masking masking) {
    return new TraceExport(masking);
  }

  /** The trace as masked JSON, in the project's file style, with {@code schemaVersion}. */
  public String toJson(Trace trace) {
    return Json.write(maskedTree(trace));
  }

  /** The trace as masked, readable Markdown: a heading per step, tables and code fences. */
  public String toMarkdown(Trace trace) {
    return MarkdownWriter.write(read(maskedTree(trace)));
  }

  /**
   * Reads a trace exported by {@link #toJson} for viewing. Exported traces are masked, so the
   * result is too.
   *
   * @throws IllegalArgumentException if {@code json} is not a trace file, with a sentence saying why
   */
  public Trace fromJson(String json) {
    JsonNode tree;
    try {
      tree = TraceJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Trace file is not JSON: " + e.getOriginalMessage()
          + ". Export the trace again from Portcullis.", e);
    }
    if (!(tree instanceof ObjectNode object) || !object.has("schemaVersion")) {
      throw new IllegalArgumentException("This JSON is not a Portcullis trace (no schemaVersion).");
    }
    int version = object.get("schemaVersion").asInt();
    if (version != SCHEMA_VERSION) {
      throw new IllegalArgumentException("Trace file schemaVersion " + version + " is not supported (this version reads "
          + SCHEMA_VERSION + "); update Portcullis.");
    }
    return read(object);
  }

  private ObjectNode maskedTree(Trace trace) {
    ObjectNode tree = Json.mapper().createObjectNode();
    tree.put("schemaVersion", SCHEMA_VERSION);
    tree.setAll((ObjectNode) masking.scrub(TraceJson.MAPPER.valueToTree(trace)));
    return tree;
  }

  private static Trace read(ObjectNode tree) {
    ObjectNode body = tree.deepCopy();
    body.remove("schemaVersion");
    try {
      return TraceJson.MAPPER.treeToValue(body, Trace.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Trace file is not valid: " + e.getMessage()
          + ". Export the trace again from Portcullis.", e);
    }
  }
}
