package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another kind of source (a request collection, say) plugs into the one entry point and is asked first. */
class PluggableImporterTest {
  @Test
  void anAddedImporterReadsTheKindItAcceptsAndTheOthersStillWork(@TempDir Path dir) throws Exception {
    SourceImporter collection = new SourceImporter() {
      @Override
      public String kind(SourceDocument doc) {
        return "test collection";
      }

      @Override
      public boolean accepts(SourceDocument doc) {
        return doc.tree().has("collection");
      }

      @Override
      public ImportDraft read(SourceDocument doc, ImportContext ctx) {
        return ImportDraft.of(List.of(new ImportedApi("collected", Gateway.Flavor.HTTP, null, null, null, null, null,
            List.of(new ImportedRoute("GET", "/x", new Protection.Unreadable("the collection does not say"), false, null, null, null)),
            List.of(), List.of(), null)));
      }
    };
    Path f = Files.writeString(dir.resolve("c.json"), "{\"collection\": {}}");
    ImportResult r = Importer.create().with(collection).importFile(f);
    assertThat(r.report().kind()).isEqualTo("test collection");
    assertThat(r.workspace().gateways().get(0).routes().get(0).authorizer()).isEqualTo(WorkspaceAssembler.UNREADABLE);
    assertThat(Importer.create().with(collection).importFile(CorpusExpectations.corpus("openapi/07-ecommerce-orders-openapi.yaml"))
        .report().kind()).isEqualTo("OpenAPI 3.0.2");
  }
}
