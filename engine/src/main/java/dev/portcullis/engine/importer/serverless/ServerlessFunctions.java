package dev.portcullis.engine.importer.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.handler.HandlerFunctions;
import dev.portcullis.engine.importer.ImportedAuthorizer;
import dev.portcullis.engine.importer.Intrinsics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service's own functions behind Lambda authorisers: an authoriser that names a function of
 * {@code functions} gets its code ({@code handler} relative to the service folder, {@code runtime},
 * {@code timeout}, {@code memorySize} and {@code environment}, each over {@code provider}'s) as a
 * {@code handler} function when it is on disk, or the reason it cannot run locally.
 */
final class ServerlessFunctions {
  /** The Framework's documented defaults on AWS when neither the function nor the provider says. */
  private static final int DEFAULT_TIMEOUT_SECONDS = 6;
  private static final int DEFAULT_MEMORY_MB = 1024;
  private final JsonNode service;
  private final Intrinsics ix;
  private final Path dir;

  ServerlessFunctions(JsonNode service, Intrinsics ix, Path dir) {
    this.service = service;
    this.ix = ix;
    this.dir = dir;
  }

  ImportedAuthorizer wire(ImportedAuthorizer a) {
    if (a.kind() != ImportedAuthorizer.Kind.TOKEN && a.kind() != ImportedAuthorizer.Kind.REQUEST || a.functionUri() == null) {
      return a;
    }
    JsonNode fn = service.path("functions").get(a.functionUri());
    return fn == null || !fn.isObject() ? a : a.withCode(mapping(a.functionUri(), fn));
  }

  private HandlerFunctions.Mapping mapping(String name, JsonNode fn) {
    JsonNode provider = service.path("provider");
    String where = "function " + name;
    if (fn.has("image")) {
      return new HandlerFunctions.NotMapped(where + " runs a container image, not code on disk");
    }
    if (fn.path("package").has("artifact")) {
      return new HandlerFunctions.NotMapped(where + " is deployed from the package artifact "
          + ix.text(fn.path("package").get("artifact"), where) + ", not from a folder");
    }
    String runtime = text(fn, provider, "runtime", where);
    if (runtime != null && runtime.contains("{{")) {
      return new HandlerFunctions.NotMapped(where + "'s runtime is a Framework variable (" + runtime + ") the import cannot read");
    }
    Integer timeout = number(fn, provider, "timeout", where);
    Integer memory = number(fn, provider, "memorySize", where);
    return HandlerFunctions.fromTemplate(dir, name, null, ix.text(fn.get("handler"), where + " handler"), runtime,
        timeout == null ? DEFAULT_TIMEOUT_SECONDS : timeout, memory == null ? DEFAULT_MEMORY_MB : memory,
        environment(fn, provider, where));
  }

  private String text(JsonNode fn, JsonNode provider, String name, String where) {
    JsonNode own = fn.get(name);
    return ix.text(own != null && !own.isNull() ? own : provider.get(name), where + " " + name);
  }

  private Integer number(JsonNode fn, JsonNode provider, String name, String where) {
    String text = text(fn, provider, name, where);
    try {
      return text == null ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** provider.environment under the function's own; a Framework variable ({@code ${ssm:...}}) is not a value. */
  private Map<String, String> environment(JsonNode fn, JsonNode provider, String where) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode source : new JsonNode[] {provider.path("environment"), fn.path("environment")}) {
      source.fields().forEachRemaining(e -> {
        String value = ix.text(e.getValue(), where + " environment variable " + e.getKey());
        env.put(e.getKey(), value == null || value.contains("{{") ? null : value);
      });
    }
    return env;
  }
}
