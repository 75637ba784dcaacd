package dev.portcullis.engine.model;

import java.util.List;

/** An API Gateway authoriser, referenced by name from routes. */
public sealed interface Authorizer {
  String name();

  /**
   * REST {@code COGNITO_USER_POOLS}: a token from one of the pools, verified against its JWKS.
   *
   * @param userPools pool ids ({@code us-east-1_AbC}) or ARNs
   * @param identitySource e.g. {@code method.request.header.Authorization}
   * @param issuerOverride for a local pool: the issuer URL the tokens carry (derived from the pool
   *     id and region when null)
   * @param identityValidationExpression a regex the token's {@code aud} must match, else 401; a token
   *     without {@code aud} (an access token) is refused (spec §2); null for none
   * @param ttlSeconds {@code authorizerResultTtlInSeconds} as configured (0..3600, null when not
   *     given): kept for AWS and exports; AWS does not document caching for Cognito authorisers, so the
   *     local gateway does not cache
   */
  record Cognito(String name, List<String> userPools, String identitySource, String issuerOverride,
      String identityValidationExpression, Integer ttlSeconds) implements Authorizer {
    public Cognito {
      Names.require(name, "authoriser name");
      userPools = Names.list(userPools);
      if (userPools.isEmpty()) {
        throw new IllegalArgumentException("Cognito authoriser '" + name + "' names no user pool");
      }
      identitySource = identitySource == null ? "method.request.header.Authorization" : identitySource;
      identityValidationExpression = identityValidationExpression == null || identityValidationExpression.isBlank()
          ? null : identityValidationExpression;
      if (identityValidationExpression != null) {
        try {
          java.util.regex.Pattern.compile(identityValidationExpression);
        } catch (java.util.regex.PatternSyntaxException e) {
          throw new IllegalArgumentException("Cognito authoriser '" + name + "': identityValidationExpression '"
              + identityValidationExpression + "' is not a regular expression (" + e.getDescription() + ")");
        }
      }
      if (ttlSeconds != null && (ttlSeconds < 0 || ttlSeconds > 3600)) {
        throw new IllegalArgumentException("Cognito authoriser '" + name + "': ttlSeconds " + ttlSeconds
            + " is outside API Gateway's 0..3600");
      }
    }

    /** Without a validation expression or TTL (the usual case). */
    public Cognito(String name, List<String> userPools, String identitySource, String issuerOverride) {
      this(name, userPools, identitySource, issuerOverride, null, null);
    }
  }

  /**
   * HTTP API {@code JWT}: issuer and audience pinned, keys from the issuer's discovery document.
   *
   * @param identitySource e.g. {@code $request.header.Authorization}
   */
  record Jwt(String name, String issuer, List<String> audiences, String identitySource) implements Authorizer {
    public Jwt {
      Names.require(name, "authoriser name");
      Names.require(issuer, "JWT authoriser '" + name + "' issuer");
      audiences = Names.list(audiences);
      identitySource = identitySource == null ? "$request.header.Authorization" : identitySource;
    }
  }

  /**
   * A Lambda authoriser. REST: {@code TOKEN} or {@code REQUEST}; HTTP APIs always send a REQUEST
   * event in {@code payloadFormat} 1.0 or 2.0, optionally with simple responses.
   *
   * @param identitySources REST: {@code method.request.header.X}, {@code method.request.querystring.X},
   *     ...; HTTP: {@code $request.header.X}, ... An empty list turns caching off (REST REQUEST).
   * @param validationRegex TOKEN only: a token that does not match is refused before the function
   * @param ttlSeconds result cache TTL, 0 to disable (REST default 300, maximum 3600)
   */
  record Lambda(
      String name,
      LambdaType eventType,
      List<String> identitySources,
      String validationRegex,
      int ttlSeconds,
      String payloadFormat,
      boolean simpleResponses,
      LambdaFunction function) implements Authorizer {
    public Lambda {
      Names.require(name, "authoriser name");
      eventType = eventType == null ? LambdaType.REQUEST : eventType;
      identitySources = Names.list(identitySources);
      if (ttlSeconds < 0 || ttlSeconds > 3600) {
        throw new IllegalArgumentException(
            "Lambda authoriser '" + name + "': ttlSeconds " + ttlSeconds + " is outside 0..3600");
      }
      java.util.Objects.requireNonNull(function, () -> "Lambda authoriser '" + name + "' needs a function");
    }
  }

  enum LambdaType { TOKEN, REQUEST }
}
