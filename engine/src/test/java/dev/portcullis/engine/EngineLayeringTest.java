package dev.portcullis.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

  /**
   * House style 2, the map of where each third-party library may be used: upgrading one touches
   * only these packages. {@code pkg..} includes sub-packages; a name without dots after it is that
   * package alone.
   */
  static final Map<String, List<String>> LIBRARIES = Map.of(
      // JWT parsing and signatures: the rule book's token checks, the local issuers that mint, the clients that log in
      "com.nimbusds..", List.of("..engine.rules.jwt..", "..engine.idp..", "..engine.identity.."),
      // the one mapper lives in store; the rest reads or writes JSON trees through it
      // and the readers and writers of other formats: imported definitions, Postman collections, advisor
      // reports (SARIF), the handler workers' protocol, the running-world records
      "com.fasterxml.jackson..", List.of("..engine.store..", "..engine.rules", "..engine.mask", "..engine.trace.explain",
          "..engine.trace.export", "..engine.trace.token", "..engine.importer..", "..engine.exchange..", "..engine.advisor..",
          "..engine.handler", "..engine.attach"),
      // API calls and their phase timings
      "okhttp3..", List.of("..engine.send.."),
      // SigV4 signing, credential providers, Lambda Invoke; run sees Credential.Aws's SDK identity
      // and the control-plane clients that read a live account's APIs
      "software.amazon..", List.of("..engine.send..", "..engine.identity..", "..engine.rules", "..engine.run", "..engine.importer.live"),
      // the HTTP server of the local gateway and the local identity providers, behind serve's Exchange
      "io.netty..", List.of("..engine.serve.."),
      // the JDK's HTTP server is used by no one any more: it rewrote header names (issue 19)
      "com.sun.net.httpserver..", List.of());

  static List<String> libraries() {
    return List.copyOf(LIBRARIES.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("libraries")
  void eachLibraryLivesBehindItsNamedPackages(String library) {
    noClasses().that().resideOutsideOfPackages(LIBRARIES.get(library).toArray(String[]::new))
        .should().dependOnClassesThat().resideInAPackage(library)
        .because("house style 2: " + library + " is used only in " + LIBRARIES.get(library))
        .check(classes);
  }

  /** The README's Layout, floor first: a package uses only those listed before it, so no arrow runs back. */
  static final List<String> FLOORS = List.of("model", "store", "mask", "http", "rules", "send", "identity", "idp",
      "gateway", "trace", "run", "matrix");

  @Test
  void packagesUseOnlyTheFloorsBelowThemAsTheReadmeListsThem() {
    for (int i = 0; i < FLOORS.size(); i++) {
      String[] above = FLOORS.subList(i + 1, FLOORS.size()).stream().map(p -> "dev.portcullis.engine." + p + "..")
          .toArray(String[]::new);
      if (above.length > 0) {
        noClasses().that().resideInAPackage("dev.portcullis.engine." + FLOORS.get(i) + "..")
            .should().dependOnClassesThat().resideInAnyPackage(above)
            .check(classes);
      }
    }
  }

  @Test
  void theTraceValuesDependOnNoneOfTheirSubPackagesAndMaskingOnNothingAboveIt() {
    noClasses().that().resideInAPackage("dev.portcullis.engine.trace")
        .should().dependOnClassesThat().resideInAnyPackage("..engine.trace.explain..", "..engine.trace.export..",
            "..engine.trace.token..", "..engine.run..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.portcullis.engine.mask")
        .should().dependOnClassesThat().resideInAnyPackage("..engine.rules..", "..engine.trace..", "..engine.run..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.portcullis.engine.http")
        .should().dependOnClassesThat().resideInAnyPackage("..engine.rules..", "..engine.send..", "..engine.trace..",
            "..engine.run..", "..engine.gateway..")
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
