package dev.portcullis.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inside the engine: the model is plain records, and engine code takes time from an injected Clock. */
class EngineLayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.portcullis.engine");
  }

  @Test
  void modelCarriesNoJacksonAnnotationsOrLibraries() {
    noClasses().that().resideInAPackage("..engine.model..")
        .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "okhttp3..", "software.amazon..", "com.nimbusds..")
        .check(classes);
  }

  @Test
  void engineCodeNeverReadsTheWallClockDirectly() {
    noClasses().that().resideInAPackage("dev.portcullis.engine..")
        .should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .check(classes);
  }
}
