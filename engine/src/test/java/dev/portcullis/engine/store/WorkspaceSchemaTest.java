package dev.portcullis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.importer.Importer;
import dev.portcullis.engine.testing.ProjectFiles;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema shipped in the engine describes the format the store reads: each model record's
 * fields are exactly its definition's properties (so the schema cannot drift from the records),
 * and the demo and an imported workspace use only fields and values the schema knows.
 */
class WorkspaceSchemaTest {
  private static final String RESOURCE = "/dev/portcullis/schema/workspace-1.schema.json";

  private static JsonNode schema() throws Exception {
    try (InputStream in = WorkspaceSchemaTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as("the schema ships in the engine at " + RESOURCE).isNotNull();
      return Json.mapper().readTree(in);
    }
  }

  private static Map<String, Class<?>> modelRecords() {
    Map<String, Class<?>> out = new HashMap<>();
    List<Class<?>> roots = List.of(dev.portcullis.engine.model.Workspace.class, dev.portcullis.engine.model.Gateway.class,
        dev.portcullis.engine.model.Route.class, dev.portcullis.engine.model.Authorizer.class, dev.portcullis.engine.model.Caller.class,
        dev.portcullis.engine.model.CredentialSource.class, dev.portcullis.engine.model.Emulator.class, dev.portcullis.engine.model.Environment.class,
        dev.portcullis.engine.model.Expectation.class, dev.portcullis.engine.model.Integration.class, dev.portcullis.engine.model.LambdaFunction.class,
        dev.portcullis.engine.model.SavedRequest.class, dev.portcullis.engine.model.UsagePlan.class);
    List<Class<?>> todo = new ArrayList<>(roots);
    while (!todo.isEmpty()) {
      Class<?> c = todo.remove(0);
      if (c.isRecord()) {
        out.put(c.getSimpleName(), c);
      }
      todo.addAll(Arrays.asList(c.getDeclaredClasses()));
    }
    return out;
  }

  @Test
  void everyRecordsFieldsAreItsDefinitionsProperties() throws Exception {
    JsonNode schema = schema();
    Map<String, Class<?>> records = modelRecords();
    assertThat(records).containsKeys("Workspace", "Route", "Cognito", "CognitoUser", "TokenRecipe");
    for (Map.Entry<String, Class<?>> e : records.entrySet()) {
      JsonNode def = e.getKey().equals("Workspace") ? schema : schema.path("$defs").path(e.getKey());
      assertThat(def.isMissingNode()).as("schema definition for " + e.getKey()).isFalse();
      Set<String> properties = new TreeSet<>();
      def.path("properties").fields().forEachRemaining(p -> {
        if (!p.getValue().has("const") || p.getKey().equals("schemaVersion")) {
          properties.add(p.getKey());
        }
      });
      properties.remove("$schema");
      Set<String> fields = new TreeSet<>(Arrays.stream(e.getValue().getRecordComponents()).map(RecordComponent::getName).toList());
      assertThat(properties).as("properties of " + e.getKey()).isEqualTo(fields);
      assertThat(def.path("additionalProperties").asBoolean(true)).as(e.getKey() + " refuses unknown fields, as the store does").isFalse();
    }
  }

  @Test
  void theDemoAndAnImportedWorkspaceUseOnlyWhatTheSchemaKnows() throws Exception {
    JsonNode schema = schema();
    List<String> problems = new ArrayList<>();
    check(Json.mapper().readTree(Files.readAllBytes(ProjectFiles.demo())), schema, schema, "", problems);
    Path sam = Path.of(System.getProperty("portcullis.shared"), "oracles/import-corpus/sam/golden/api_with_auth_all_maximum.input.yaml");
    String imported = WorkspaceStore.renderWithSchemaPointer(Importer.create().importFile(sam).workspace());
    check(Json.mapper().readTree(imported), schema, schema, "", problems);
    assertThat(problems).isEmpty();
    // an import points at the shipped schema by its $id, and the pointer does not stop the file loading
    assertThat(Json.mapper().readTree(imported).path("$schema").asText()).isEqualTo(schema.path("$id").asText());
    assertThat(WorkspaceStore.create(java.time.Clock.systemUTC()).parse(Path.of("imported.pcws"),
        imported.getBytes(java.nio.charset.StandardCharsets.UTF_8)).gateways()).isNotEmpty();
    // and the check itself notices what the store refuses
    List<String> caught = new ArrayList<>();
    check(Json.mapper().readTree("{\"schemaVersion\": 1, \"name\": \"x\", \"gateways\": [{\"name\": \"g\", \"flavor\": \"SOAP\", \"routs\": []}]}"),
        schema, schema, "", caught);
    assertThat(caught).containsExactlyInAnyOrder("gateways[0].flavor: 'SOAP' is not one of [\"REST\",\"HTTP\"]", "gateways[0]: unknown field routs");
  }

  @Test
  void theDocumentedExampleLoads() throws Exception {
    String doc = Files.readString(Path.of(System.getProperty("portcullis.root"), "docs/workspace-format.md"));
    String example = doc.substring(doc.indexOf("```json") + 7, doc.indexOf("```", doc.indexOf("```json") + 7));
    var ws = WorkspaceStore.create(java.time.Clock.systemUTC()).parse(Path.of("workspace-format.md"),
        example.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(ws.gateways()).singleElement().satisfies(g -> assertThat(g.routes()).hasSize(2));
    List<String> problems = new ArrayList<>();
    check(Json.mapper().readTree(example), schema(), schema(), "", problems);
    assertThat(problems).isEmpty();
  }

  private static void check(JsonNode value, JsonNode def, JsonNode root, String at, List<String> problems) {
    while (def.has("$ref")) {
      def = root.at(def.get("$ref").asText().substring(1));
    }
    if (def.has("oneOf") && value.isObject()) {
      JsonNode chosen = null;
      for (JsonNode option : def.get("oneOf")) {
        JsonNode o = option.has("$ref") ? root.at(option.get("$ref").asText().substring(1)) : option;
        Iterator<Map.Entry<String, JsonNode>> props = o.path("properties").fields();
        while (props.hasNext()) {
          Map.Entry<String, JsonNode> p = props.next();
          if (p.getValue().has("const") && p.getValue().get("const").equals(value.get(p.getKey()))) {
            chosen = o;
          }
        }
      }
      if (chosen != null) {
        check(value, chosen, root, at, problems);
      }
      return;
    }
    if (def.has("enum") && !def.get("enum").toString().contains(value.toString())) {
      problems.add(at + ": " + value.toString().replace('"', '\'') + " is not one of " + def.get("enum"));
    }
    if (value.isObject() && def.has("properties")) {
      JsonNode props = def.get("properties");
      final JsonNode d = def;
      value.fields().forEachRemaining(f -> {
        if (!props.has(f.getKey())) {
          if (!d.path("additionalProperties").asBoolean(true)) {
            problems.add(at + ": unknown field " + f.getKey());
          }
        } else {
          check(f.getValue(), props.get(f.getKey()), root, at.isEmpty() ? f.getKey() : at + "." + f.getKey(), problems);
        }
      });
    } else if (value.isObject() && def.path("additionalProperties").isObject()) {
      JsonNode values = def.get("additionalProperties");
      value.fields().forEachRemaining(f -> check(f.getValue(), values, root, at + "." + f.getKey(), problems));
    } else if (value.isArray() && def.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), def.get("items"), root, at + "[" + i + "]", problems);
      }
    }
  }
}
