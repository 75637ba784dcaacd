package dev.portcullis.engine.rules.jwt;

import dev.portcullis.engine.model.Authorizer;
import java.util.List;

/** The issuer URLs a Cognito authoriser accepts (apigw-facts §9.7: {@code iss} names the pool). */
public final class CognitoIssuers {
  private CognitoIssuers() {}

  /**
   * {@code https://cognito-idp.{region}.amazonaws.com/{poolId}} for each pool, the region read from
   * the pool id ({@code us-east-1_AbC}); a local pool's {@code issuerOverride} replaces them all.
   */
  public static List<String> of(Authorizer.Cognito authorizer) {
    if (authorizer.issuerOverride() != null) {
      return List.of(authorizer.issuerOverride());
    }
    return authorizer.userPools().stream().map(CognitoIssuers::issuer).toList();
  }

  /** The issuer of one pool, given as an id or a {@code userpool/} ARN. */
  static String issuer(String pool) {
    String poolId = pool.startsWith("arn:") ? pool.substring(pool.lastIndexOf('/') + 1) : pool;
    int underscore = poolId.indexOf('_');
    if (underscore <= 0) {
      throw new IllegalArgumentException("Cognito user pool '" + pool + "' is not a pool id like us-east-1_AbC or its ARN");
    }
    return "https://cognito-idp." + poolId.substring(0, underscore) + ".amazonaws.com/" + poolId;
  }
}
