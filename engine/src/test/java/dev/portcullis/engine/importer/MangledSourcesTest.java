package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real files with one value swapped for the wrong kind (a mapping for a list, text for a mapping,
 * a number for text), many times over, seeded: each import either succeeds or fails with an
 * ImportException sentence; nothing else escapes to a user.
 */
class MangledSourcesTest {
  @TempDir Path dir;

  static Stream<Path> files() throws Exception {
    return CorpusWithoutStackTracesTest.files().filter(p -> !p.toString().contains("/terraform/"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void aValueOfTheWrongKindNeverEscapesAsAnything(Path file) throws Exception {
    JsonNode original = SourceReader.read(file).tree();
    Random random = new Random(file.getFileName().toString().hashCode());
    List<String> escaped = new ArrayList<>();
    for (int i = 0; i < Integer.getInteger("mangle.rounds", 25); i++) {
      JsonNode copy = original.deepCopy();
      List<JsonNode[]> slots = new ArrayList<>();
      collect(copy, slots);
      JsonNode[] slot = slots.get(random.nextInt(slots.size()));
      replace(slot, switch (random.nextInt(4)) {
        case 0 -> JsonNodeFactory.instance.textNode("x");
        case 1 -> JsonNodeFactory.instance.numberNode(7);
        case 2 -> JsonNodeFactory.instance.arrayNode().add("y");
        default -> JsonNodeFactory.instance.objectNode().put("z", 1);
      });
      Path mangled = dir.resolve(file.getFileName() + "." + i + ".json");
      Files.writeString(mangled, copy.toString(), StandardCharsets.UTF_8);
      try {
        SourceDocument doc = SourceReader.read(mangled);
        // straight through the importer's read, below the entry point's last-resort net, so a fault shows here
        var importer = Importer.create().importers().stream().filter(x -> x.accepts(doc)).findFirst();
        if (importer.isPresent()) {
          ImportContext ctx = new ImportContext(mangled, null);
          ImportDraft draft = importer.get().read(doc, ctx);
          new WorkspaceAssembler(ctx).assemble("mangled", draft.apis());
        }
      } catch (ImportException e) {
        assertThat(e.getMessage()).doesNotContain("\tat ");
      } catch (RuntimeException e) {
        escaped.add(i + ": " + e);
      }
    }
    assertThat(escaped).isEmpty();
  }

  /** Every (parent, key-or-index) slot in the tree, as [parent, key] pairs. */
  private static void collect(JsonNode n, List<JsonNode[]> slots) {
    if (n instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(k -> {
        slots.add(new JsonNode[] {o, JsonNodeFactory.instance.textNode(k)});
        collect(o.get(k), slots);
      });
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        slots.add(new JsonNode[] {a, JsonNodeFactory.instance.numberNode(i)});
        collect(a.get(i), slots);
      }
    }
  }

  private static void replace(JsonNode[] slot, JsonNode value) {
    if (slot[0] instanceof ObjectNode o) {
      o.set(slot[1].asText(), value);
    } else {
      ((ArrayNode) slot[0]).set(slot[1].asInt(), value);
    }
  }
}
