package dev.portcullis.engine.rules.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/** The algorithm and signature checks (apigw-facts §3 step 3: "only RSA-based algorithms"). */
final class Signatures {
  private Signatures() {}

  static Outcome algorithm(ParsedToken token) {
    return algorithm(token, false);
  }

  /** @param jose true for a generic JOSE library's rule: ECDSA is accepted too (only to compare with AWS's) */
  static Outcome algorithm(ParsedToken token, boolean jose) {
    if (token.signed() == null) {
      return Outcome.fail("token alg is none (unsigned); only RSA-based algorithms are supported");
    }
    JWSAlgorithm alg = token.signed().getHeader().getAlgorithm();
    if (jose && JWSAlgorithm.Family.EC.contains(alg)) {
      return Outcome.pass("token alg " + alg + " is ECDSA, which a JOSE library accepts");
    }
    if (!JWSAlgorithm.Family.RSA.contains(alg)) {
      return Outcome.fail("token alg " + alg + " is not RSA-based; only RSA-based algorithms are supported");
    }
    // AWS says "RSA-based" without a list; PS* is RSA-based but its acceptance is not stated.
    String note = alg.getName().startsWith("PS") ? " (AWS does not state whether PS* is accepted; accepted as RSA-based)" : "";
    return Outcome.pass("token alg " + alg + " is RSA-based" + note);
  }

  static Outcome verify(ParsedToken token, SigningKey key, VerifiedSignatures signatures) {
    return verify(token, key, signatures, false);
  }

  static Outcome verify(ParsedToken token, SigningKey key, VerifiedSignatures signatures, boolean jose) {
    String alg = token.algorithm();
    if (jose && key.key() instanceof ECPublicKey ec) {
      return ecdsa(token, key, ec);
    }
    if (!(key.key() instanceof RSAPublicKey rsa)) {
      return Outcome.fail("kid '" + key.kid() + "' names a " + key.keyType() + " key, which cannot verify " + alg);
    }
    if (key.algorithm() != null && !key.algorithm().equals(alg)) {
      return Outcome.fail("kid '" + key.kid() + "' is published for " + key.algorithm() + ", token alg is " + alg);
    }
    try {
      boolean valid = signatures.verify(token, rsa);
      if (valid) {
        return Outcome.pass(alg + " signature verified with kid '" + key.kid() + "'");
      }
      java.util.Set<String> crit = token.signed().getHeader().getCriticalParams();
      if (crit != null && !crit.isEmpty()) {
        // nimbus answers "invalid" for a crit it does not understand; say which, and whether the signature itself holds
        boolean signatureHolds = token.signed().verify(new com.nimbusds.jose.crypto.RSASSAVerifier(rsa, crit));
        return Outcome.fail("token header lists crit " + new java.util.TreeSet<>(crit) + ", which the verifier does not understand"
            + " (RFC 7515 §4.1.11: such a token is refused" + (signatureHolds ? ", although its " + alg + " signature with kid '"
            + key.kid() + "' is valid)" : ")"));
      }
      return Outcome.fail(alg + " signature does not verify with kid '" + key.kid() + "'");
    } catch (JOSEException e) {
      return Outcome.fail(alg + " signature could not be checked with kid '" + key.kid() + "': " + e.getMessage());
    }
  }

  private static Outcome ecdsa(ParsedToken token, SigningKey key, ECPublicKey ec) {
    String alg = token.algorithm();
    try {
      return token.signed().verify(new ECDSAVerifier(ec))
          ? Outcome.pass(alg + " signature verified with kid '" + key.kid() + "'")
          : Outcome.fail(alg + " signature does not verify with kid '" + key.kid() + "'");
    } catch (JOSEException e) {
      return Outcome.fail(alg + " signature could not be checked with kid '" + key.kid() + "': " + e.getMessage());
    }
  }
}
