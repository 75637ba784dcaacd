package dev.portcullis.engine.importer.sam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.importer.Intrinsics;
import dev.portcullis.engine.importer.cloudformation.Refs;
import java.util.ArrayList;
import java.util.List;

/**
 * A function's {@code Api} or {@code HttpApi} event: a route with its own {@code Auth}.
 *
 * @param apiLogicalId {@code RestApiId}/{@code ApiId}, or null for the implicit API
 * @param path null with method null for an HttpApi event without either (the {@code $default} route)
 */
/** @param node the event's mapping in the template, where the report points for the route it adds */
record SamEvent(String name, String function, boolean http, String apiLogicalId, String method, String path, JsonNode auth,
    JsonNode node) {

  static List<SamEvent> all(JsonNode template, Intrinsics ix) {
    List<SamEvent> out = new ArrayList<>();
    template.path("Resources").fields().forEachRemaining(r -> {
      if (!r.getValue().path("Type").asText("").equals("AWS::Serverless::Function")) {
        return;
      }
      r.getValue().path("Properties").path("Events").fields().forEachRemaining(e -> {
        String type = e.getValue().path("Type").asText("");
        if (!type.equals("Api") && !type.equals("HttpApi")) {
          return;
        }
        JsonNode p = e.getValue().path("Properties");
        boolean http = type.equals("HttpApi");
        String where = r.getKey() + " event " + e.getKey();
        String api = Refs.target(p.get(http ? "ApiId" : "RestApiId"));
        String method = ix.text(p.get("Method"), where);
        String path = ix.text(p.get("Path"), where);
        out.add(new SamEvent(where, r.getKey(), http, api, method, path, p.get("Auth"), e.getValue()));
      });
    });
    return out;
  }
}
