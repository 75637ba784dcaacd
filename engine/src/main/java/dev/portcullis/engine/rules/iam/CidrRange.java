package dev.portcullis.engine.rules.iam;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An IPv4 or IPv6 block as written in an {@code IpAddress} condition; a bare address is a /32 or /128. */
record CidrRange(byte[] network, int prefixBits) {

  /** Empty when the text is not an address or block; policy text never triggers a DNS lookup. */
  static Optional<CidrRange> parse(String text) {
    String[] parts = text.trim().split("/", 2);
    Optional<byte[]> address = literal(parts[0]);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int max = address.get().length * 8;
    try {
      int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
      return bits < 0 || bits > max ? Optional.empty() : Optional.of(new CidrRange(address.get(), bits));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code ip} lies in this block; an IPv4 address never lies in an IPv6 block, as in IAM. */
  boolean contains(String ip) {
    Optional<byte[]> address = literal(ip.trim());
    if (address.isEmpty() || address.get().length != network.length) {
      return false;
    }
    byte[] candidate = address.get();
    for (int bit = 0; bit < prefixBits; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses only address literals: the character check keeps InetAddress from resolving names.
   * IPv4-mapped IPv6 ({@code ::ffff:192.0.2.1}) comes back from the JDK as IPv4; AWS does not
   * document how it treats such addresses.
   */
  private static Optional<byte[]> literal(String text) {
    if (text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      return Optional.empty();
    }
    if (!text.contains(":") && text.split("\\.", -1).length != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
