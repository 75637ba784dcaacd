package dev.portcullis.engine.gateway;

import dev.portcullis.engine.rules.Ruling;

/** Records as whole arrays, for tests: production writes each ruling straight into the ring's array. */
final class RingRecords {
  private RingRecords() {}

  /** Keeps {@code payload} under {@code id}, as {@link RulingRing#put(byte[], int, RulingRing.Payload)} would write it. */
  static boolean put(RulingRing ring, byte[] id, byte[] payload) {
    return ring.put(id, payload.length, (into, at) -> {
      System.arraycopy(payload, 0, into, at, payload.length);
      return at + payload.length;
    });
  }

  /** A ruling's payload as its own array (what the ring keeps after the id). */
  static byte[] encode(Ruling ruling) {
    RulingCodec.Encoding encoding = RulingCodec.Encoding.of(ruling);
    byte[] room = new byte[encoding.maxBytes()];
    return java.util.Arrays.copyOf(room, encoding.writeTo(room, 0));
  }
}
