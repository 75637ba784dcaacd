package dev.portcullis.engine.importer.openapi;

import dev.portcullis.engine.importer.ImportContext;
import dev.portcullis.engine.importer.ImportDraft;
import dev.portcullis.engine.importer.ImportException;
import dev.portcullis.engine.importer.Intrinsics;
import dev.portcullis.engine.importer.SourceDocument;
import dev.portcullis.engine.importer.SourceImporter;
import java.nio.file.Path;
import java.util.List;

/** A standalone OpenAPI 3 or Swagger 2 file: an API Gateway export, or a definition written for import. */
public final class OpenApiImporter implements SourceImporter {
  @Override
  public String kind(SourceDocument doc) {
    return doc.tree().has("swagger") ? "Swagger " + doc.tree().get("swagger").asText()
        : "OpenAPI " + doc.tree().path("openapi").asText("3");
  }

  @Override
  public boolean accepts(SourceDocument doc) {
    return OpenApiReader.isOpenApi(doc.tree()) && !doc.tree().has("Resources");
  }

  @Override
  public ImportDraft read(SourceDocument doc, ImportContext ctx) throws ImportException {
    if (!doc.tree().path("paths").isObject() || doc.tree().path("paths").isEmpty()) {
      ctx.leftOut(doc.name(), "the document has no paths, so it defines no routes");
    }
    Path dir = doc.path().toAbsolutePath().getParent();
    return ImportDraft.of(List.of(OpenApiReader.read(doc.tree(), Intrinsics.standalone(ctx), dir, null, doc.baseName())));
  }
}
