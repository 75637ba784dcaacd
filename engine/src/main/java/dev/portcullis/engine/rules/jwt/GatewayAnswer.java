package dev.portcullis.engine.rules.jwt;

import java.util.Objects;

/**
 * The response API Gateway sends for a refused token (apigw-facts §1.2, §1.3).
 *
 * @param body the JSON body
 * @param errorType REST {@code x-amzn-ErrorType}; null for HTTP APIs, which document none
 * @param gatewayResponseType the REST gateway response type (§1.1) an API may customise; null for HTTP APIs
 * @param wwwAuthenticate the {@code www-authenticate} value, or null
 */
public record GatewayAnswer(int status, String body, String errorType, String gatewayResponseType, String wwwAuthenticate) {
  private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";

  public GatewayAnswer {
    Objects.requireNonNull(body, "body");
  }

  /**
   * HTTP API JWT authoriser: 401 for any invalid token [DOC]; 403 when only the scopes fail
   * [OBS/EMU]. A JWKS that cannot be fetched is undocumented; it denies like any failed step.
   */
  public static GatewayAnswer httpApi(TokenVerdict.Refused refused) {
    if (refused.decidedBy().equals("jwt.scopes")) {
      return new GatewayAnswer(403, "{\"message\":\"Forbidden\"}", null, null, refused.wwwAuthenticate());
    }
    return new GatewayAnswer(401, UNAUTHORIZED, null, null, refused.wwwAuthenticate());
  }

  /**
   * REST Cognito authoriser: 401 for everything, scope mismatch included [DOC]; an expired token
   * reads "The incoming token has expired" [OBS]. Unreachable keys are AUTHORIZER_CONFIGURATION_ERROR
   * ("failing to connect to a ... Cognito authorizer") with the {@code null} message of older captures.
   */
  public static GatewayAnswer rest(TokenVerdict.Refused refused) {
    return switch (refused.decidedBy()) {
      case "jwks.fetch" -> new GatewayAnswer(500, "{\"message\":null}", "AuthorizerConfigurationException",
          "AUTHORIZER_CONFIGURATION_ERROR", null);
      case "cognito.expiry" -> new GatewayAnswer(401, "{\"message\":\"The incoming token has expired\"}",
          "UnauthorizedException", "UNAUTHORIZED", null);
      default -> new GatewayAnswer(401, UNAUTHORIZED, "UnauthorizedException", "UNAUTHORIZED", null);
    };
  }
}
