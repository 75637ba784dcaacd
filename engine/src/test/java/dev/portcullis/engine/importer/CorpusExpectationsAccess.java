package dev.portcullis.engine.importer;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import java.nio.file.Path;
import java.util.Map;

/** Public face of {@link CorpusExpectations} for the importer's sub-package tests. */
public final class CorpusExpectationsAccess {
  private CorpusExpectationsAccess() {}

  public static Path corpus(String relative) {
    return CorpusExpectations.corpus(relative);
  }

  public static Map<String, String> routes(Gateway g) {
    return CorpusExpectations.routes(g);
  }

  public static Map<String, String> authorizers(Gateway g) {
    return CorpusExpectations.authorizers(g);
  }

  public static Gateway only(Workspace ws) {
    return CorpusExpectations.only(ws);
  }

  public static Map<String, String> map(String... pairs) {
    return CorpusExpectations.map(pairs);
  }
}
