package dev.portcullis.engine.importer;

import dev.portcullis.engine.model.Gateway;
import java.util.Map;

/**
 * What an imported API says besides routes and protection: CORS, customised gateway responses,
 * stage variables and the endpoint type. Each is null or empty when the source does not set it.
 */
public record ApiSettings(Gateway.Cors cors, Map<String, Gateway.GatewayResponse> gatewayResponses,
    Map<String, String> stageVariables, Gateway.EndpointConfiguration endpointConfiguration) {
  public static final ApiSettings NONE = new ApiSettings(null, null, null, null);

  public ApiSettings {
    gatewayResponses = gatewayResponses == null ? Map.of() : Map.copyOf(gatewayResponses);
    stageVariables = stageVariables == null ? Map.of() : Map.copyOf(stageVariables);
  }

  /** These settings where they are set, {@code base}'s elsewhere. */
  public ApiSettings over(ApiSettings base) {
    return new ApiSettings(cors != null ? cors : base.cors,
        !gatewayResponses.isEmpty() ? gatewayResponses : base.gatewayResponses,
        !stageVariables.isEmpty() ? stageVariables : base.stageVariables,
        endpointConfiguration != null ? endpointConfiguration : base.endpointConfiguration);
  }

  public Gateway.Builder applyTo(Gateway.Builder b) {
    return b.cors(cors).gatewayResponses(gatewayResponses).stageVariables(stageVariables)
        .endpointConfiguration(endpointConfiguration);
  }
}
