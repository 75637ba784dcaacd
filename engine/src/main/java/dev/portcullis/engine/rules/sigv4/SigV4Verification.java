package dev.portcullis.engine.rules.sigv4;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of checking one request's SigV4 signature: a value, never an exception. */
public sealed interface SigV4Verification permits SigV4Verification.Verified, SigV4Verification.Rejected {

  /**
   * What the gateway recomputed from the request as received; shown so a user can diff it against
   * the canonical request and string to sign their own signer logged.
   */
  record Recomputed(String canonicalRequest, String stringToSign, String signature) {
    public Recomputed {
      Objects.requireNonNull(canonicalRequest, "canonicalRequest");
      Objects.requireNonNull(stringToSign, "stringToSign");
      Objects.requireNonNull(signature, "signature");
    }
  }

  /**
   * The signature matched.
   *
   * @param accessKeyId the key that signed
   * @param principal the principal the credential lookup gave for that key
   * @param scope the credential scope
   * @param signedHeaders lower-case names, as listed by the caller
   * @param recomputed canonical request, string to sign and signature (equal to the caller's)
   * @param sessionTokenUsed whether the request carried the key's session token
   * @param location header or presigned query
   * @param notes behaviour chosen where AWS documents none, for the trace (may be empty)
   */
  record Verified(
      String accessKeyId,
      String principal,
      CredentialScope scope,
      List<String> signedHeaders,
      Recomputed recomputed,
      boolean sessionTokenUsed,
      SignatureLocation location,
      List<String> notes)
      implements SigV4Verification {
    public Verified {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(scope, "scope");
      signedHeaders = List.copyOf(signedHeaders);
      Objects.requireNonNull(recomputed, "recomputed");
      Objects.requireNonNull(location, "location");
      notes = List.copyOf(notes);
    }

    public String canonicalRequest() {
      return recomputed.canonicalRequest();
    }

    public String stringToSign() {
      return recomputed.stringToSign();
    }

    public String signature() {
      return recomputed.signature();
    }
  }

  /**
   * The gateway refused the request.
   *
   * @param reason why
   * @param message the text AWS puts in {@code {"message": ...}}
   * @param recomputed present only when the signature was actually recomputed
   */
  record Rejected(RejectReason reason, String message, Optional<Recomputed> recomputed) implements SigV4Verification {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
      recomputed = recomputed == null ? Optional.empty() : recomputed;
    }

    static Rejected of(RejectReason reason, String message) {
      return new Rejected(reason, message, Optional.empty());
    }

    public int status() {
      return reason.status();
    }

    /** The {@code x-amzn-ErrorType} header value. */
    public String errorType() {
      return reason.errorType();
    }

    /** Where the status, type and message come from (spec section and evidence level). */
    public String evidence() {
      return reason.evidence();
    }
  }
}
