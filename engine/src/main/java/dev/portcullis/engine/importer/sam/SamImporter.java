package dev.portcullis.engine.importer.sam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.importer.ImportContext;
import dev.portcullis.engine.importer.ImportDraft;
import dev.portcullis.engine.importer.ImportException;
import dev.portcullis.engine.importer.ImportedApi;
import dev.portcullis.engine.importer.Intrinsics;
import dev.portcullis.engine.importer.SourceDocument;
import dev.portcullis.engine.importer.SourceImporter;
import dev.portcullis.engine.importer.cloudformation.CloudFormationReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SAM template ({@code Transform: AWS::Serverless-2016-10-31}): {@code AWS::Serverless::Api} and
 * {@code ::HttpApi} with their {@code Auth}, the implicit {@code ServerlessRestApi} and
 * {@code ServerlessHttpApi}, function events with per-route {@code Auth}, {@code DefinitionBody}
 * inline or by {@code AWS::Include}, {@code Globals}, and the plain CloudFormation API resources
 * and usage plans the same template holds (import-facts §2).
 */
public final class SamImporter implements SourceImporter {
  static final String IMPLICIT_REST = "ServerlessRestApi";
  static final String IMPLICIT_HTTP = "ServerlessHttpApi";

  @Override
  public String kind(SourceDocument doc) {
    return "SAM template";
  }

  @Override
  public boolean accepts(SourceDocument doc) {
    JsonNode t = doc.tree();
    if (!t.path("Resources").isObject()) {
      return false;
    }
    String transform = t.path("Transform").toString();
    boolean sam = transform.contains("AWS::Serverless");
    Iterator<JsonNode> it = t.path("Resources").elements();
    while (it.hasNext()) {
      String type = it.next().path("Type").asText("");
      if (type.equals("AWS::Serverless::Api") || type.equals("AWS::Serverless::HttpApi")) {
        return true;
      }
    }
    return sam && hasApiEvents(t);
  }

  private static boolean hasApiEvents(JsonNode t) {
    Iterator<JsonNode> it = t.path("Resources").elements();
    while (it.hasNext()) {
      JsonNode r = it.next();
      if (r.path("Type").asText("").equals("AWS::Serverless::Function")) {
        Iterator<JsonNode> events = r.path("Properties").path("Events").elements();
        while (events.hasNext()) {
          String type = events.next().path("Type").asText("");
          if (type.equals("Api") || type.equals("HttpApi")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Override
  @SuppressWarnings("try") // ImportContext.at scopes are closed, never read
  public ImportDraft read(SourceDocument doc, ImportContext ctx) throws ImportException {
    JsonNode t = doc.tree();
    Intrinsics ix = Intrinsics.of(t, ctx);
    CloudFormationReader plain = new CloudFormationReader(t, ix, doc.path().toAbsolutePath().getParent());
    Map<String, ApiSpec> specs = new LinkedHashMap<>();
    t.path("Resources").fields().forEachRemaining(e -> {
      String type = e.getValue().path("Type").asText("");
      if (type.equals("AWS::Serverless::Api") || type.equals("AWS::Serverless::HttpApi")) {
        boolean http = type.endsWith("HttpApi");
        JsonNode props = withGlobals(e.getValue().path("Properties"), t.path("Globals").path(http ? "HttpApi" : "Api"));
        ctx.sameAs(props, e.getValue());
        specs.put(e.getKey(), new ApiSpec(e.getKey(), http, props));
      }
    });
    List<SamEvent> events = SamEvent.all(t, ix);
    for (SamEvent ev : events) {
      String api = ev.apiLogicalId() != null ? ev.apiLogicalId() : ev.http() ? IMPLICIT_HTTP : IMPLICIT_REST;
      ApiSpec spec = specs.get(api);
      if (spec == null && ev.apiLogicalId() == null) {
        spec = new ApiSpec(api, ev.http(), withGlobals(null, t.path("Globals").path(ev.http() ? "HttpApi" : "Api")));
        specs.put(api, spec);
      }
      if (spec == null) {
        try (ImportContext.Place at = ctx.at(ev.node())) {
          ctx.leftOut("event " + ev.name(), "names API " + ev.apiLogicalId() + ", which is not an AWS::Serverless::Api or ::HttpApi of this template");
        }
        continue;
      }
      spec.events().add(ev);
    }
    Map<String, List<dev.portcullis.engine.model.UsagePlan>> plans = plain.usagePlans();
    List<ImportedApi> apis = new ArrayList<>();
    SamApiReader reader = new SamApiReader(ix, doc.path().toAbsolutePath().getParent());
    for (ApiSpec spec : specs.values()) {
      ImportedApi api = reader.read(spec);
      List<dev.portcullis.engine.model.UsagePlan> all = new ArrayList<>(api.usagePlans());
      all.addAll(plans.getOrDefault(spec.logicalId(), List.of()));
      apis.add(api.withUsagePlans(all));
    }
    plain.apis().forEach((id, api) -> apis.add(api));
    SamFunctions functions = new SamFunctions(t, ix, doc.path().toAbsolutePath().getParent());
    return ImportDraft.of(apis.stream().map(api -> api.withAuthorizers(api.authorizers().stream().map(functions::wire).toList())).toList());
  }

  /** Globals.Api / Globals.HttpApi under the resource's own properties (the resource wins, maps merge one level). */
  private static JsonNode withGlobals(JsonNode props, JsonNode globals) {
    ObjectNode merged = globals != null && globals.isObject() ? ((ObjectNode) globals).deepCopy()
        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    if (props != null && props.isObject()) {
      props.fields().forEachRemaining(e -> {
        JsonNode g = merged.get(e.getKey());
        if (g != null && g.isObject() && e.getValue().isObject()) {
          ObjectNode m = ((ObjectNode) g).deepCopy();
          e.getValue().fields().forEachRemaining(x -> m.set(x.getKey(), x.getValue()));
          merged.set(e.getKey(), m);
        } else {
          merged.set(e.getKey(), e.getValue());
        }
      });
    }
    return merged;
  }

  /** One SAM API with the function events that attach routes to it. */
  record ApiSpec(String logicalId, boolean http, JsonNode props, List<SamEvent> events) {
    ApiSpec(String logicalId, boolean http, JsonNode props) {
      this(logicalId, http, props, new ArrayList<>());
    }
  }
}
