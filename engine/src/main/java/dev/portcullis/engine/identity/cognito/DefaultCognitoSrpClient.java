package dev.portcullis.engine.identity.cognito;

import java.math.BigInteger;
import java.time.Clock;
import java.util.random.RandomGenerator;

final class DefaultCognitoSrpClient implements CognitoSrpClient {

  private final RandomGenerator random;
  private final Clock clock;

  DefaultCognitoSrpClient(RandomGenerator random, Clock clock) {
    this.random = random;
    this.clock = clock;
  }

  @Override
  public SrpLogin begin() {
    byte[] bytes = new byte[SrpMath.EPHEMERAL_BYTES];
    random.nextBytes(bytes);
    return new SrpLogin(SrpMath.unsigned(bytes), clock);
  }
}
