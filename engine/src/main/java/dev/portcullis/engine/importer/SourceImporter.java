package dev.portcullis.engine.importer;

/**
 * One kind of source (OpenAPI, SAM, CloudFormation, Serverless Framework, a Postman collection
 * ...). {@link Importer} asks each registered importer in turn whether it reads a document; the
 * first that does reads it. A new kind plugs in by adding an implementation to the list.
 */
public interface SourceImporter {

  /** The kind's name in reports, e.g. {@code OpenAPI 3.0}. */
  String kind(SourceDocument doc);

  /** Whether this importer reads the document (cheap: looks at top-level keys). */
  boolean accepts(SourceDocument doc);

  /** Reads the document; what cannot be mapped goes to the context's report, never silently away. */
  ImportDraft read(SourceDocument doc, ImportContext ctx) throws ImportException;
}
