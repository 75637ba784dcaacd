package dev.portcullis.engine.handler;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.CredentialNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * For importers: a template's Lambda function (SAM {@code CodeUri}/{@code Handler}/{@code Runtime},
 * serverless.yml {@code handler}/{@code runtime}) as a {@code handler} function when its code is on
 * disk and its runtime runs locally; otherwise the reason, so the importer can fall back to the
 * {@code rules} kind and say why in its report.
 */
public final class HandlerFunctions {
  private HandlerFunctions() {}

  /** A handler function of a workspace, where it is declared and the folder whose code it runs. */
  public record Declared(String gateway, String authorizer, LambdaFunction.Handler function, Path folder) {}

  /**
   * Every {@code handler} function of the workspace with its code folder (absolute), in file order:
   * what a trust prompt or {@code --trust} lists before any of them runs.
   */
  public static List<Declared> declared(Workspace workspace) {
    List<Declared> out = new ArrayList<>();
    for (Gateway g : workspace.gateways()) {
      for (Authorizer a : g.authorizers()) {
        if (a instanceof Authorizer.Lambda l && l.function() instanceof LambdaFunction.Handler h) {
          out.add(new Declared(g.name(), a.name(), h, Path.of(h.codeUri()).toAbsolutePath().normalize()));
        }
      }
    }
    return out;
  }

  /** What the template's function became. */
  public sealed interface Mapping {}

  /** Runs locally. {@code notes} are for the import report (where the code was found, variables left out). */
  public record Mapped(LambdaFunction.Handler function, List<String> notes) implements Mapping {
    public Mapped {
      notes = List.copyOf(notes);
    }
  }

  /** Cannot run locally; {@code reason} is one sentence for the import report. */
  public record NotMapped(String reason) implements Mapping {}

  /**
   * @param templateDir the template's folder: {@code codeUri} is relative to it, and {@code sam build}
   *     output is looked for in its {@code .aws-sam/build/<functionName>}
   * @param functionName the template's logical id (becomes {@code context.functionName})
   * @param codeUri SAM {@code CodeUri}; null means the template's folder (serverless.yml's service folder)
   * @param handler {@code FILE.FUNCTION}, e.g. {@code index.handler}, {@code src/app.lambda_handler}
   * @param runtime e.g. {@code nodejs20.x}, {@code python3.12}
   * @param timeoutSeconds {@code Timeout} after Globals; null for Lambda's 3 s
   * @param memoryMb {@code MemorySize} after Globals; null for Lambda's 128 MB
   * @param environment {@code Environment.Variables}: a null value stands for an intrinsic function
   *     ({@code Ref}, {@code Fn::GetAtt}, ...) the importer could not resolve; it is left out and noted.
   *     A variable whose name or value says it is a credential becomes {@code env:NAME}: the
   *     template's value is not copied into the workspace
   */
  public static Mapping fromTemplate(Path templateDir, String functionName, String codeUri, String handler, String runtime,
      Integer timeoutSeconds, Integer memoryMb, Map<String, String> environment) {
    String name = functionName == null ? "the function" : "function " + functionName;
    if (runtime == null || runtime.isBlank()) {
      return new NotMapped(name + " has no Runtime (a container image or an inherited Globals value the importer did "
          + "not pass), so Portcullis cannot run it locally");
    }
    String rt = runtime.strip().toLowerCase(Locale.ROOT);
    if (!rt.startsWith("nodejs") && !rt.startsWith("python")) {
      return new NotMapped(name + " uses runtime " + runtime + "; only nodejs and python handlers run locally");
    }
    if (handler == null || handler.lastIndexOf('.') <= 0) {
      return new NotMapped(name + " has no Handler of the form FILE.FUNCTION");
    }
    if (codeUri != null && (codeUri.startsWith("s3://") || codeUri.toLowerCase(Locale.ROOT).endsWith(".zip"))) {
      return new NotMapped(name + "'s CodeUri " + codeUri + " is a package, not a folder on disk");
    }
    Path folder = (codeUri == null ? templateDir : templateDir.resolve(codeUri)).toAbsolutePath().normalize();
    List<String> notes = new ArrayList<>();
    boolean node = rt.startsWith("nodejs");
    if (!hasHandlerFile(folder, handler, node) && functionName != null) {
      Path built = templateDir.resolve(".aws-sam").resolve("build").resolve(functionName).toAbsolutePath().normalize();
      if (hasHandlerFile(built, handler, node)) {
        notes.add(name + " runs from the sam build output " + built + " (its source folder has no " + file(handler)
            + " that " + (node ? "Node.js" : "Python") + " can load)");
        folder = built;
      }
    }
    if (!Files.isDirectory(folder)) {
      return new NotMapped(name + "'s code folder " + folder + " does not exist");
    }
    if (!hasHandlerFile(folder, handler, node)) {
      return new NotMapped(name + "'s handler file " + file(handler) + (node ? ".js/.mjs/.cjs" : ".py") + " is not in "
          + folder + (node && Files.exists(folder.resolve(file(handler) + ".ts"))
              ? " (TypeScript: run `sam build` first, then import again)" : ""));
    }
    Map<String, SecretRef> env = new TreeMap<>();
    if (environment != null) {
      environment.forEach((key, value) -> {
        if (value == null) {
          notes.add(name + "'s environment variable " + key + " is computed by CloudFormation; set its value in the "
              + "workspace (a secret reference) before running the handler");
        } else if (CredentialNames.isCredential(key) || CredentialNames.looksSecret(value)) {
          env.put(key, new SecretRef.Env(key));
          notes.add(name + "'s environment variable " + key + " looks like a secret, so the workspace reads it from env:" + key
              + " when the handler starts; its value in the template was not copied");
        } else {
          env.put(key, new SecretRef.Literal(value));
        }
      });
    }
    return new Mapped(new LambdaFunction.Handler(functionName, rt, folder.toString(), handler, env,
        timeoutSeconds == null ? 0 : timeoutSeconds, memoryMb == null ? 0 : memoryMb), notes);
  }

  private static String file(String handler) {
    return handler.substring(0, handler.lastIndexOf('.'));
  }

  private static boolean hasHandlerFile(Path folder, String handler, boolean node) {
    String file = file(handler);
    if (node) {
      return List.of(".js", ".mjs", ".cjs").stream().anyMatch(ext -> Files.isRegularFile(folder.resolve(file + ext)));
    }
    Path module = folder.resolve(file.replace('.', '/'));
    return Files.isRegularFile(Path.of(module + ".py")) || Files.isRegularFile(module.resolve("__init__.py"));
  }
}
