package dev.portcullis.engine.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.model.Gateway;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads CORS, gateway responses, stage variables and endpoint configuration in the shapes the
 * sources write them (import-facts; spec §8): OpenAPI extensions and CloudFormation properties
 * (the same names, capitalised in CloudFormation), and SAM's own shorthands.
 */
public final class ApiSettingsReader {
  private final Intrinsics ix;
  private final ImportContext ctx;

  public ApiSettingsReader(Intrinsics ix) {
    this.ix = ix;
    this.ctx = ix.context();
  }

  /** An HTTP API's corsConfiguration ({@code x-amazon-apigateway-cors}, {@code CorsConfiguration}); null when absent. */
  public Gateway.Cors httpCors(JsonNode n, String where) {
    return ctx.at(n, () -> httpCorsHere(n, where));
  }

  private Gateway.Cors httpCorsHere(JsonNode n, String where) {
    if (n == null || n.isMissingNode() || n.isNull() || !n.isObject()) {
      return null;
    }
    Gateway.Cors cors = new Gateway.Cors(texts(get(n, "allowOrigins"), where), texts(get(n, "allowMethods"), where),
        texts(get(n, "allowHeaders"), where), texts(get(n, "exposeHeaders"), where), integer(get(n, "maxAge"), where),
        "true".equalsIgnoreCase(ix.text(get(n, "allowCredentials"), where)));
    ctx.mapped(where, "CORS for origins " + cors.allowOrigins() + "; the local gateway answers preflight and adds the headers");
    return cors;
  }

  /**
   * SAM's REST {@code Cors}: a quoted origin, or AllowOrigin/AllowMethods/AllowHeaders/MaxAge
   * each a quoted header value, as the OPTIONS mock method SAM adds to every path sends them.
   */
  public Gateway.Cors samRestCors(JsonNode n, String where) {
    return ctx.at(n, () -> samRestCorsHere(n, where));
  }

  private Gateway.Cors samRestCorsHere(JsonNode n, String where) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return null;
    }
    Gateway.Cors cors = n.isObject()
        ? new Gateway.Cors(orAny(quoted(get(n, "AllowOrigin"), where)), quoted(get(n, "AllowMethods"), where),
            quoted(get(n, "AllowHeaders"), where), List.of(), quoted(get(n, "MaxAge"), where).stream().findFirst()
                .map(Integer::valueOf).orElse(null), "true".equalsIgnoreCase(ix.text(get(n, "AllowCredentials"), where)))
        : new Gateway.Cors(quoted(n, where), List.of("OPTIONS", "GET", "PUT", "POST", "DELETE", "PATCH", "HEAD"),
            List.of(), List.of(), null, false);
    ctx.mapped(where, "CORS for origins " + cors.allowOrigins() + " as the OPTIONS mock methods SAM adds; other answers "
        + "carry CORS headers only where the integration or a gateway response sends them");
    return cors;
  }

  /** SAM's default AllowOrigin is {@code '*'} (samtranslator {@code CorsProperties}). */
  private static List<String> orAny(List<String> origins) {
    return origins.isEmpty() ? List.of("*") : origins;
  }

  /** {@code x-amazon-apigateway-gateway-responses} or SAM's GatewayResponses: response type to its customisation. */
  public Map<String, Gateway.GatewayResponse> gatewayResponses(JsonNode n, String where, boolean sam) {
    return ctx.at(n, () -> gatewayResponsesHere(n, where, sam));
  }

  private Map<String, Gateway.GatewayResponse> gatewayResponsesHere(JsonNode n, String where, boolean sam) {
    Map<String, Gateway.GatewayResponse> out = new LinkedHashMap<>();
    if (n == null || !n.isObject()) {
      return out;
    }
    n.fields().forEachRemaining(e -> out.put(e.getKey().toUpperCase(Locale.ROOT),
        sam ? samResponse(e.getValue(), where + " " + e.getKey()) : response(e.getValue(), where + " " + e.getKey())));
    if (!out.isEmpty()) {
      ctx.mapped(where, "gateway responses " + out.keySet());
    }
    return out;
  }

  /** One response in OpenAPI or CloudFormation ({@code AWS::ApiGateway::GatewayResponse}) form. */
  public Gateway.GatewayResponse response(JsonNode n, String where) {
    return new Gateway.GatewayResponse(integer(get(n, "statusCode"), where), strings(get(n, "responseParameters"), where),
        strings(get(n, "responseTemplates"), where));
  }

  private Gateway.GatewayResponse samResponse(JsonNode n, String where) {
    Map<String, String> parameters = new LinkedHashMap<>();
    JsonNode p = get(n, "ResponseParameters");
    strings(get(p, "Headers"), where).forEach((k, v) -> parameters.put("gatewayresponse.header." + k, v));
    strings(get(p, "Paths"), where).forEach((k, v) -> parameters.put("gatewayresponse.path." + k, v));
    strings(get(p, "QueryStrings"), where).forEach((k, v) -> parameters.put("gatewayresponse.querystring." + k, v));
    return new Gateway.GatewayResponse(integer(get(n, "StatusCode"), where), parameters,
        strings(get(n, "ResponseTemplates"), where));
  }

  /** A stage's {@code Variables}; empty when absent. */
  public Map<String, String> stageVariables(JsonNode n, String where) {
    return ctx.at(n, () -> stageVariablesHere(n, where));
  }

  private Map<String, String> stageVariablesHere(JsonNode n, String where) {
    Map<String, String> out = strings(n, where);
    if (!out.isEmpty()) {
      ctx.mapped(where, "stage variables " + out.keySet());
    }
    return out;
  }

  /**
   * SAM's or CloudFormation's EndpointConfiguration ({@code "PRIVATE"}, {@code {Type|Types, VPCEndpointIds}}),
   * or the OpenAPI extension, which names only the VPC endpoints (and so a PRIVATE API).
   */
  public Gateway.EndpointConfiguration endpoint(JsonNode n, String where) {
    return ctx.at(n, () -> endpointHere(n, where));
  }

  private Gateway.EndpointConfiguration endpointHere(JsonNode n, String where) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return null;
    }
    String type = n.isObject() ? first(get(n, "Type") != null ? get(n, "Type") : get(n, "Types"), where) : ix.text(n, where);
    List<String> vpce = n.isObject() ? texts(get(n, "vpcEndpointIds"), where) : List.of();
    Gateway.EndpointType t = type == null ? (vpce.isEmpty() ? null : Gateway.EndpointType.PRIVATE)
        : Arrays.stream(Gateway.EndpointType.values()).filter(v -> v.name().equalsIgnoreCase(type.strip())).findFirst().orElse(null);
    if (t == null) {
      ctx.leftOut(where, "the endpoint type is not said (or not EDGE, REGIONAL or PRIVATE); REGIONAL is assumed");
      return null;
    }
    ctx.mapped(where, t + (vpce.isEmpty() ? "" : " through " + vpce) + (t == Gateway.EndpointType.PRIVATE
        ? "; locally a caller is outside every VPC endpoint unless it sends X-Portcullis-Source-Vpce" : ""));
    return new Gateway.EndpointConfiguration(t, vpce);
  }

  private String first(JsonNode n, String where) {
    List<String> all = texts(n, where);
    return all.isEmpty() ? null : all.getFirst();
  }

  /** A list, or a comma-separated string. */
  private List<String> texts(JsonNode n, String where) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return List.of();
    }
    if (n.isArray()) {
      return ix.texts(n, where);
    }
    String text = ix.text(n, where);
    return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** SAM's header values are quoted ({@code "'GET,POST'"}), as API Gateway's static mapping values are. */
  private List<String> quoted(JsonNode n, String where) {
    String text = n == null ? null : ix.text(n, where);
    if (text == null) {
      return List.of();
    }
    String bare = text.length() >= 2 && text.startsWith("'") && text.endsWith("'") ? text.substring(1, text.length() - 1) : text;
    return Arrays.stream(bare.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private Integer integer(JsonNode n, String where) {
    String text = n == null ? null : ix.text(n, where);
    try {
      return text == null ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      ctx.leftOut(where, "'" + text + "' is not a whole number");
      return null;
    }
  }

  private Map<String, String> strings(JsonNode n, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      n.fields().forEachRemaining(e -> {
        String v = ix.text(e.getValue(), where + " " + e.getKey());
        if (v != null) {
          out.put(e.getKey(), v);
        }
      });
    }
    return out;
  }

  /** A property by name without case: OpenAPI writes {@code allowOrigins}, CloudFormation {@code AllowOrigins}. */
  static JsonNode get(JsonNode n, String name) {
    if (n == null || !n.isObject()) {
      return null;
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equalsIgnoreCase(name)) {
        return n.get(key);
      }
    }
    return null;
  }
}
