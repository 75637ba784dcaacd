package dev.portcullis.engine.trace;

import java.util.List;

/**
 * What a SigV4 signature was computed over, for the Inspect step: the three texts AWS compares
 * when it says "The request signature we calculated does not match".
 *
 * @param credentialScope e.g. {@code 20240102/eu-west-1/execute-api/aws4_request}
 * @param signature the hex signature (masked in every export)
 */
public record SigV4Details(
    String canonicalRequest,
    String stringToSign,
    List<String> signedHeaders,
    String credentialScope,
    String signature) {
  public SigV4Details {
    canonicalRequest = canonicalRequest == null ? "" : canonicalRequest;
    stringToSign = stringToSign == null ? "" : stringToSign;
    signedHeaders = signedHeaders == null ? List.of() : List.copyOf(signedHeaders);
    credentialScope = credentialScope == null ? "" : credentialScope;
    signature = signature == null ? "" : signature;
  }
}
