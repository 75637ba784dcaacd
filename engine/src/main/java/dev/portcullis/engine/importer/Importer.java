package dev.portcullis.engine.importer;

import dev.portcullis.engine.importer.cloudformation.CloudFormationImporter;
import dev.portcullis.engine.importer.openapi.OpenApiImporter;
import dev.portcullis.engine.importer.sam.SamImporter;
import dev.portcullis.engine.importer.serverless.ServerlessImporter;
import dev.portcullis.engine.model.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one entry point of import: reads a source file, finds the importer for its kind (SAM before
 * plain CloudFormation, since a SAM template is also a template), and returns the workspace with
 * its report, or merges the source into an existing workspace ({@link Reimport}). Importers are
 * pluggable: {@link #with} adds one ahead of the built-in ones.
 */
public final class Importer {
  private final List<SourceImporter> importers;
  private final String region;

  private Importer(List<SourceImporter> importers, String region) {
    this.importers = List.copyOf(importers);
    this.region = region;
  }

  /** The built-in importers: OpenAPI/Swagger, SAM, CloudFormation (and CDK output), Serverless Framework. */
  public static Importer create() {
    return new Importer(List.of(new SamImporter(), new CloudFormationImporter(), new ServerlessImporter(), new OpenApiImporter()), null);
  }

  /** Another importer, asked before the built-in ones. */
  public Importer with(SourceImporter importer) {
    List<SourceImporter> all = new ArrayList<>();
    all.add(importer);
    all.addAll(importers);
    return new Importer(all, region);
  }

  /** The region pseudo-parameters resolve to (else they become the variable {@code awsRegion}, us-east-1 locally). */
  public Importer region(String newRegion) {
    return new Importer(importers, newRegion);
  }

  public List<SourceImporter> importers() {
    return importers;
  }

  /** Imports a file into a new workspace. */
  public ImportResult importFile(Path source) throws ImportException {
    SourceDocument doc = SourceReader.read(source);
    SourceImporter importer = importers.stream().filter(i -> i.accepts(doc)).findFirst()
        .orElseThrow(() -> new ImportException(source + ": is not a definition Portcullis imports (expected OpenAPI 3 or Swagger 2 with "
            + "openapi/swagger at the top, a SAM or CloudFormation template with Resources, or a serverless.yml with service and functions)."));
    ImportContext ctx = new ImportContext(source, region);
    ctx.read(doc);
    String kind = importer.kind(doc);
    ImportDraft draft;
    try {
      draft = importer.read(doc, ctx);
    } catch (RuntimeException e) {
      // a shape no importer anticipated: one sentence for the user, the cause kept for --verbose
      throw new ImportException(source + ": could not be read as " + kind + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + "); nothing was imported.", e);
    }
    if (draft.isEmpty()) {
      ctx.leftOut(doc.name(), "defines no API Gateway API, so nothing was imported");
      return new ImportResult(null, ctx.report(kind));
    }
    String name = draft.apis().size() == 1 ? draft.apis().get(0).name() : doc.baseName();
    Workspace ws;
    try {
      ws = new WorkspaceAssembler(ctx).assemble(name, draft.apis());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ImportException(source + ": what it defines does not make a valid workspace (" + e.getMessage() + "); nothing was imported.", e);
    }
    if (!draft.callers().isEmpty() || !draft.requests().isEmpty()) {
      List<dev.portcullis.engine.model.Caller> callers = new ArrayList<>(ws.callers());
      callers.addAll(draft.callers());
      List<dev.portcullis.engine.model.SavedRequest> requests = new ArrayList<>(ws.requests());
      requests.addAll(draft.requests());
      ws = new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), ws.gateways(), callers,
          ws.folders(), requests, ws.environments(), ws.emulator());
    }
    return new ImportResult(ws, ctx.report(kind), ctx.places());
  }

  /** Imports a file and merges it into {@code existing}, keeping the user's callers, requests, expectations and environments. */
  public ImportResult importInto(Workspace existing, Path source) throws ImportException {
    ImportResult fresh = importFile(source);
    if (fresh.workspace() == null) {
      return new ImportResult(existing, fresh.report(), fresh.places());
    }
    return Reimport.merge(existing, fresh);
  }
}
