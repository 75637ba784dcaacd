package dev.portcullis.engine.identity;

import dev.portcullis.engine.identity.cognito.CognitoSrpClient;
import dev.portcullis.engine.identity.cognito.PasswordClaim;
import dev.portcullis.engine.identity.cognito.PasswordVerifierChallenge;
import dev.portcullis.engine.identity.cognito.SecretHash;
import dev.portcullis.engine.identity.cognito.SrpLogin;
import dev.portcullis.engine.identity.cognito.Totp;
import dev.portcullis.engine.model.Caller;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * Logs a Cognito user in with the AWS SDK's Cognito client (USER_SRP_AUTH with our SRP math, or
 * USER_PASSWORD_AUTH), answers challenges through a {@link ChallengeHandler} (TOTP from the
 * caller's MFA secret when it has one), and refreshes with the refresh token.
 */
final class CognitoLogin {
  private static final int MAX_CHALLENGES = 5;
  private final Clock clock;
  private final CognitoSrpClient srp;

  CognitoLogin(Clock clock) {
    this.clock = clock;
    this.srp = CognitoSrpClient.create(new SecureRandom(), clock);
  }

  /** Resolved inputs: the endpoint (null for real AWS), secrets already looked up. */
  record Inputs(Caller.CognitoUser caller, String endpoint, String password, String clientSecret, String mfaSecret) {}

  Acquisition login(Inputs in, ChallengeHandler handler) {
    Instant start = clock.instant();
    String flow = in.caller().flow().name();
    String endpoint = endpointOf(in);
    try (CognitoIdentityProviderClient client = client(in)) {
      Map<String, String> params = new HashMap<>();
      params.put("USERNAME", in.caller().username());
      secretHash(in, in.caller().username()).ifPresent(h -> params.put("SECRET_HASH", h));
      SrpLogin srpLogin = null;
      if (in.caller().flow() == Caller.CognitoFlow.USER_SRP_AUTH) {
        srpLogin = srp.begin();
        params.put("SRP_A", srpLogin.srpA());
      } else {
        params.put("PASSWORD", in.password());
      }
      var response = client.initiateAuth(b -> b.authFlow(AuthFlowType.fromValue(flow)).clientId(in.caller().clientId()).authParameters(params));
      AuthenticationResultType result = response.authenticationResult();
      String session = response.session();
      ChallengeNameType challenge = response.challengeName();
      Map<String, String> challengeParams = response.challengeParameters();
      for (int i = 0; result == null && i < MAX_CHALLENGES; i++) {
        Optional<Map<String, String>> answer = answer(in, challenge, challengeParams, srpLogin, handler);
        if (answer.isEmpty()) {
          return failed(flow, endpoint, "The " + challenge + " challenge was not answered (cancelled).",
              "Answer the challenge, or give the caller an mfaSecret reference so headless runs can compute the TOTP code.", start);
        }
        String current = session;
        String name = challenge.toString();
        var next = client.respondToAuthChallenge(b -> b.clientId(in.caller().clientId()).challengeName(name)
            .session(current).challengeResponses(answer.get()));
        result = next.authenticationResult();
        session = next.session();
        challenge = next.challengeName();
        challengeParams = next.challengeParameters();
      }
      if (result == null) {
        return failed(flow, endpoint, "Cognito kept asking for challenges (last: " + challenge + ").",
            "Log in once in the workbench to see each challenge.", start);
      }
      return acquired(in, result, null, flow, endpoint, Acquisition.Freshness.FRESH, start);
    } catch (CognitoIdentityProviderException e) {
      return failed(flow, endpoint, "Cognito refused: " + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage(),
          fixFor(e.awsErrorDetails().errorCode()), start);
    } catch (SdkClientException e) {
      return failed(flow, endpoint, "Cognito at " + endpoint + " could not be reached: " + e.getMessage(),
          "Is the local gateway running (its identity providers), or the endpoint right?", start);
    } catch (IllegalArgumentException e) {
      return failed(flow, endpoint, "The login could not be completed: " + e.getMessage(), "Check the caller's pool id and username.", start);
    }
  }

  Acquisition refresh(Inputs in, String refreshToken) {
    Instant start = clock.instant();
    String endpoint = endpointOf(in);
    try (CognitoIdentityProviderClient client = client(in)) {
      Map<String, String> params = new HashMap<>();
      params.put("REFRESH_TOKEN", refreshToken);
      secretHash(in, in.caller().username()).ifPresent(h -> params.put("SECRET_HASH", h));
      var response = client.initiateAuth(b -> b.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).clientId(in.caller().clientId()).authParameters(params));
      return acquired(in, response.authenticationResult(), refreshToken, "REFRESH_TOKEN_AUTH", endpoint, Acquisition.Freshness.REFRESHED, start);
    } catch (CognitoIdentityProviderException e) {
      return failed("REFRESH_TOKEN_AUTH", endpoint, "Cognito refused the refresh: " + e.awsErrorDetails().errorCode() + ": "
          + e.awsErrorDetails().errorMessage(), "The refresh token expired or was revoked (GlobalSignOut): log in again.", start);
    } catch (SdkClientException e) {
      return failed("REFRESH_TOKEN_AUTH", endpoint, "Cognito at " + endpoint + " could not be reached: " + e.getMessage(),
          "Is the local gateway running, or the endpoint right?", start);
    }
  }

  private Optional<Map<String, String>> answer(Inputs in, ChallengeNameType challenge, Map<String, String> params, SrpLogin srpLogin,
      ChallengeHandler handler) {
    String userForSrp = params.getOrDefault("USER_ID_FOR_SRP", in.caller().username());
    String username = params.getOrDefault("USERNAME", userForSrp);
    Map<String, String> out = new HashMap<>();
    out.put("USERNAME", username);
    secretHash(in, username).ifPresent(h -> out.put("SECRET_HASH", h));
    switch (challenge) {
      case PASSWORD_VERIFIER -> {
        PasswordClaim claim = srpLogin.respond(new PasswordVerifierChallenge(PasswordVerifierChallenge.poolNameOf(in.caller().userPoolId()),
            userForSrp, params.get("SRP_B"), params.get("SALT"), params.get("SECRET_BLOCK")), in.password());
        out.put("PASSWORD_CLAIM_SECRET_BLOCK", params.get("SECRET_BLOCK"));
        out.put("PASSWORD_CLAIM_SIGNATURE", claim.signature());
        out.put("TIMESTAMP", claim.timestamp());
      }
      case SOFTWARE_TOKEN_MFA -> {
        Optional<String> code = in.mfaSecret() != null ? Optional.of(Totp.cognito().code(in.mfaSecret(), clock.instant()))
            : handler.answer(new ChallengeHandler.Challenge("SOFTWARE_TOKEN_MFA", username, "the 6-digit code of the authenticator app"));
        if (code.isEmpty()) {
          return Optional.empty();
        }
        out.put("SOFTWARE_TOKEN_MFA_CODE", code.get());
      }
      case SMS_MFA -> {
        Optional<String> code = handler.answer(new ChallengeHandler.Challenge("SMS_MFA", username,
            "the code sent to " + params.getOrDefault("CODE_DELIVERY_DESTINATION", "the phone")));
        if (code.isEmpty()) {
          return Optional.empty();
        }
        out.put("SMS_MFA_CODE", code.get());
      }
      case NEW_PASSWORD_REQUIRED -> {
        Optional<String> password = handler.answer(new ChallengeHandler.Challenge("NEW_PASSWORD_REQUIRED", username, "a new password"));
        if (password.isEmpty()) {
          return Optional.empty();
        }
        out.put("NEW_PASSWORD", password.get());
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }

  private Acquisition acquired(Inputs in, AuthenticationResultType result, String keptRefresh, String flow, String endpoint,
      Acquisition.Freshness freshness, Instant start) {
    boolean id = in.caller().token() == Caller.TokenUse.ID;
    String token = id ? result.idToken() : result.accessToken();
    Instant expires = result.expiresIn() == null ? null : clock.instant().plusSeconds(result.expiresIn());
    String refresh = result.refreshToken() != null ? result.refreshToken() : keptRefresh;
    Credential.Bearer bearer = new Credential.Bearer("Authorization", "", token, expires, id ? "Cognito ID token" : "Cognito access token", refresh);
    List<String> notes = List.of("Sent without a 'Bearer ' prefix, as Amplify does: Cognito authorisers (REST) take the raw token,"
        + " JWT authorisers (HTTP) take either.");
    return new Acquisition.Acquired(bearer, flow, endpoint, freshness, Duration.between(start, clock.instant()), notes);
  }

  private Optional<String> secretHash(Inputs in, String username) {
    return in.clientSecret() == null ? Optional.empty() : Optional.of(SecretHash.compute(username, in.caller().clientId(), in.clientSecret()));
  }

  private static CognitoIdentityProviderClient client(Inputs in) {
    var builder = CognitoIdentityProviderClient.builder()
        .region(Region.of(in.caller().userPoolId().substring(0, in.caller().userPoolId().indexOf('_'))))
        .credentialsProvider(AnonymousCredentialsProvider.create());
    if (in.endpoint() != null) {
      builder.endpointOverride(URI.create(in.endpoint()));
    }
    return builder.build();
  }

  private static String endpointOf(Inputs in) {
    return in.endpoint() != null ? in.endpoint() : "https://cognito-idp." + in.caller().userPoolId().substring(0, in.caller().userPoolId().indexOf('_')) + ".amazonaws.com/";
  }

  private static String fixFor(String code) {
    return switch (code == null ? "" : code) {
      case "NotAuthorizedException" -> "Check the password reference and that the app client allows this auth flow (and needs no client secret you did not give).";
      case "UserNotFoundException" -> "Check the username and the user pool id.";
      case "CodeMismatchException" -> "The MFA code was wrong; check the authenticator's clock and the caller's mfaSecret.";
      case "ExpiredCodeException" -> "The code expired; try again with a fresh one.";
      case "InvalidParameterException" -> "Check the caller's configuration: the app client may need a SECRET_HASH (clientSecret) or another flow.";
      case "ResourceNotFoundException" -> "The app client id does not exist in that pool.";
      default -> "See Cognito's message above.";
    };
  }

  private Acquisition.Failed failed(String flow, String endpoint, String message, String fix, Instant start) {
    return new Acquisition.Failed(flow, endpoint, message, fix, Duration.between(start, clock.instant()));
  }
}
