package dev.portcullis.engine.rules.iam;

/**
 * Who is calling, as SigV4 authentication established it: an IAM user, a role session
 * ({@code arn:aws:sts::<account>:assumed-role/<role>/<session>}) or an account root. {@link
 * #anonymous()} is the unsigned caller that API Gateway calls {@code anonymous} in its messages
 * (apigw-facts §1.2), used when only a resource policy guards the API.
 *
 * @param arn the principal ARN, null only for the anonymous caller
 * @param accountId the 12-digit account, null only for the anonymous caller
 */
public record CallerIdentity(String arn, String accountId) {
  private static final CallerIdentity ANONYMOUS = new CallerIdentity(null, null);

  public CallerIdentity {
    if ((arn == null) != (accountId == null)) {
      throw new IllegalArgumentException(
          "Caller " + arn + ": an ARN and an account id go together (both null only for the anonymous caller)");
    }
    if (arn != null) {
      String[] parts = arn.split(":", 6);
      if (parts.length != 6 || !parts[0].equals("arn")) {
        throw new IllegalArgumentException("Caller '" + arn + "' is not an ARN (arn:aws:iam::<account>:user/<name>)");
      }
      if (!parts[4].equals(accountId)) {
        throw new IllegalArgumentException(
            "Caller '" + arn + "' belongs to account " + parts[4] + ", not " + accountId + " as given");
      }
    }
  }

  /** An IAM caller; the account is read from the ARN. */
  public static CallerIdentity of(String arn) {
    String[] parts = arn.split(":", 6);
    return new CallerIdentity(arn, parts.length == 6 ? parts[4] : "?");
  }

  public static CallerIdentity anonymous() {
    return ANONYMOUS;
  }

  public boolean isAnonymous() {
    return arn == null;
  }

  /** The caller as AWS names it in a denial message. */
  public String displayName() {
    return isAnonymous() ? "anonymous" : arn;
  }

  String partition() {
    return arn.split(":", 3)[1];
  }
}
