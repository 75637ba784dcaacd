package dev.portcullis.engine.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.model.Integration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A REST MOCK integration as a fixed answer the local gateway can give: the default integration response's status,
 * its static {@code method.response.header.*} values (API Gateway's quoted literals) and its template when that is
 * plain text. This is how CORS preflight methods are written by hand, by "Enable CORS" exports and by SAM; read so,
 * the local gateway answers a preflight with the headers AWS would send instead of echoing the request. Both shapes:
 * OpenAPI {@code x-amazon-apigateway-integration} ({@code type: mock}, {@code responses.default}) and CloudFormation
 * {@code Integration} ({@code Type: MOCK}, {@code IntegrationResponses[]} with an empty SelectionPattern).
 */
public final class MockAnswers {
  private static final String HEADER = "method.response.header.";

  private MockAnswers() {}

  /**
   * The fixed answer of a MOCK integration; null (echo) for any other integration, a mock without integration
   * responses, or one whose response template is a mapping template (it answers per request).
   */
  public static Integration.Mock of(JsonNode integration, Intrinsics ix, String where) {
    if (integration == null || !"mock".equalsIgnoreCase(ix.text(get(integration, "type"), where))) {
      return null;
    }
    JsonNode response = defaultResponse(integration);
    if (response == null) {
      return null; // no integration response: AWS answers 500 for want of one; left to echo as before
    }
    JsonNode templates = get(response, "responseTemplates");
    Map.Entry<String, JsonNode> template = templates != null && templates.isObject() && templates.size() > 0 ? templates.fields().next() : null;
    String body = template == null ? "" : ix.text(template.getValue(), where);
    if (body != null && (body.contains("$") || body.contains("#"))) {
      return null; // a mapping template answers per request, which the local gateway does not run: echo, as before
    }
    int status = 200;
    String statusText = ix.text(get(response, "statusCode"), where);
    try {
      status = statusText == null ? 200 : Integer.parseInt(statusText.strip());
    } catch (NumberFormatException e) {
      ix.context().leftOut(where + " statusCode", "'" + statusText + "' is not a status code; the local mock answers 200");
    }
    Map<String, String> headers = staticHeaders(get(response, "responseParameters"), ix, where);
    headers.putIfAbsent("Content-Type", template == null ? "application/json" : template.getKey());
    return new Integration.Mock(status, headers, body);
  }

  /** The {@code method.response.header.*} values that are API Gateway literals ({@code 'value'}), unquoted. */
  private static Map<String, String> staticHeaders(JsonNode parameters, Intrinsics ix, String where) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (parameters == null || !parameters.isObject()) {
      return headers;
    }
    parameters.fields().forEachRemaining(e -> {
      String value = ix.text(e.getValue(), where);
      if (!e.getKey().startsWith(HEADER) || value == null) {
        return;
      }
      String v = value.strip();
      if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
        headers.put(e.getKey().substring(HEADER.length()), v.substring(1, v.length() - 1));
      } else {
        ix.context().leftOut(where + " " + e.getKey(), "maps '" + v + "', which a mock has nothing to take from; the local mock "
            + "leaves the header out");
      }
    });
    return headers;
  }

  /** OpenAPI: {@code responses.default}, else the first; CloudFormation: the response without a SelectionPattern, else the first. */
  private static JsonNode defaultResponse(JsonNode integration) {
    JsonNode responses = get(integration, "responses");
    if (responses != null && responses.isObject() && responses.size() > 0) {
      return responses.has("default") ? responses.get("default") : responses.elements().next();
    }
    JsonNode list = get(integration, "integrationResponses");
    if (list != null && list.isArray() && !list.isEmpty()) {
      for (JsonNode r : list) {
        JsonNode pattern = get(r, "selectionPattern");
        if (pattern == null || pattern.asText("").isEmpty()) {
          return r;
        }
      }
      return list.get(0);
    }
    return null;
  }

  private static JsonNode get(JsonNode n, String name) {
    return ApiSettingsReader.get(n, name);
  }
}
