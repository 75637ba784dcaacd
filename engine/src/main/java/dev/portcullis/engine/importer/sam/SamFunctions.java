package dev.portcullis.engine.importer.sam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.handler.HandlerFunctions;
import dev.portcullis.engine.importer.ImportedAuthorizer;
import dev.portcullis.engine.importer.Intrinsics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's {@code AWS::Serverless::Function}s behind Lambda authorisers: an authoriser whose
 * {@code FunctionArn} (or {@code authorizerUri}) names one of them gets that function's code
 * ({@code CodeUri}, {@code Handler}, {@code Runtime}, {@code Timeout}, {@code MemorySize},
 * {@code Environment}, after {@code Globals.Function}) as a {@code handler} function when it is on
 * disk next to the template, or the reason it cannot run locally.
 */
final class SamFunctions {
  /** What an unresolved {@code !GetAtt Fn.Arn}, {@code !Ref Fn} or {@code ${Fn.Arn}} became in the text. */
  private static final Pattern FUNCTION_VARIABLE = Pattern.compile("\\{\\{([A-Za-z0-9]+)(?:\\.Arn)?}}");
  private final JsonNode template;
  private final Intrinsics ix;
  private final Path dir;

  SamFunctions(JsonNode template, Intrinsics ix, Path dir) {
    this.template = template;
    this.ix = ix;
    this.dir = dir;
  }

  ImportedAuthorizer wire(ImportedAuthorizer a) {
    if (a.kind() != ImportedAuthorizer.Kind.TOKEN && a.kind() != ImportedAuthorizer.Kind.REQUEST || a.functionUri() == null) {
      return a;
    }
    Matcher m = FUNCTION_VARIABLE.matcher(a.functionUri());
    while (m.find()) {
      JsonNode fn = template.path("Resources").path(m.group(1));
      if (fn.path("Type").asText("").equals("AWS::Serverless::Function")) {
        return a.withCode(mapping(m.group(1), fn.path("Properties")));
      }
    }
    return a;
  }

  private HandlerFunctions.Mapping mapping(String logicalId, JsonNode props) {
    JsonNode globals = template.path("Globals").path("Function");
    String where = "function " + logicalId;
    if (property(props, globals, "InlineCode") != null) {
      return new HandlerFunctions.NotMapped(where + " has its code inline (InlineCode), not in a folder on disk");
    }
    JsonNode codeUri = property(props, globals, "CodeUri");
    String code = codeUri == null ? null : codeUri.isObject() && !Intrinsics.isIntrinsic(codeUri)
        ? "s3://" + codeUri.path("Bucket").asText("") + "/" + codeUri.path("Key").asText("")
        : ix.text(codeUri, where + " CodeUri");
    if (code != null && code.contains("{{")) {
      return new HandlerFunctions.NotMapped(where + "'s CodeUri is computed by CloudFormation (" + code + "), so its folder is not known");
    }
    return HandlerFunctions.fromTemplate(dir, logicalId, code, text(props, globals, "Handler", where),
        text(props, globals, "Runtime", where), number(props, globals, "Timeout", where),
        number(props, globals, "MemorySize", where), environment(props, globals, where));
  }

  /** The function's own value, else Globals.Function's. */
  private static JsonNode property(JsonNode props, JsonNode globals, String name) {
    JsonNode own = props.get(name);
    return own != null && !own.isNull() ? own : globals.get(name);
  }

  private String text(JsonNode props, JsonNode globals, String name, String where) {
    return ix.text(property(props, globals, name), where + " " + name);
  }

  private Integer number(JsonNode props, JsonNode globals, String name, String where) {
    String text = text(props, globals, name, where);
    try {
      return text == null ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Globals' variables under the function's own (SAM merges the two maps); an unresolved value is null. */
  private Map<String, String> environment(JsonNode props, JsonNode globals, String where) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode source : new JsonNode[] {globals.path("Environment").path("Variables"), props.path("Environment").path("Variables")}) {
      source.fields().forEachRemaining(e -> {
        String value = ix.text(e.getValue(), where + " environment variable " + e.getKey());
        env.put(e.getKey(), value == null || value.contains("{{") ? null : value);
      });
    }
    return env;
  }
}
