package dev.portcullis.engine.identity.cognito;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A "random" source that hands out one fixed value, so a test can pin a private ephemeral (a or b)
 * to a published vector while the production code path still draws it.
 */
public final class FixedRandom implements RandomGenerator {

  private final byte[] value;
  private boolean used;

  private FixedRandom(byte[] value) {
    this.value = value;
  }

  /** A source whose one {@code nextBytes} call yields the hex value, left-padded to the requested size. */
  public static FixedRandom ofHex(String hex) {
    String even = hex.length() % 2 == 0 ? hex : "0" + hex;
    return new FixedRandom(HexFormat.of().parseHex(even));
  }

  @Override
  public void nextBytes(byte[] bytes) {
    if (used || value.length > bytes.length) {
      throw new IllegalStateException("FixedRandom holds one value of " + value.length + " bytes; asked for "
          + bytes.length + (used ? " a second time" : ""));
    }
    used = true;
    java.util.Arrays.fill(bytes, (byte) 0);
    System.arraycopy(value, 0, bytes, bytes.length - value.length, value.length);
  }

  @Override
  public long nextLong() {
    throw new UnsupportedOperationException("FixedRandom only serves nextBytes");
  }
}
