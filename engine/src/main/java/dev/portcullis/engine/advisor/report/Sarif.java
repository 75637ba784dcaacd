package dev.portcullis.engine.advisor.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.Version;
import dev.portcullis.engine.advisor.Advice;
import dev.portcullis.engine.advisor.Finding;
import dev.portcullis.engine.advisor.Rule;
import dev.portcullis.engine.advisor.Severity;
import dev.portcullis.engine.store.Json;
import java.util.Arrays;
import java.util.List;

/**
 * SARIF 2.1.0 (OASIS), in the shape GitHub code scanning reads: every rule in the driver, each
 * result with a level, a physical location (the imported source file and line when known, else the
 * workspace file) and a logical location naming the gateway, route or authoriser.
 */
final class Sarif {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private Sarif() {}

  static String render(Advice a, String artifactUri) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "Portcullis");
    driver.put("version", Version.current());
    ArrayNode rules = driver.putArray("rules");
    List<Rule> catalogue = Arrays.asList(Rule.values());
    for (Rule r : catalogue) {
      ObjectNode n = rules.addObject();
      n.put("id", r.id());
      n.put("name", r.slug());
      n.putObject("shortDescription").put("text", r.title());
      n.putObject("fullDescription").put("text", r.rationale());
      n.putObject("help").put("text", r.rationale());
      n.putObject("defaultConfiguration").put("level", level(r.severity()));
      ObjectNode props = n.putObject("properties");
      props.putArray("tags").add("security").add("api-gateway");
      props.put("security-severity", securitySeverity(r.severity()));
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : a.findings()) {
      ObjectNode n = results.addObject();
      n.put("ruleId", f.rule().id());
      n.put("ruleIndex", catalogue.indexOf(f.rule()));
      n.put("level", level(f.severity()));
      n.putObject("message").put("text", f.message() + " Fix: " + f.fix());
      ObjectNode location = n.putArray("locations").addObject();
      ObjectNode physical = location.putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", f.location() == null ? artifactUri : f.location().file());
      ObjectNode region = physical.putObject("region");
      region.put("startLine", f.location() == null ? 1 : f.location().line());
      if (f.location() != null && f.location().column() > 0) {
        region.put("startColumn", f.location().column());
      }
      location.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.subject().describe()).put("kind", "resource");
      n.putObject("partialFingerprints").put("portcullisSubject/v1", f.fingerprint());
      ObjectNode props = n.putObject("properties");
      props.put("severity", f.severity().name());
      props.set("evidence", Json.mapper().valueToTree(f.evidence()));
      props.set("affectedRoutes", Json.mapper().valueToTree(f.affected().stream().map(Object::toString).toList()));
    }
    return Json.write(root);
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** GitHub's 0.0-10.0 scale: 9+ critical, 7+ high, 4+ medium, above 0 low. */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "1.0";
    };
  }
}
