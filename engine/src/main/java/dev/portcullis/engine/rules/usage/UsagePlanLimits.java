package dev.portcullis.engine.rules.usage;

import java.util.Map;

/**
 * The limits of one usage plan as they apply to one API stage.
 *
 * @param throttle the plan's throttle per API key, or null for none
 * @param methodThrottles per-method throttles keyed as AWS keys them, {@code "/<resourcePath>/<HTTP_METHOD>"},
 *     e.g. {@code "/pets/GET"}; the root resource is {@code "//GET"} (apigw-facts §6)
 * @param quota the plan's quota per API key, or null for none
 */
public record UsagePlanLimits(Throttle throttle, Map<String, Throttle> methodThrottles, Quota quota) {
  public UsagePlanLimits {
    methodThrottles = methodThrottles == null ? Map.of() : Map.copyOf(methodThrottles);
    methodThrottles.keySet().forEach(key -> {
      if (!key.startsWith("/") || key.lastIndexOf('/') == 0) {
        throw new IllegalArgumentException("usage plan method throttle key '" + key
            + "' must look like /<resourcePath>/<HTTP_METHOD>, e.g. /pets/GET or //GET for the root");
      }
    });
  }

  /** The key AWS uses for a method: the resource path, a slash, the verb. */
  public static String methodKey(String resourcePath, String httpMethod) {
    return resourcePath + "/" + httpMethod;
  }
}
