package dev.portcullis.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md: app depends on engine, never the reverse; engine has no JavaFX; libraries stay behind the engine. */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.portcullis");
  }

  @Test
  void engineImportsNoJavaFx() {
    noClasses().that().resideInAPackage("dev.portcullis.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp..", "org.fxmisc..")
        .check(classes);
  }

  @Test
  void engineNeverDependsOnTheApp() {
    noClasses().that().resideInAPackage("dev.portcullis.engine..")
        .should().dependOnClassesThat().resideInAPackage("dev.portcullis.app..")
        .check(classes);
  }

  @Test
  void appReachesHttpAwsAndJoseOnlyThroughTheEngine() {
    noClasses().that().resideInAPackage("dev.portcullis.app..")
        .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "software.amazon..", "com.nimbusds..",
            "com.sun.net.httpserver..", "io.netty..", "com.fasterxml.jackson..")
        .check(classes);
  }

  @Test
  void onlyTheViewModelsAndViewsOfTheUiUseJavaFx() {
    noClasses().that().resideInAPackage("dev.portcullis.app.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..")
        .check(classes);
  }

  /**
   * MVVM (HOUSE-STYLE 9): a class that builds nodes shows engine values (traces, rulings, findings)
   * but calls no engine machinery; sending, signing, storing, importing and running go through a view-model.
   */
  @Test
  void viewsCallNoEngineMachinery() {
    com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> buildsNodes =
        com.tngtech.archunit.base.DescribedPredicate.describe("build JavaFX nodes", c -> c.getDirectDependenciesFromSelf().stream()
            .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("javafx.scene.control")
                || d.getTargetClass().getPackageName().startsWith("javafx.scene.layout")));
    noClasses().that().resideInAPackage("dev.portcullis.app.ui..").and(buildsNodes)
        .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.engine.run..", "dev.portcullis.engine.send..",
            "dev.portcullis.engine.gateway..", "dev.portcullis.engine.identity..", "dev.portcullis.engine.store..",
            "dev.portcullis.engine.importer..", "dev.portcullis.engine.exchange..", "dev.portcullis.engine.handler..",
            "dev.portcullis.engine.idp..", "dev.portcullis.engine.serve..", "dev.portcullis.engine.attach..", "dev.portcullis.engine.trust..")
        .check(classes);
  }
}
