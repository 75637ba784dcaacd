package dev.portcullis.engine.idp.cognito;

import dev.portcullis.engine.model.Emulator.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * The live state of one local user: the fixture as loaded, plus what logins change (password and
 * status after NEW_PASSWORD_REQUIRED, the SRP verifier, sign-out time, the last TOTP code used).
 * The workspace file is never written back: a restart gives the fixture's state again.
 */
final class UserAccount {

  /** A TOTP code is accepted for one step either side (spec RFC 6238 drift), so remember it that long. */
  private static final Duration TOTP_REPLAY_WINDOW = Duration.ofSeconds(90);

  private final User fixture;
  private final String poolName;
  private String password;
  private String status;
  private SrpCredential srp;
  private Instant signedOutAt = Instant.EPOCH;
  private String lastTotpCode;
  private Instant lastTotpAt = Instant.EPOCH;

  UserAccount(User fixture, String poolName, CognitoSrpServer srpServer) {
    this.fixture = fixture;
    this.poolName = poolName;
    this.password = fixture.password();
    this.status = fixture.status();
    this.srp = srpServer.enroll(poolName, fixture.username(), password);
  }

  User fixture() {
    return fixture;
  }

  String username() {
    return fixture.username();
  }

  /** The {@code sub}; users without one in the fixture get their username, which is stable too. */
  String sub() {
    return fixture.sub() == null ? fixture.username() : fixture.sub();
  }

  synchronized boolean passwordMatches(String candidate) {
    return candidate != null && MessageDigest.isEqual(
        password.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  synchronized SrpCredential srp() {
    return srp;
  }

  synchronized boolean mustChangePassword() {
    return "FORCE_CHANGE_PASSWORD".equals(status);
  }

  /** Sets a new password (NEW_PASSWORD_REQUIRED) and re-enrols SRP, since the verifier hashes it. */
  synchronized void changePassword(String newPassword, CognitoSrpServer srpServer) {
    password = newPassword;
    status = "CONFIRMED";
    srp = srpServer.enroll(poolName, fixture.username(), newPassword);
  }

  synchronized void signOut(Instant at) {
    signedOutAt = at;
  }

  /** Whether a token issued at {@code issuedAt} predates a GlobalSignOut. */
  synchronized boolean signedOutSince(Instant issuedAt) {
    return !issuedAt.isAfter(signedOutAt) && signedOutAt.isAfter(Instant.EPOCH);
  }

  /**
   * Records a TOTP code as used; false when the same code was already accepted within its window,
   * because RFC 6238 §5.2 forbids accepting one code twice.
   */
  synchronized boolean useTotpCode(String code, Instant now) {
    boolean replay = code.equals(lastTotpCode) && now.isBefore(lastTotpAt.plus(TOTP_REPLAY_WINDOW));
    if (!replay) {
      lastTotpCode = code;
      lastTotpAt = now;
    }
    return !replay;
  }
}
