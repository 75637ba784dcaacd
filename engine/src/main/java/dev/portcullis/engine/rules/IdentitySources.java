package dev.portcullis.engine.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads identity sources from a request: REST {@code method.request.header.X},
 * {@code method.request.querystring.X}, {@code context.X}, {@code stageVariables.X}; HTTP
 * {@code $request.header.X}, {@code $request.querystring.X}, {@code $context.X},
 * {@code $stageVariables.X} (spec §4.1, §4.5). Headers compare without case, query names with case.
 */
final class IdentitySources {
  private IdentitySources() {}

  /** Source to value, in the authoriser's order; a missing or empty value maps to null. */
  static Map<String, String> values(PipelineState ex, List<String> sources) {
    Map<String, String> out = new LinkedHashMap<>();
    sources.forEach(s -> out.put(s, value(ex, s)));
    return out;
  }

  static String value(PipelineState ex, String source) {
    String s = source.strip();
    String value;
    if (s.startsWith("method.request.header.") || s.startsWith("$request.header.")) {
      value = ex.request.headers().first(s.substring(s.indexOf(".header.") + 8)).orElse(null);
    } else if (s.startsWith("method.request.querystring.") || s.startsWith("$request.querystring.")) {
      List<String> values = RequestParts.query(ex.request).get(s.substring(s.indexOf(".querystring.") + 13));
      value = values == null ? null : values.get(values.size() - 1);
    } else if (s.startsWith("context.") || s.startsWith("$context.")) {
      value = context(ex, s.substring(s.indexOf("context.") + 8));
    } else if (stageVariable(s) != null) {
      value = ex.gateway.stageVariables().get(stageVariable(s));
    } else {
      value = null;
    }
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * Why {@code source} has no value, when it is a stage variable: a source naming a variable the stage
   * does not define is absent like a missing header, and API Gateway answers 401 without calling the
   * authoriser (spec §4.1: identity sources, stage variables among them, must be "present, not null and
   * non-empty"; §4.5). Empty for any other source.
   */
  static String whyMissing(PipelineState ex, String source) {
    String name = stageVariable(source.strip());
    if (name == null) {
      return "";
    }
    return ex.gateway.stageVariables().containsKey(name) ? " (stage variable " + name + " is empty)"
        : " (stage " + ex.gateway.stage() + " does not define stage variable " + name + "; it defines "
            + ex.gateway.stageVariables().keySet() + ")";
  }

  /** The variable's name for {@code stageVariables.X} (REST) or {@code $stageVariables.X} (HTTP); null otherwise. */
  private static String stageVariable(String source) {
    String s = source.startsWith("$") ? source.substring(1) : source;
    return s.startsWith("stageVariables.") ? s.substring("stageVariables.".length()) : null;
  }

  private static String context(PipelineState ex, String name) {
    return switch (name) {
      case "requestId" -> ex.requestId;
      case "httpMethod" -> ex.request.method();
      case "routeKey" -> ex.routeKey();
      case "stage" -> ex.gateway.stage();
      case "apiId" -> ex.gateway.apiId();
      case "resourcePath" -> ex.match.route().path();
      case "identity.sourceIp" -> ex.request.sourceIp();
      case "identity.userAgent" -> RequestParts.userAgent(ex.request);
      default -> null;
    };
  }
}
