package dev.portcullis.engine.rules;

import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.rules.Ruling.Outcome.Denied;
import dev.portcullis.engine.rules.iam.CallerIdentity;
import dev.portcullis.engine.rules.iam.ConditionContext;
import dev.portcullis.engine.rules.iam.IamDenial;
import dev.portcullis.engine.rules.iam.NamedPolicy;
import dev.portcullis.engine.rules.iam.PolicyDecision;
import dev.portcullis.engine.rules.iam.PolicyEvaluator;
import dev.portcullis.engine.rules.iam.PolicyQuery;
import dev.portcullis.engine.rules.iam.PrincipalIds;
import dev.portcullis.engine.rules.sigv4.CredentialLookup;
import dev.portcullis.engine.rules.sigv4.SigV4Verification;
import dev.portcullis.engine.rules.sigv4.SigV4Verifier;
import dev.portcullis.engine.rules.sigv4.SigningSecret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code AWS_IAM} (spec §5): SigV4 verification against the emulator's access keys, then the key's
 * identity policies together with the resource policy on the method ARN. Also the resource-policy
 * checks the other authorisation types make (§7 item 2).
 */
final class IamAuthorization {
  private final SigV4Verifier verifier;
  private final PolicyEvaluator evaluator;
  /** Per access key id: the key, its identity policies named for the evidence, and its caller. */
  private final Map<String, Signer> signers = new LinkedHashMap<>();

  private record Signer(Emulator.AccessKey key, List<NamedPolicy> policies, CallerIdentity caller) {}

  /** @param issuedAt when the emulator's sessions were issued: their expiries count from it */
  IamAuthorization(Emulator emulator, PolicyEvaluator evaluator, Instant issuedAt) {
    this.evaluator = evaluator;
    Map<String, SigningSecret> keys = new LinkedHashMap<>();
    emulator.accessKeys().forEach(k -> keys.put(k.accessKeyId(), new SigningSecret(k.secretAccessKey(), k.sessionToken(),
        k.principalArn(), k.expiresInSeconds() == null ? null : issuedAt.plusSeconds(k.expiresInSeconds()))));
    this.verifier = SigV4Verifier.create(CredentialLookup.of(keys));
    for (Emulator.AccessKey key : emulator.accessKeys()) {
      List<NamedPolicy> policies = new ArrayList<>();
      for (int i = 0; i < key.identityPolicies().size(); i++) {
        policies.add(new NamedPolicy(key.accessKeyId() + " policy #" + i, key.identityPolicies().get(i)));
      }
      signers.putIfAbsent(key.accessKeyId(), new Signer(key, List.copyOf(policies), CallerIdentity.of(key.principalArn())));
    }
  }

  Optional<Denied> authorize(PipelineState ex) {
    SigV4Verification verification = verifier.verify(ex.request, ex.gateway.region(), "execute-api");
    if (verification instanceof SigV4Verification.Rejected r) {
      String id = "sigv4." + SigV4CheckIds.of(r.reason());
      ex.fail(id, r.message().lines().findFirst().orElse("") + " (" + r.evidence() + ")");
      return Optional.of(GatewayResponses.deny(ex, r.status(), SigV4CheckIds.responseType(r.reason()),
          r.errorType(), GatewayResponses.message(r.message()), id));
    }
    SigV4Verification.Verified v = (SigV4Verification.Verified) verification;
    ex.pass("sigv4.signature", "signature by access key " + v.accessKeyId() + " (" + v.principal()
        + ") matches the one recomputed over signed headers " + String.join(";", v.signedHeaders())
        + ", scope " + v.scope() + (v.notes().isEmpty() ? "" : "; " + String.join("; ", v.notes())));
    return policy(ex, v);
  }

  private Optional<Denied> policy(PipelineState ex, SigV4Verification.Verified v) {
    Signer signer = signers.get(v.accessKeyId());
    Emulator.AccessKey key = signer.key();
    List<NamedPolicy> policies = signer.policies();
    // HTTP APIs have no resource policies (spec §1.3), so only the identity policies count there.
    PolicyDocument resource = ex.rest() ? ex.gateway.resourcePolicy() : null;
    CallerIdentity caller = signer.caller();
    PolicyQuery query = PolicyQuery.invoke(caller, policies, resource, ex.methodArn(), conditions(ex));
    PolicyDecision decision = evaluator.evaluate(query);
    String evidence = said(decision, caller, ex);
    String note = endpointNote(ex, decision instanceof PolicyDecision.Denied);
    if (!note.isEmpty()) {
      evidence += note; // otherwise the remembered line itself, whose UTF-8 the ruling log keeps
    }
    if (decision instanceof PolicyDecision.Denied denied) {
      ex.fail("iam.policy", evidence);
      IamDenial denial = IamDenial.of(denied, query);
      return Optional.of(GatewayResponses.deny(ex, denial.status(), denial.gatewayResponseType(), denial.errorType(),
          GatewayResponses.message(denial.message()), "iam.policy"));
    }
    ex.pass("iam.policy", evidence);
    ex.grant = new Grant.Iam(v.accessKeyId(), caller.accountId(), key.principalArn(), PrincipalIds.of(key.principalArn()));
    return Optional.empty();
  }

  private record Said(PolicyDecision decision, String evidence) {}

  /** The last decision's evidence: a remembered decision is the same object, and its line the same text. */
  private volatile Said said;

  private String said(PolicyDecision decision, CallerIdentity caller, PipelineState ex) {
    Said last = said;
    if (last != null && last.decision() == decision) {
      return last.evidence();
    }
    // the memo keys a decision by caller and method ARN, so the same decision object has the same line
    String evidence = "may " + caller.displayName() + " invoke " + ex.methodArn() + "? "
        + String.join("; ", decision.evidence());
    said = new Said(decision, evidence);
    return evidence;
  }

  /**
   * A resource policy seen by a caller that IAM does not know (NONE, Lambda and Cognito routes).
   *
   * @param allowRequired NONE and Cognito need an explicit allow; before a Lambda authoriser only an
   *     explicit deny stops the request (spec §7 item 2)
   */
  Optional<Denied> resourcePolicy(PipelineState ex, boolean allowRequired) {
    PolicyDocument policy = ex.gateway.resourcePolicy();
    if (!ex.rest() || policy == null) {
      return Optional.empty();
    }
    PolicyQuery query = PolicyQuery.invoke(CallerIdentity.anonymous(), List.of(), policy, ex.methodArn(), conditions(ex));
    PolicyDecision decision = evaluator.evaluate(query);
    String evidence = "resource policy for an anonymous caller on " + ex.methodArn() + ": "
        + String.join("; ", decision.evidence());
    boolean refused = decision instanceof PolicyDecision.ExplicitDeny
        || (allowRequired && decision instanceof PolicyDecision.ImplicitDeny);
    evidence += endpointNote(ex, refused);
    if (!refused) {
      ex.pass("resourcePolicy", evidence + (allowRequired ? "" : "; only an explicit deny stops a request before "
          + "a Lambda authoriser (spec §7)"));
      return Optional.empty();
    }
    ex.fail("resourcePolicy", evidence);
    IamDenial denial = IamDenial.of((PolicyDecision.Denied) decision, query);
    return Optional.of(GatewayResponses.deny(ex, denial.status(), denial.gatewayResponseType(), denial.errorType(),
        GatewayResponses.message(denial.message()), "resourcePolicy"));
  }

  /**
   * The header that says which VPC endpoint a request came through. The local gateway is reached on
   * loopback, never through one, so a caller is outside every VPC endpoint unless it sends this.
   */
  static final String SOURCE_VPCE_HEADER = "X-Portcullis-Source-Vpce";

  private static ConditionContext conditions(PipelineState ex) {
    ConditionContext context = ConditionContext.empty().with(ConditionContext.SOURCE_IP, ex.request.sourceIp());
    return ex.request.headers().first(SOURCE_VPCE_HEADER).map(v -> context.with(ConditionContext.SOURCE_VPCE, v))
        .orElse(context);
  }

  /** For a PRIVATE API, where the caller came from, and what AWS gives a caller outside the endpoint. */
  private static String endpointNote(PipelineState ex, boolean refused) {
    if (!ex.gateway.privateApi()) {
      return "";
    }
    var vpce = ex.request.headers().first(SOURCE_VPCE_HEADER);
    String from = vpce.map(v -> "; the caller came through VPC endpoint " + v + " (" + SOURCE_VPCE_HEADER + ")")
        .orElse("; this PRIVATE API's caller came through no VPC endpoint (the local gateway's default; send "
            + SOURCE_VPCE_HEADER + ": vpce-... to come through one), so aws:SourceVpce is absent");
    return from + (refused ? ". On AWS a caller outside the VPC cannot resolve a private API's host at all; one through "
        + "an endpoint the policy does not allow gets this 403 AccessDeniedException (KC-403, spec §1.2)" : "");
  }
}
