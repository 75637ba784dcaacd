package dev.portcullis.engine.trace.explain;

import static dev.portcullis.engine.model.Gateway.Flavor.HTTP;
import static dev.portcullis.engine.model.Route.AuthorizationType.CUSTOM;
import static dev.portcullis.engine.model.Route.AuthorizationType.JWT;
import static dev.portcullis.engine.trace.explain.Catalogue.cause;
import static dev.portcullis.engine.trace.explain.Catalogue.clockSkew;
import static dev.portcullis.engine.trace.explain.Catalogue.entry;
import static dev.portcullis.engine.trace.explain.Catalogue.lambdaCache;
import static dev.portcullis.engine.trace.explain.Catalogue.message;
import static dev.portcullis.engine.trace.explain.Catalogue.route;
import static dev.portcullis.engine.trace.explain.Catalogue.status;

import dev.portcullis.engine.trace.Evidence;
import dev.portcullis.engine.trace.explain.CatalogueEntry.Seen;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Spec §1.3, one entry per error row of HTTP APIs (API Gateway v2). */
final class HttpCatalogue {
  private HttpCatalogue() {}

  static List<CatalogueEntry> entries() {
    return List.of(jwtUnauthorized(), jwtScope(), lambdaMissingIdentity(), lambdaError(), lambdaDeny(), throttled(), iam());
  }

  private static Predicate<Seen> wwwAuthenticate() {
    return seen -> seen.response().header("www-authenticate") != null;
  }

  private static Predicate<Seen> described(String words) {
    return seen -> {
      String header = seen.response().header("www-authenticate");
      return header != null && header.toLowerCase(Locale.ROOT).contains(words);
    };
  }

  private static CatalogueEntry jwtUnauthorized() {
    return entry("http.jwt-unauthorized", HTTP,
        "§1.3 JWT authorizer, any token-validation failure (401 Unauthorized with www-authenticate)", Evidence.DOC,
        status(401).and(wwwAuthenticate()), "UNAUTHORIZED",
        "The JWT authoriser rejected the token; www-authenticate's error_description says why when AWS gives one.",
        "AWS documents only the audience description; other descriptions are observed, and often there is none.",
        cause("No token in the identity source ($request.header.Authorization by default); 'Bearer ' in front is allowed.",
            "Send the token in the header the authoriser reads."),
        cause(described("audience"), "Neither aud nor (when aud is absent) client_id matches the authoriser's audience list.",
            "Add the app client id to the authoriser's audience, or request the token for the right client; Cognito access tokens carry client_id, not aud."),
        cause(described("expired"), "The token has expired (or this machine's clock is off).", "Acquire a fresh token; synchronise the clock."),
        cause("iss does not equal the authoriser's issuer exactly (a trailing slash breaks it), or the token's kid is not in the issuer's JWKS, or it is not RSA-signed.",
            "Compare iss with the authoriser's issuer character by character; check the Inspect step's signature result."));
  }

  private static CatalogueEntry jwtScope() {
    return entry("http.jwt-insufficient-scope", HTTP,
        "§1.3 JWT authorizer, valid token but the route's authorizationScopes are not satisfied (403 Forbidden)", Evidence.OBS,
        status(403).and(message("Forbidden")).and(route(JWT)), "ACCESS_DENIED",
        "The token is valid, but carries none of the route's authorisation scopes.",
        "Observed and emulated, not documented by AWS; the www-authenticate value for this case is undocumented.",
        cause("The token's scope (or scp) claim contains none of the route's scopes. Cognito tokens from InitiateAuth (SRP, password) only ever carry aws.cognito.signin.user.admin.",
            "Request the scope (client credentials or the hosted UI for custom scopes), or add a scope the token carries to the route."));
  }

  private static CatalogueEntry lambdaMissingIdentity() {
    return entry("http.lambda-missing-identity", HTTP,
        "§1.3 Lambda authorizer, missing identity source (401 without invoking the function)", Evidence.DOC,
        status(401).and(wwwAuthenticate().negate()), "UNAUTHORIZED",
        "An identity source the Lambda authoriser needs is missing, so API Gateway refused without calling it.",
        "The 401 is documented; the body {\"message\":\"Unauthorized\"} is observed.",
        cause("A header or query parameter listed in the authoriser's identity sources is missing or empty.",
            "Send every identity source the authoriser lists (e.g. $request.header.Authorization)."));
  }

  private static CatalogueEntry lambdaError() {
    return entry("http.lambda-authorizer-error", HTTP,
        "§1.3 Lambda authorizer cannot be invoked, or returns an invalid format (500 Internal Server Error)", Evidence.DOC,
        status(500), "AUTHORIZER_CONFIGURATION_ERROR",
        "The Lambda authoriser could not be invoked or answered in a shape API Gateway does not accept.",
        "An integration failure gives the same 500 body.",
        cause("The authoriser's response does not match its payload format: simple responses need {\"isAuthorized\": bool}, otherwise a policy.",
            "Match the response to the authoriser's payload format version and enableSimpleResponses."),
        cause("API Gateway may not invoke the function, or it timed out.", "Check the lambda:InvokeFunction permission and the function's logs."),
        cause("The integration failed, not the authoriser.", "Check the integration's logs; the Context step shows whether it was reached."));
  }

  private static CatalogueEntry lambdaDeny() {
    return entry("http.lambda-deny", HTTP,
        "§1.3 Lambda authorizer denies (isAuthorized false, or a Deny policy) (403 Forbidden)", Evidence.OBS,
        status(403).and(message("Forbidden")), "ACCESS_DENIED",
        "The Lambda authoriser denied the request.", "Observed, not documented.",
        cause(route(CUSTOM), "The authoriser returned isAuthorized: false, or a policy that denies this route.",
            "Read the authoriser's logs for this caller."),
        lambdaCache(seen -> false),
        cause("If the route uses a JWT authoriser: the token lacks the route's scopes.", "Check the token's scope claim against the route."));
  }

  private static CatalogueEntry throttled() {
    return entry("http.throttled", HTTP, "§1.3 Throttling (429 Too Many Requests)", Evidence.DOC,
        status(429), "THROTTLED", "The request rate is above the stage's or route's throttle.",
        "The body {\"message\":\"Too Many Requests\"} is observed.",
        cause("The stage or route throttle (rate or burst) is exceeded.", "Slow down and retry with backoff, or raise the throttle."));
  }

  private static CatalogueEntry iam() {
    Predicate<Seen> sigV4Message = seen -> seen.message().startsWith("Signature expired")
        || seen.message().startsWith("Signature not yet current")
        || seen.message().startsWith("The request signature we calculated does not match")
        || seen.message().startsWith("The security token included in the request is invalid")
        || seen.message().contains("in Authorization header")
        || seen.message().contains("is not authorized to perform: execute-api:Invoke");
    CatalogueEntry shape = entry("http.iam-sigv4", HTTP,
        "§1.3 IAM (SigV4) failure bodies for HTTP APIs (403, assumed as §1.2)", Evidence.OBS,
        status(403).and(sigV4Message), "INVALID_SIGNATURE",
        "An AWS_IAM route refused the signature or the caller; the message reads as in §1.2.",
        "Not documented for HTTP APIs: the §1.2 messages are assumed, unverified.",
        clockSkew(seen -> seen.message().startsWith("Signature"), "off from"),
        cause(seen -> seen.message().contains("does not match"), "The canonical request or the secret key differs from what AWS used.",
            "Compare AWS's canonical string with the Inspect step's canonical request."),
        cause(seen -> seen.message().contains("execute-api:Invoke"), "No identity policy allows execute-api:Invoke on this route.",
            "Allow execute-api:Invoke on arn:aws:execute-api:region:account:api/stage/VERB/path."));
    // a policy refusal is an access denial, every other message here is about the signature
    return new CatalogueEntry(shape.id(), HTTP, shape.specRow(), shape.evidence(), shape.matches(),
        seen -> seen.message().contains("execute-api:Invoke") ? "ACCESS_DENIED" : "INVALID_SIGNATURE",
        shape.summary(), shape.causes(), shape.note());
  }
}
