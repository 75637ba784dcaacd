package dev.portcullis.engine.advisor.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.advisor.Advice;
import dev.portcullis.engine.advisor.Finding;
import dev.portcullis.engine.store.Json;

/** The advice as JSON for scripts: findings with rule ids, the filters, the fits and the costs. */
final class AdviceJson {
  static final int SCHEMA_VERSION = 1;

  private AdviceJson() {}

  static String render(Advice a) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("workspace", a.workspace());
    root.put("summary", a.summary());
    root.put("failsBuild", a.failsBuild());
    root.put("monthlyUsd", a.monthlyUsd());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : a.findings()) {
      ObjectNode n = findings.addObject();
      n.put("ruleId", f.rule().id());
      n.put("rule", f.rule().slug());
      n.put("severity", f.severity().name());
      n.put("subject", f.subject().describe());
      n.set("where", Json.mapper().valueToTree(f.subject()));
      n.put("message", f.message());
      n.set("evidence", Json.mapper().valueToTree(f.evidence()));
      n.put("fix", f.fix());
      n.set("affected", Json.mapper().valueToTree(f.affected()));
      if (f.location() != null) {
        n.set("location", Json.mapper().valueToTree(f.location()));
      }
    }
    root.set("routes", Json.mapper().valueToTree(a.routes()));
    root.set("callers", Json.mapper().valueToTree(a.callers()));
    root.set("costs", Json.mapper().valueToTree(a.costs()));
    root.set("prices", Json.mapper().valueToTree(a.prices()));
    return Json.write(root);
  }
}
