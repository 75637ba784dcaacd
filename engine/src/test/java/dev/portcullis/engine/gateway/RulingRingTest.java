package dev.portcullis.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RulingRingTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] payload(int size, int seed) {
    byte[] payload = new byte[size];
    Arrays.fill(payload, (byte) seed);
    return payload;
  }

  @Test
  void keepsTheNewestUntilTheyAreOverwrittenAcrossManyLaps() {
    int bound = 64 * 1024;
    RulingRing ring = new RulingRing(bound);
    for (int i = 0; i < 5_000; i++) {
      // sizes 100 to 1,099 bytes, so laps end in gaps of every size
      RingRecords.put(ring, bytes("id-" + i), payload(100 + (i * 37) % 1000, i));
      assertThat(ring.bytes()).isLessThanOrEqualTo(bound);
      assertThat(ring.capacity()).isLessThanOrEqualTo(bound);
    }
    int kept = (int) IntStream.range(0, 5_000).filter(i -> ring.get(bytes("id-" + i)).isPresent()).count();
    assertThat(kept).as("about 64 KB of ~600-byte records").isBetween(60, 200);
    IntStream.range(5_000 - kept, 5_000).forEach(i ->
        assertThat(ring.get(bytes("id-" + i))).as("id-%d, newest first and without a gap", i)
            .hasValueSatisfying(p -> assertThat(p).isEqualTo(payload(100 + (i * 37) % 1000, i))));
    assertThat(ring.get(bytes("never-added"))).isEmpty();
  }

  @Test
  void growsFromSmallToItsBoundOnly() {
    RulingRing ring = new RulingRing(4 * 1024 * 1024);
    assertThat(ring.capacity()).as("a gateway nobody calls holds little").isEqualTo(256 * 1024);
    for (int i = 0; i < 10_000; i++) {
      RingRecords.put(ring, bytes("r" + i), payload(1000, i));
    }
    assertThat(ring.capacity()).isEqualTo(4 * 1024 * 1024);
    assertThat(ring.get(bytes("r0"))).as("the first lap's records are overwritten").isEmpty();
    assertThat(ring.get(bytes("r9999"))).hasValueSatisfying(p -> assertThat(p).isEqualTo(payload(1000, 9999)));
  }

  @Test
  void theSameIdAgainFindsTheLaterOne() {
    RulingRing ring = new RulingRing(1024 * 1024);
    RingRecords.put(ring, bytes("a"), bytes("first"));
    RingRecords.put(ring, bytes("a"), bytes("second"));
    assertThat(ring.get(bytes("a"))).hasValueSatisfying(p -> assertThat(new String(p, StandardCharsets.UTF_8)).isEqualTo("second"));
  }

  @Test
  void aRecordLargerThanTheBoundIsNotKeptAndEvictsNothing() {
    RulingRing ring = new RulingRing(8 * 1024);
    RingRecords.put(ring, bytes("small"), payload(100, 1));
    assertThat(RingRecords.put(ring, bytes("huge"), payload(9 * 1024, 2))).isFalse();
    assertThat(ring.get(bytes("huge"))).isEmpty();
    assertThat(ring.get(bytes("small"))).isPresent();
  }

  @Test
  void aRecordOfTheWholeBoundIsKeptAlone() {
    RulingRing ring = new RulingRing(8 * 1024);
    RingRecords.put(ring, bytes("small"), payload(100, 1));
    byte[] id = bytes("whole");
    assertThat(RingRecords.put(ring, id, payload(8 * 1024 - RulingRing.recordBytes(id, 0), 2))).isTrue();
    assertThat(ring.get(id)).isPresent();
    assertThat(ring.get(bytes("small"))).isEmpty();
  }
}
