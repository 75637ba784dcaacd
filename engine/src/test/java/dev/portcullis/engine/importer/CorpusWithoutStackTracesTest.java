package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the corpus imports, or (Terraform) is refused with one sentence, and nothing else
 * escapes: no exception other than ImportException, no message with a Java class name in it.
 */
class CorpusWithoutStackTracesTest {

  public static Stream<Path> files() throws Exception {
    Path root = CorpusExpectations.corpus("");
    try (Stream<Path> all = Files.walk(root)) {
      List<Path> files = all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("SOURCES.md"))
          .filter(p -> !p.toString().contains("/expected/")).sorted().toList();
      assertThat(files).hasSize(39);
      return files.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void importsOrSaysWhyInOneSentence(Path file) {
    try {
      ImportResult r = Importer.create().importFile(file);
      assertThat(r.workspace()).isNotNull();
      assertThat(r.workspace().gateways()).isNotEmpty();
      assertThat(r.exitCode()).isIn(0, 1);
      assertThat(r.report().text()).doesNotContain("Exception").doesNotContain("at dev.portcullis");
    } catch (ImportException e) {
      assertThat(file.toString()).contains("/terraform/");
      assertThat(e.getMessage()).contains("is Terraform, which Portcullis does not import").doesNotContain("Exception").doesNotContain("\n");
    }
  }
}
