package dev.portcullis.engine.importer.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.store.Json;
import java.util.Locale;

/**
 * A gateway as OpenAPI 3 with API Gateway's extensions, the shape AWS exports: what decides auth
 * (security schemes with {@code x-amazon-apigateway-authorizer}, per-operation security with
 * {@code api_key}, the key source, the resource policy). Local-world settings (stand-in functions,
 * local issuers) have no place in it and are not written.
 */
public final class OpenApiExporter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OpenApiExporter() {}

  public static String export(Gateway g) {
    boolean http = g.flavor() == Gateway.Flavor.HTTP;
    ObjectNode root = NODES.objectNode();
    root.put("openapi", "3.0.1");
    root.putObject("info").put("title", g.name()).put("version", "1.0");
    if (http) {
      root.put("x-amazon-apigateway-importexport-version", "1.0");
    } else {
      root.put("x-amazon-apigateway-api-key-source", g.apiKeySource().name());
    }
    ObjectNode paths = root.putObject("paths");
    ObjectNode schemes = root.putObject("components").putObject("securitySchemes");
    for (Route r : g.routes()) {
      boolean isDefault = r.method().equals("$default");
      ObjectNode item = paths.has(isDefault ? "/$default" : r.path()) ? (ObjectNode) paths.get(isDefault ? "/$default" : r.path())
          : paths.putObject(isDefault ? "/$default" : r.path());
      ObjectNode op = item.putObject(isDefault || r.method().equals("ANY") ? "x-amazon-apigateway-any-method" : r.method().toLowerCase(Locale.ROOT));
      if (isDefault) {
        op.put("isDefaultRoute", true);
      }
      ArrayNode security = op.putArray("security");
      switch (r.authorization()) {
        case NONE -> { }
        case AWS_IAM -> {
          security.addObject().putArray("sigv4");
          schemes.putObject("sigv4").put("type", "apiKey").put("name", "Authorization").put("in", "header")
              .put("x-amazon-apigateway-authtype", "awsSigv4");
        }
        default -> {
          ArrayNode scopes = security.addObject().putArray(r.authorizer());
          r.scopes().forEach(scopes::add);
        }
      }
      if (r.apiKeyRequired()) {
        security.addObject().putArray("api_key");
        schemes.putObject("api_key").put("type", "apiKey").put("name", "x-api-key").put("in", "header");
      }
      op.putObject("responses");
      op.putObject("x-amazon-apigateway-integration").put("type", http ? "aws_proxy" : "mock")
          .put("payloadFormatVersion", http ? "2.0" : "1.0");
    }
    for (Authorizer a : g.authorizers()) {
      ObjectNode s = schemes.putObject(a.name());
      ObjectNode ext = NODES.objectNode();
      switch (a) {
        case Authorizer.Cognito c -> {
          s.put("type", "apiKey").put("name", c.identitySource().replaceFirst(".*header\\.", "")).put("in", "header")
              .put("x-amazon-apigateway-authtype", "cognito_user_pools");
          ext.put("type", "cognito_user_pools");
          ArrayNode pools = ext.putArray("providerARNs");
          c.userPools().forEach(pools::add);
          if (c.identityValidationExpression() != null) {
            ext.put("identityValidationExpression", c.identityValidationExpression());
          }
          if (c.ttlSeconds() != null) {
            ext.put("authorizerResultTtlInSeconds", c.ttlSeconds());
          }
        }
        case Authorizer.Jwt j -> {
          s.put("type", "oauth2").putObject("flows");
          ext.put("type", "jwt").put("identitySource", j.identitySource());
          ObjectNode cfg = ext.putObject("jwtConfiguration").put("issuer", j.issuer());
          ArrayNode aud = cfg.putArray("audience");
          j.audiences().forEach(aud::add);
        }
        case Authorizer.Lambda l -> {
          s.put("type", "apiKey").put("name", "Unused").put("in", "header").put("x-amazon-apigateway-authtype", "custom");
          ext.put("type", l.eventType() == Authorizer.LambdaType.TOKEN ? "token" : "request")
              .put("identitySource", String.join(", ", l.identitySources())).put("authorizerResultTtlInSeconds", l.ttlSeconds());
          if (l.validationRegex() != null) {
            ext.put("identityValidationExpression", l.validationRegex());
          }
          if (http) {
            ext.put("authorizerPayloadFormatVersion", l.payloadFormat() == null ? "2.0" : l.payloadFormat());
            ext.put("enableSimpleResponses", l.simpleResponses());
          }
        }
      }
      s.set("x-amazon-apigateway-authorizer", ext);
    }
    if (g.resourcePolicy() != null) {
      root.set("x-amazon-apigateway-policy", Json.mapper().valueToTree(g.resourcePolicy()));
    }
    return Json.write(root);
  }
}
