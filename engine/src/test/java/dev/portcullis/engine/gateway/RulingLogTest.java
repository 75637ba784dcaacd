package dev.portcullis.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.rules.Ruling;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RulingLogTest {

  private static Ruling ruling(String requestId) {
    return new Ruling(requestId, Instant.EPOCH, "b2b", Gateway.Flavor.HTTP, "GET", "/", "GET /",
        new Ruling.Outcome.Allowed(200, Map.of(), ""), List.of(), null);
  }

  @Test
  void findsARulingByItsRequestId() {
    RulingLog log = new RulingLog(3);
    log.add(ruling("a"));
    assertThat(log.find("a")).map(Ruling::requestId).contains("a");
    assertThat(log.find("b")).isEmpty();
  }

  @Test
  void dropsTheOldestOnceFull() {
    RulingLog log = new RulingLog(3);
    List.of("a", "b", "c", "d", "e").forEach(id -> log.add(ruling(id)));
    assertThat(log.find("a")).isEmpty();
    assertThat(log.find("b")).isEmpty();
    assertThat(List.of("c", "d", "e")).allSatisfy(id -> assertThat(log.find(id)).isPresent());
  }

  @Test
  void keepsALaterRulingWithTheSameIdWhenTheEarlierOneIsDropped() {
    RulingLog log = new RulingLog(2);
    log.add(ruling("a"));
    Ruling again = ruling("a");
    log.add(again);
    log.add(ruling("b"));
    assertThat(log.find("a")).containsSame(again);
  }

  @Test
  void staysBoundedWhileManyThreadsAdd() throws Exception {
    RulingLog log = new RulingLog(100);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    IntStream.range(0, 20_000).forEach(i -> pool.execute(() -> log.add(ruling("r" + i))));
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    long kept = IntStream.range(0, 20_000).filter(i -> log.find("r" + i).isPresent()).count();
    assertThat(kept).isEqualTo(100);
  }

  @Test
  void tellsListenersAndSurvivesOneThatFails() throws Exception {
    RulingLog log = new RulingLog(10);
    List<String> seen = new ArrayList<>();
    log.listen(r -> {
      throw new IllegalStateException("a closed view");
    });
    AutoCloseable handle = log.listen(r -> seen.add(r.requestId()));
    log.add(ruling("a"));
    handle.close();
    log.add(ruling("b"));
    assertThat(seen).containsExactly("a");
    assertThat(log.find("b")).isPresent();
  }
}
