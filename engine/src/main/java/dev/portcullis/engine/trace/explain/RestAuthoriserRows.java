package dev.portcullis.engine.trace.explain;

import static dev.portcullis.engine.model.Gateway.Flavor.REST;
import static dev.portcullis.engine.model.Route.AuthorizationType.COGNITO_USER_POOLS;
import static dev.portcullis.engine.model.Route.AuthorizationType.CUSTOM;
import static dev.portcullis.engine.trace.explain.Catalogue.cause;
import static dev.portcullis.engine.trace.explain.Catalogue.entry;
import static dev.portcullis.engine.trace.explain.Catalogue.errorType;
import static dev.portcullis.engine.trace.explain.Catalogue.message;
import static dev.portcullis.engine.trace.explain.Catalogue.route;
import static dev.portcullis.engine.trace.explain.Catalogue.status;

import dev.portcullis.engine.trace.Evidence;

/** Spec §1.2 rows for API keys and the Cognito and Lambda authorisers. */
final class RestAuthoriserRows {
  private RestAuthoriserRows() {}

  static CatalogueEntry apiKey() {
    return entry("rest.api-key-forbidden", REST,
        "§1.2 API key missing or invalid, method has apiKeyRequired (403 Forbidden)", Evidence.KC,
        status(403).and(message("Forbidden").or(errorType("ForbiddenException"))), "INVALID_API_KEY",
        "API Gateway refused the API key (or its absence) on a method that requires one.", "",
        cause("No x-api-key header was sent.", "Send the key in x-api-key (choose an API-key caller)."),
        cause("The key value is wrong or the key is disabled.", "Copy the key value again from the console; check the key is enabled."),
        cause("The key exists but is in no usage plan attached to this API stage.",
            "Add the key to a usage plan, and add this API and stage to that plan."));
  }

  static CatalogueEntry unauthorized() {
    return entry("rest.unauthorized", REST,
        "§1.2 Cognito or Lambda authorizer: not authenticated (401 Unauthorized)", Evidence.DOC,
        status(401).and(message("Unauthorized")), "UNAUTHORIZED",
        "The authoriser did not authenticate the caller.", "x-amzn-ErrorType UnauthorizedException is widely observed, not documented.",
        cause("No token, or an empty one, in the identity source header (Authorization by default).",
            "Send the token in the header the authoriser reads; check the caller acquired one."),
        cause(route(COGNITO_USER_POOLS), "Cognito: the wrong kind of token or a token the pool does not recognise: an access "
                + "token on a method without scopes, an ID token on a method with scopes, a token from another pool, or a scope the token lacks.",
            "Send the ID token to methods without scopes and an access token carrying one of the method's scopes otherwise; check iss names the authoriser's pool."),
        cause(route(CUSTOM), "Lambda: the identity source is missing (the function is not even called), or the function returned exactly 'Unauthorized'.",
            "Send every identity source the authoriser lists; read the authoriser's logs."));
  }

  static CatalogueEntry cognitoExpired() {
    return entry("rest.cognito-expired", REST, "§1.2 Cognito authorizer: expired token (401 The incoming token has expired)", Evidence.OBS,
        status(401).and(message("The incoming token has expired")), "UNAUTHORIZED",
        "The Cognito token's exp has passed.", "x-amzn-ErrorType is not confirmed for this row.",
        cause("The token expired (Cognito ID and access tokens last 60 minutes by default).",
            "Refresh with REFRESH_TOKEN_AUTH or sign in again."),
        cause("This machine's clock is behind AWS's, so a token that looks valid here has expired for AWS.", "Synchronise the clock (NTP)."));
  }

  static CatalogueEntry authoriserError() {
    return entry("rest.authorizer-configuration-error", REST,
        "§1.2 Lambda authorizer throws any error other than exactly Unauthorized, returns malformed output, or times out (500)", Evidence.OBS,
        status(500).and(errorType("AuthorizerConfigurationException").or(seen -> seen.response().messageIsNull())),
        "AUTHORIZER_CONFIGURATION_ERROR", "The Lambda authoriser failed instead of answering Allow, Deny or Unauthorized.",
        "The 500 is documented; the body ({\"message\": null} in older captures, \"Internal server error\" in newer) is unverified.",
        cause("The function threw an error whose text is not exactly 'Unauthorized' (any other text becomes a 500).",
            "Throw exactly 'Unauthorized' for a 401, or return a Deny policy for a 403."),
        cause("The function returned malformed output (no principalId, or a policyDocument API Gateway cannot parse).",
            "Return {principalId, policyDocument:{Version, Statement:[...]}, context} with string, number or boolean context values."),
        cause("The function timed out, or API Gateway may not invoke it.", "Check its duration in the logs and the lambda:InvokeFunction permission."));
  }
}
