package dev.portcullis.engine.rules.sigv4;

import java.util.Objects;

/**
 * The scope part of a SigV4 credential: {@code date/region/service/terminator}. Held as sent, so a
 * rejection can quote what the caller actually wrote.
 *
 * @param date the scope date, {@code yyyyMMdd}
 * @param region the region
 * @param service the service, {@code execute-api} for API Gateway
 * @param terminator always {@code aws4_request} when valid
 */
public record CredentialScope(String date, String region, String service, String terminator) {

  /** The only terminator SigV4 defines (IAM-SIGN). */
  public static final String TERMINATOR = "aws4_request";

  public CredentialScope {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(terminator, "terminator");
  }

  /** The scope as it appears in the string to sign. */
  @Override
  public String toString() {
    return date + "/" + region + "/" + service + "/" + terminator;
  }
}
