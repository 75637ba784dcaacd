package dev.portcullis.engine.importer.cloudformation;

import dev.portcullis.engine.importer.ImportContext;
import dev.portcullis.engine.importer.ImportDraft;
import dev.portcullis.engine.importer.Intrinsics;
import dev.portcullis.engine.importer.SourceDocument;
import dev.portcullis.engine.importer.SourceImporter;
import java.util.List;

/** A CloudFormation template (hand-written or CDK's {@code cdk.out/*.template.json}) with API Gateway resources. */
public final class CloudFormationImporter implements SourceImporter {
  @Override
  public String kind(SourceDocument doc) {
    boolean cdk = doc.tree().path("Parameters").has("BootstrapVersion") || doc.tree().toString().contains("aws:cdk:path");
    return cdk ? "CloudFormation (CDK synth output)" : "CloudFormation";
  }

  @Override
  public boolean accepts(SourceDocument doc) {
    return doc.tree().path("Resources").isObject() && CloudFormationReader.definesApis(doc.tree());
  }

  @Override
  public ImportDraft read(SourceDocument doc, ImportContext ctx) {
    Intrinsics ix = Intrinsics.of(doc.tree(), ctx);
    return ImportDraft.of(List.copyOf(new CloudFormationReader(doc.tree(), ix, doc.path().toAbsolutePath().getParent()).apis().values()));
  }
}
