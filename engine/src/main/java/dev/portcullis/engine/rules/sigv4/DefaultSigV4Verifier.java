package dev.portcullis.engine.rules.sigv4;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.rules.sigv4.SigV4Verification.Recomputed;
import dev.portcullis.engine.rules.sigv4.SigV4Verification.Rejected;
import dev.portcullis.engine.rules.sigv4.SigV4Verification.Verified;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks in the order Portcullis runs them: shape of the claim, host signed, credential scope,
 * clock, key, session token, payload hash, signature. AWS does not document its order; this one
 * puts the checks that need no secret first, so an unknown key with a stale date reports the date.
 */
final class DefaultSigV4Verifier implements SigV4Verifier {

  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

  private final CredentialLookup keys;

  DefaultSigV4Verifier(CredentialLookup keys) {
    this.keys = keys;
  }

  @Override
  public SigV4Verification verify(IncomingRequest request, String expectedRegion, String expectedService) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(expectedRegion, "expectedRegion");
    Objects.requireNonNull(expectedService, "expectedService");
    return switch (ClaimParse.of(request)) {
      case ClaimParse.Failed failed -> failed.rejected();
      case ClaimParse.Parsed parsed -> check(request, parsed.claim(), expectedRegion, expectedService);
    };
  }

  private SigV4Verification check(IncomingRequest request, SignatureClaim claim, String region, String service) {
    Optional<Rejected> early = hostSigned(claim)
        .or(() -> scope(claim, region, service))
        .or(() -> clock(claim, request.receivedAt()));
    if (early.isPresent()) {
      return early.get();
    }
    Optional<SigningSecret> secret = keys.find(claim.accessKeyId());
    if (secret.isEmpty()) {
      return Rejections.invalidToken(RejectReason.UNKNOWN_ACCESS_KEY);
    }
    Optional<Rejected> token = sessionToken(claim, secret.get())
        .or(() -> secret.get().expiredAt(request.receivedAt()) ? Optional.of(Rejections.expiredToken()) : Optional.empty());
    return token.isPresent() ? token.get() : compare(request, claim, secret.get());
  }

  private static Optional<Rejected> hostSigned(SignatureClaim claim) {
    return claim.signedHeaders().contains("host") ? Optional.empty() : Optional.of(Rejections.hostNotSigned());
  }

  private static Optional<Rejected> scope(SignatureClaim claim, String region, String service) {
    CredentialScope scope = claim.scope();
    if (!scope.terminator().equals(CredentialScope.TERMINATOR)) {
      return Optional.of(Rejections.scopeTerminator(scope.terminator()));
    }
    if (!claim.amzDate().startsWith(scope.date())) {
      return Optional.of(Rejections.scopeDate(scope.date(), claim.amzDate()));
    }
    if (!scope.region().equals(region)) {
      return Optional.of(Rejections.scopeRegion(scope.region()));
    }
    return scope.service().equals(service) ? Optional.empty() : Optional.of(Rejections.scopeService(service));
  }

  /**
   * Header auth: ±5 minutes around the gateway's clock (spec §5). Presigned: not before 5 minutes
   * ahead, and not after X-Amz-Expires; the skew rule in the past direction is replaced by the
   * URL's own lifetime, as IAM-SIGN describes presigning.
   */
  private static Optional<Rejected> clock(SignatureClaim claim, Instant now) {
    Instant signedAt = claim.signedAt();
    if (signedAt.isAfter(now.plus(Rejections.SKEW))) {
      return Optional.of(Rejections.notYetCurrent(signedAt, now));
    }
    if (claim.expiresSeconds() != null) {
      boolean expired = now.isAfter(signedAt.plusSeconds(claim.expiresSeconds()));
      return expired ? Optional.of(Rejections.presignedExpired(signedAt, claim.expiresSeconds(), now)) : Optional.empty();
    }
    return signedAt.isBefore(now.minus(Rejections.SKEW)) ? Optional.of(Rejections.expired(signedAt, now)) : Optional.empty();
  }

  /** Temporary credentials must bring their token; long-term keys must not bring one. */
  private static Optional<Rejected> sessionToken(SignatureClaim claim, SigningSecret secret) {
    String sent = claim.securityToken();
    if (secret.hasSessionToken() && sent == null) {
      return Optional.of(Rejections.invalidToken(RejectReason.SESSION_TOKEN_MISSING));
    }
    boolean matches = Objects.equals(sent, secret.sessionToken());
    return matches ? Optional.empty() : Optional.of(Rejections.invalidToken(RejectReason.SESSION_TOKEN_MISMATCH));
  }

  private static SigV4Verification compare(IncomingRequest request, SignatureClaim claim, SigningSecret secret) {
    String payloadHash = payloadHash(request);
    String canonical = Canonicalizer.canonicalRequest(request, claim, payloadHash);
    String stringToSign = SigV4Crypto.stringToSign(claim.amzDate(), claim.scope(), canonical);
    Recomputed recomputed = new Recomputed(canonical, stringToSign,
        SigV4Crypto.signature(secret.secretAccessKey(), claim.scope(), stringToSign));
    if (!SigV4Crypto.sameSignature(recomputed.signature(), claim.signature())) {
      return Rejections.signatureMismatch(recomputed);
    }
    return new Verified(claim.accessKeyId(), secret.principal(), claim.scope(), claim.signedHeaders(), recomputed,
        claim.securityToken() != null, claim.location(), notes(claim, payloadHash));
  }

  /**
   * The X-Amz-Content-Sha256 value when sent (spec §5, as botocore does), except when it is a
   * digest the body does not have: then the body's own hash. The AWS SDK sends this header for
   * execute-api, so trusting it blindly would let a changed body through under the old
   * signature; with the body's hash the request fails as a signature mismatch (spec §1.2) and the
   * canonical request shown to the user carries the hash the body really has. What API Gateway
   * itself does here is undocumented. Non-digest values (UNSIGNED-PAYLOAD) are used as sent.
   */
  private static String payloadHash(IncomingRequest request) {
    String bodyHash = SigV4Crypto.sha256Hex(request.body());
    return request.headers().first("X-Amz-Content-Sha256").map(String::strip)
        .filter(h -> !isHexSha256(h) || h.equals(bodyHash))
        .orElse(bodyHash);
  }

  /** Sixty-four lower-case hex digits (a loop, not a regex: once per signed request, issue 19). */
  private static boolean isHexSha256(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = text.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /** Behaviour AWS leaves undocumented that this request relied on, for the trace. */
  private static List<String> notes(SignatureClaim claim, String payloadHash) {
    List<String> notes = new ArrayList<>();
    if (claim.location() == SignatureLocation.QUERY_STRING) {
      notes.add("Presigned (query-string) SigV4: support by API Gateway is undocumented by AWS (spec §5, §10 q9); "
          + "emulated as IAM-SIGN describes presigning.");
    }
    if (payloadHash.equals(UNSIGNED_PAYLOAD)) {
      notes.add("X-Amz-Content-Sha256: UNSIGNED-PAYLOAD accepted; whether API Gateway accepts it is undocumented "
          + "by AWS (spec §5, §10 q9).");
    }
    boolean tokenUnsigned = claim.location() == SignatureLocation.AUTHORIZATION_HEADER
        && claim.securityToken() != null && !claim.signedHeaders().contains("x-amz-security-token");
    if (tokenUnsigned) {
      notes.add("X-Amz-Security-Token was sent but not signed; accepted. Whether execute-api requires it signed is "
          + "undocumented by AWS (spec §5 shows it signed in captures).");
    }
    return notes;
  }
}
