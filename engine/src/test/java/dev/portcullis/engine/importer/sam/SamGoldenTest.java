package dev.portcullis.engine.importer.sam;

import static dev.portcullis.engine.importer.CorpusExpectationsAccess.authorizers;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.corpus;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.importer.Importer;
import dev.portcullis.engine.model.Gateway;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SAM's own translator tests as the oracle (import-facts §2.5): importing a SAM input through the
 * SAM path and the CloudFormation SAM generated from it (its OpenAPI Body) through the
 * CloudFormation path gives the same routes, protections, scopes, API keys and authorisers.
 */
class SamGoldenTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"api_with_auth_all_maximum", "http_api_multiple_authorizers", "api_with_usageplans"})
  void samAndTheCloudFormationItGeneratesImportAlike(String name) throws Exception {
    ImportResult sam = Importer.create().importFile(corpus("sam/golden/" + name + ".input.yaml"));
    ImportResult cfn = Importer.create().importFile(corpus("sam/golden/" + name + ".output.json"));
    assertThat(sam.report().kind()).isEqualTo("SAM template");
    assertThat(cfn.report().kind()).startsWith("CloudFormation");

    assertThat(byGateway(cfn, true)).isEqualTo(byGateway(sam, true)).isNotEmpty();
    assertThat(byGateway(cfn, false)).isEqualTo(byGateway(sam, false));
    assertThat(plans(cfn)).isEqualTo(plans(sam));
  }

  private static Map<String, Map<String, String>> byGateway(ImportResult r, boolean routes) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (Gateway g : r.workspace().gateways()) {
      out.put(g.name(), new TreeMap<>(routes ? routes(g) : authorizers(g)));
    }
    return out;
  }

  private static Map<String, Integer> plans(ImportResult r) {
    Map<String, Integer> out = new LinkedHashMap<>();
    r.workspace().gateways().forEach(g -> out.put(g.name(), g.usagePlans().size()));
    return new TreeMap<>(out);
  }
}
