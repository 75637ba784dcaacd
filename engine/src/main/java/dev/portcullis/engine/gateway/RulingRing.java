package dev.portcullis.engine.gateway;

import java.util.Arrays;
import java.util.Optional;

/**
 * Encoded rulings in one byte array, newest overwriting oldest, found again by request id. The
 * array grows by doubling up to its bound and then wraps; records never straddle its end.
 *
 * <p>Why bytes in one array: a ruling kept as objects survives every young collection while it
 * is in the log, so under load the collector copied the whole log again and again (issue 19:
 * pauses of 16 to 60 ms every 170 ms at 30,000 requests a second, 160 MB live for an estimated
 * 32 MB). One array is allocated once, never copied by the collector and bounded exactly.
 *
 * <p>Each record is {@code length (int) | previous record of the same bucket (long) | id length
 * (int) | id (UTF-8) | payload}; a bucket's newest record heads a chain through older ones, and
 * a position before {@link #tail()} has been overwritten. Positions are absolute (they only grow);
 * a record's offset in the array is its position modulo the array's length.
 */
final class RulingRing {
  private static final int HEADER = 4 + 8 + 4;
  private static final int BUCKETS = 8192;
  private static final int FIRST_CAPACITY = 256 * 1024;

  private final int maxBytes;
  private final long[] newest = new long[BUCKETS];
  private byte[] ring;
  private long head;

  RulingRing(int maxBytes) {
    if (maxBytes < HEADER + 1) {
      throw new IllegalArgumentException("a ruling log needs room, not " + maxBytes + " bytes");
    }
    this.maxBytes = maxBytes;
    this.ring = new byte[Math.min(maxBytes, FIRST_CAPACITY)];
    Arrays.fill(newest, -1);
  }

  /** Writes a record's payload into the ring's array from {@code at}; returns where it ended. */
  interface Payload {
    int writeTo(byte[] into, int at);
  }

  /**
   * Keeps what {@code payload} writes, at most {@code maxPayload} bytes, under {@code id}; false (and
   * nothing kept) when that much would not fit in the bound.
   */
  synchronized boolean put(byte[] id, int maxPayload, Payload payload) {
    long most = (long) HEADER + id.length + maxPayload;
    if (most > maxBytes) {
      return false;
    }
    int room = (int) most;
    if (ring.length < maxBytes && head + room > ring.length) {
      // the first lap: grow, positions and offsets stay the same
      ring = Arrays.copyOf(ring, (int) Math.min(maxBytes, Math.max(2L * ring.length, head + room)));
    }
    int offset = (int) (head % ring.length);
    if (offset + room > ring.length) {
      head += ring.length - offset;
      offset = 0;
    }
    int bucket = bucket(id);
    writeLong(offset + 4, newest[bucket]);
    writeInt(offset + 12, id.length);
    System.arraycopy(id, 0, ring, offset + HEADER, id.length);
    int end = payload.writeTo(ring, offset + HEADER + id.length);
    int length = end - offset;
    writeInt(offset, length);
    newest[bucket] = head;
    head += length;
    return true;
  }

  /** What a record of this id and payload takes in the ring. */
  static int recordBytes(byte[] id, int payloadBytes) {
    return HEADER + id.length + payloadBytes;
  }

  /** The newest payload kept under {@code id}, if not yet overwritten. */
  synchronized Optional<byte[]> get(byte[] id) {
    long tail = tail();
    for (long at = newest[bucket(id)]; at >= tail; ) {
      int offset = (int) (at % ring.length);
      int idLength = readInt(offset + 12);
      if (idLength == id.length && Arrays.equals(ring, offset + HEADER, offset + HEADER + idLength, id, 0, id.length)) {
        int from = offset + HEADER + idLength;
        return Optional.of(Arrays.copyOfRange(ring, from, offset + readInt(offset)));
      }
      at = readLong(offset + 4);
    }
    return Optional.empty();
  }

  /** The bytes the kept records span (gaps at the array's end included): never more than the bound. */
  synchronized long bytes() {
    return head - tail();
  }

  /** The array's length now: it grows to the bound as rulings arrive. */
  synchronized int capacity() {
    return ring.length;
  }

  /** The oldest position not yet overwritten. */
  private long tail() {
    return Math.max(0, head - ring.length);
  }

  private static int bucket(byte[] id) {
    return (Arrays.hashCode(id) & 0x7fffffff) % BUCKETS;
  }

  private void writeInt(int at, int value) {
    for (int i = 0; i < 4; i++) {
      ring[at + i] = (byte) (value >>> (24 - 8 * i));
    }
  }

  private void writeLong(int at, long value) {
    writeInt(at, (int) (value >>> 32));
    writeInt(at + 4, (int) value);
  }

  private int readInt(int at) {
    return (ring[at] & 0xff) << 24 | (ring[at + 1] & 0xff) << 16 | (ring[at + 2] & 0xff) << 8 | (ring[at + 3] & 0xff);
  }

  private long readLong(int at) {
    return (long) readInt(at) << 32 | (readInt(at + 4) & 0xffffffffL);
  }
}
