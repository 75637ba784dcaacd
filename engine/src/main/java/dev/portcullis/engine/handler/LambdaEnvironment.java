package dev.portcullis.engine.handler;

import dev.portcullis.engine.model.LambdaFunction;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reserved variables Lambda sets in every execution environment, as far as they mean something locally. */
final class LambdaEnvironment {
  private LambdaEnvironment() {}

  static Map<String, String> reserved(LambdaFunction.Handler function, Path code, String region, Runtimes.Found runtime) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("_HANDLER", function.handler());
    env.put("LAMBDA_TASK_ROOT", code.toString());
    env.put("AWS_LAMBDA_FUNCTION_NAME", function.effectiveName());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memoryMb()));
    env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", String.valueOf(function.timeoutSeconds()));
    env.put("AWS_REGION", region);
    env.put("AWS_DEFAULT_REGION", region);
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime() + "_portcullis_local");
    env.put("TZ", "UTC");
    if (runtime.family() == Runtimes.Family.PYTHON) {
      env.put("PYTHONDONTWRITEBYTECODE", "1"); // leave no __pycache__ in the user's folder
      env.put("PYTHONUNBUFFERED", "1");
    }
    return env;
  }
}
