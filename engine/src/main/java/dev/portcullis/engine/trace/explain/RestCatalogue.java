package dev.portcullis.engine.trace.explain;

import static dev.portcullis.engine.model.Gateway.Flavor.REST;
import static dev.portcullis.engine.model.Route.AuthorizationType.AWS_IAM;
import static dev.portcullis.engine.trace.Evidence.DOC;
import static dev.portcullis.engine.trace.Evidence.KC;
import static dev.portcullis.engine.trace.Evidence.OBS;
import static dev.portcullis.engine.trace.explain.Catalogue.cause;
import static dev.portcullis.engine.trace.explain.Catalogue.clockSkew;
import static dev.portcullis.engine.trace.explain.Catalogue.entry;
import static dev.portcullis.engine.trace.explain.Catalogue.errorType;
import static dev.portcullis.engine.trace.explain.Catalogue.lambdaCache;
import static dev.portcullis.engine.trace.explain.Catalogue.message;
import static dev.portcullis.engine.trace.explain.Catalogue.messageContains;
import static dev.portcullis.engine.trace.explain.Catalogue.messageStarts;
import static dev.portcullis.engine.trace.explain.Catalogue.route;
import static dev.portcullis.engine.trace.explain.Catalogue.routeKnownAndNot;
import static dev.portcullis.engine.trace.explain.Catalogue.status;
import static dev.portcullis.engine.trace.explain.Catalogue.wrongPathOrStage;
import static dev.portcullis.engine.trace.explain.Catalogue.wrongPathWithToken;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Spec §1.2, one entry per row, in the table's order (more specific messages before general ones). */
final class RestCatalogue {
  private static final Pattern IAM_DENY = Pattern.compile("User: .+ is not authorized to perform: execute-api:Invoke on resource: .+");

  private RestCatalogue() {}

  static List<CatalogueEntry> entries() {
    List<CatalogueEntry> entries = new ArrayList<>();
    entries.add(missingToken());
    entries.addAll(lambdaDenies());
    entries.addAll(iam());
    entries.addAll(sigv4());
    entries.addAll(notSigV4());
    entries.addAll(authorisers());
    entries.addAll(limits());
    return List.copyOf(entries);
  }

  private static CatalogueEntry missingToken() {
    return entry("rest.missing-authentication-token", REST,
        "§1.2 Unknown stage, path or method, or a method with no auth token (403 Missing Authentication Token)", DOC,
        status(403).and(message("Missing Authentication Token").or(errorType("MissingAuthenticationTokenException"))),
        "MISSING_AUTHENTICATION_TOKEN", "API Gateway found no method for this URL, or found an AWS_IAM method and no signature.", "",
        wrongPathOrStage(seen -> !seen.route().is(AWS_IAM)),
        cause(route(AWS_IAM), "The method uses AWS_IAM and the request carries no SigV4 signature.",
            "Sign the request with SigV4 for service execute-api (use an IAM caller)."),
        cause("The host is wrong: another API's id, another region, or a custom domain without a base-path mapping.",
            "Compare the host with the API id and region; for a custom domain, check its base-path mappings."));
  }

  private static List<CatalogueEntry> lambdaDenies() {
    String decision = "The Lambda authoriser returned a policy that denies this method's ARN.";
    String fixDecision = "Read the authoriser's logs for this caller; if the caller should pass, fix the authoriser's decision.";
    return List.of(
        entry("rest.lambda-explicit-deny", REST,
            "§1.2 Lambda authorizer returned a policy with an explicit Deny for this method (403)", KC,
            status(403).and(message("User is not authorized to access this resource with an explicit deny")),
            "ACCESS_DENIED", "The Lambda authoriser's policy explicitly denies this method.",
            "The capital 'M' in the body's \"Message\" is observed, not documented.",
            cause(decision, fixDecision), lambdaCache(seen -> false)),
        entry("rest.lambda-implicit-deny", REST,
            "§1.2 Lambda authorizer policy does not match the method (implicit deny, 403)", OBS,
            status(403).and(message("User is not authorized to access this resource")),
            "ACCESS_DENIED", "The Lambda authoriser's policy does not allow this method (no matching Allow).",
            "x-amzn-ErrorType AccessDeniedException is probable but unconfirmed for this row.",
            cause("The policy's Allow statement does not cover this method's ARN (stage, HTTP verb or path differ).",
                "Make the Resource match arn:aws:execute-api:region:account:api/stage/VERB/path, or use wildcards."),
            lambdaCache(seen -> false)),
        entry("rest.lambda-explicit-deny-identity-policy", REST,
            "§1.2 Newer KC wording for the Lambda-authorizer deny (403 ... explicit deny in an identity-based policy)", KC,
            status(403).and(messageStarts("User is not authorized to access this resource with an explicit deny in an identity-based policy")),
            "ACCESS_DENIED", "The Lambda authoriser's policy explicitly denies this method.",
            "AWS changed this wording over time; both forms mean the same deny.",
            cause(decision, fixDecision), lambdaCache(seen -> false)));
  }

  private static List<CatalogueEntry> iam() {
    return List.of(
        entry("rest.iam-explicit-deny", REST,
            "§1.2 IAM auth, or a resource policy, explicitly denies (403 ... with an explicit deny)", KC,
            status(403).and(seen -> IAM_DENY.matcher(seen.message()).find() && seen.message().contains("with an explicit deny")),
            "ACCESS_DENIED", "An IAM or resource policy explicitly denies execute-api:Invoke on this method.", "",
            cause("A Deny statement in the caller's identity policy, or in the API's resource policy, matches this method ARN.",
                "Find the Deny (IAM policy simulator, or the resource policy) and narrow it, or call as another principal."),
            cause("A resource-policy condition (source IP, VPC endpoint, account) denies this caller.",
                "Check aws:SourceIp / aws:SourceVpce conditions against where the request comes from.")),
        entry("rest.iam-no-allow", REST,
            "§1.2 IAM auth with no allow, or a resource policy that does not allow (403 User: anonymous is not authorized ...)", KC,
            status(403).and(seen -> IAM_DENY.matcher(seen.message()).find()),
            "ACCESS_DENIED", "No policy allows this caller to invoke this method.", "",
            cause("No identity policy of the signing principal allows execute-api:Invoke on this method ARN.",
                "Attach a policy allowing execute-api:Invoke on arn:aws:execute-api:region:account:api/stage/VERB/path."),
            cause(seen -> seen.message().startsWith("User: anonymous"),
                "The request was not signed (\"User: anonymous\") and the resource policy does not allow anonymous callers.",
                "Sign the request with SigV4, or allow the caller in the resource policy.")),
        entry("rest.iam-invalid-keys", REST,
            "§1.2 IAM keys invalid (403 The security token included in the request is invalid.)", KC,
            status(403).and(messageStarts("The security token included in the request is invalid")),
            "ACCESS_DENIED", "AWS does not recognise the access key or session token the request was signed with.",
            "The spec names no gateway response type for this row; ACCESS_DENIED follows the x-amzn-ErrorType.",
            cause("The access key id does not exist (deleted, mistyped, or from another partition).",
                "Check the profile's aws_access_key_id, or get fresh credentials."),
            cause("Temporary credentials (ASIA... keys) were used without their session token, or with a stale one.",
                "Send X-Amz-Security-Token with the session token that belongs to the key, or refresh the credentials.")),
        entry("rest.iam-expired-token", REST,
            "§1.2 has no row for it; §1.1 EXPIRED_TOKEN (403 AWS authentication token expired): the temporary credentials' session has expired", OBS,
            status(403).and(messageStarts("The security token included in the request is expired").or(errorType("ExpiredTokenException"))),
            "EXPIRED_TOKEN", "The request was signed with temporary credentials whose session has expired.",
            "The status and response type are documented (§1.1); the message and ExpiredTokenException are AWS's wording "
                + "for an expired session token in other services, not captured for execute-api.",
            cause("The role session (an ASIA... key and its session token) is past its expiry: a Lambda or ECS task kept "
                    + "credentials longer than they last, or an exported AWS_SESSION_TOKEN is old.",
                "Get fresh credentials: assume the role again, or let the SDK's credential provider refresh them before signing.")));
  }

  private static List<CatalogueEntry> sigv4() {
    String note = "Which gateway response type AWS applies is not documented; INVALID_SIGNATURE follows the x-amzn-ErrorType (EXPIRED_TOKEN is the other candidate).";
    return List.of(
        entry("rest.sigv4-expired", REST, "§1.2 SigV4 timestamp too old (403 Signature expired)", KC,
            status(403).and(messageStarts("Signature expired")), "INVALID_SIGNATURE",
            "The signature's timestamp is more than 5 minutes older than AWS's clock.", note,
            clockSkew(seen -> true, "behind"),
            cause("The signed request was stored and sent later (a replayed or cached request).", "Sign every request just before sending it.")),
        entry("rest.sigv4-not-yet-current", REST, "§1.2 SigV4 timestamp in the future (403 Signature not yet current)", OBS,
            status(403).and(messageStarts("Signature not yet current")), "INVALID_SIGNATURE",
            "The signature's timestamp is more than 5 minutes ahead of AWS's clock.",
            "Observed for AWS SigV4 in general, not specifically for execute-api.",
            clockSkew(seen -> true, "ahead of"),
            cause("X-Amz-Date was set by hand or by a skewed signer.", "Let the signer set X-Amz-Date from a correct clock.")),
        entry("rest.sigv4-mismatch", REST, "§1.2 SigV4 signature mismatch (403 The request signature we calculated does not match)", OBS,
            status(403).and(messageStarts("The request signature we calculated does not match")), "INVALID_SIGNATURE",
            "AWS computed a different signature for this request.", "",
            cause("The canonical request differs from what AWS saw: path encoding, query order, or a header changed after signing (Host, Content-Type, a proxy).",
                "Compare AWS's 'Canonical String' in the body with the Inspect step's canonical request, line by line."),
            cause("The secret access key does not belong to the access key id.", "Check the profile's secret key."),
            cause("The credential scope names the wrong region or service.", "Sign for service execute-api in the API's region.")));
  }

  private static List<CatalogueEntry> notSigV4() {
    String note = "x-amzn-ErrorType is IncompleteSignatureException; the gateway response type is not documented, INVALID_SIGNATURE is inferred.";
    return List.of(
        entry("rest.authorization-not-sigv4", REST,
            "§1.2 Authorization header present but not SigV4 (e.g. Bearer x), on an AWS_IAM method or an unknown route (403 missing equal-sign)", OBS,
            status(403).and(messageContains("(missing equal-sign) in Authorization header")), "INVALID_SIGNATURE",
            "API Gateway tried to read the Authorization header as a SigV4 signature.", note,
            wrongPathWithToken(routeKnownAndNot(AWS_IAM)),
            cause(route(AWS_IAM), "The method uses AWS_IAM but the request sends a bearer token.",
                "Sign the request with SigV4 (an IAM caller), or change the method's authorisation.")),
        entry("rest.authorization-single-token", REST,
            "§1.2 Authorization header with a single token (no spaces), on an AWS_IAM method or unknown route (403 requires 'Credential' parameter)", OBS,
            status(403).and(messageContains("Authorization header requires 'Credential' parameter")), "INVALID_SIGNATURE",
            "API Gateway tried to read a raw token in the Authorization header as a SigV4 signature.",
            note + " The x-amzn-ErrorType is assumed from the same family.",
            wrongPathWithToken(routeKnownAndNot(AWS_IAM)),
            cause(route(AWS_IAM), "The method uses AWS_IAM but the request sends a raw token.",
                "Sign the request with SigV4 (an IAM caller), or change the method's authorisation.")));
  }

  private static List<CatalogueEntry> authorisers() {
    return List.of(RestAuthoriserRows.apiKey(), RestAuthoriserRows.unauthorized(), RestAuthoriserRows.cognitoExpired(),
        RestAuthoriserRows.authoriserError());
  }

  private static List<CatalogueEntry> limits() {
    return List.of(
        entry("rest.quota-exceeded", REST, "§1.2 Usage-plan quota exhausted (429 Limit Exceeded)", DOC,
            status(429).and(message("Limit Exceeded").or(errorType("LimitExceededException"))), "QUOTA_EXCEEDED",
            "The API key's usage-plan quota for this period is used up.",
            "The 429 is documented; the body and x-amzn-ErrorType are observed only (weakly).",
            cause("The key's daily, weekly or monthly quota is exhausted.", "Wait for the next period, or raise the quota or move the key to another plan.")),
        entry("rest.throttled", REST, "§1.2 Throttled: stage, method, account or usage plan (429 Too Many Requests)", DOC,
            status(429), "THROTTLED", "The request rate is above a throttle limit.",
            "The 429 is documented; the body and x-amzn-ErrorType are observed only.",
            cause("The usage plan's rate or burst for this key is exceeded.", "Slow down and retry with backoff, or raise the plan's throttle."),
            cause("A method, stage or account throttle is exceeded.", "Check the stage's method throttling and the account limit (10,000 rps by default).")),
        entry("rest.arn-too-long", REST, "§1.2 ARN of the method being authorised exceeds 1600 bytes (414 Request URI too long)", DOC,
            status(414), "DEFAULT_4XX", "The method ARN API Gateway built for authorisation is longer than 1600 bytes.",
            "§1.1 has no response type for 414; DEFAULT_4XX is the nearest.",
            cause("The request path is very long, so the method ARN exceeds 1600 bytes.", "Shorten the path (move data to the query string or body).")));
  }
}
