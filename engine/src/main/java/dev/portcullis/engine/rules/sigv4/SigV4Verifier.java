package dev.portcullis.engine.rules.sigv4;

import dev.portcullis.engine.http.IncomingRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a request's AWS Signature Version 4 the way API Gateway does for an {@code AWS_IAM}
 * method (spec §5): the canonical request is rebuilt from the request as received, with the path
 * normalised and encoded a second time as execute-api does, and compared with the caller's
 * signature. Time is judged against {@link IncomingRequest#receivedAt()}, the gateway's clock.
 *
 * <p>Signing is not here: the product signs with the AWS SDK's signer. No library verifies.
 */
public interface SigV4Verifier {

  /** A verifier that finds secrets through {@code keys}. */
  static SigV4Verifier create(CredentialLookup keys) {
    return new DefaultSigV4Verifier(Objects.requireNonNull(keys, "keys"));
  }

  /**
   * The refusal API Gateway gives an {@code Authorization} header that is not SigV4 {@code key=value}
   * pairs at all (a bearer token, a raw JWT), before it looks at keys, dates or routes: 403
   * {@code IncompleteSignatureException} (spec §1.2 rows "Authorization header present but not SigV4"
   * and "single token", which AWS also answers on an unknown route). Empty when there is no such
   * header, or when it has the pairs' shape (a SigV4 claim, however wrong).
   */
  static Optional<SigV4Verification.Rejected> notSigV4(IncomingRequest request) {
    return request.headers().first("Authorization")
        .flatMap(authorization -> HeaderClaimParser.shape(request, authorization, new java.util.LinkedHashMap<>()))
        .filter(rejected -> rejected.reason() == RejectReason.MALFORMED_AUTHORIZATION);
  }

  /**
   * Verifies one request.
   *
   * @param expectedRegion the region the API lives in; the credential scope must name it
   * @param expectedService the signing service, {@code execute-api} for API Gateway
   */
  SigV4Verification verify(IncomingRequest request, String expectedRegion, String expectedService);
}
