package dev.portcullis.engine.gateway;

import dev.portcullis.engine.rules.Ruling;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last rulings of the local gateway, by request id, so a client can fetch the server-side
 * ruling of the answer it got. Bounded by size, not count: each ruling is kept compact
 * ({@link CompactRuling}, rendered again when asked for) with an estimate of its bytes, and the
 * oldest go first once the total passes the bound. (Ten thousand whole rulings of about 10 KB
 * each were GC pauses under load, issue 19.)
 *
 * <p>Every answered request adds one, on the request's thread, so adding takes no lock: a queue
 * says which one to evict, and a concurrent map finds them by id. While adds race, the total may
 * pass the bound by at most one ruling per adding thread.
 */
public final class RulingLog {
  private static final Logger LOG = LoggerFactory.getLogger(RulingLog.class);
  private final long maxBytes;
  private final Map<String, CompactRuling> rulings = new ConcurrentHashMap<>();
  private final Queue<CompactRuling> oldestFirst = new ConcurrentLinkedQueue<>();
  private final AtomicLong bytes = new AtomicLong();
  private final List<Consumer<Ruling>> listeners = new CopyOnWriteArrayList<>();
  private final Set<Consumer<Ruling>> failedListeners = ConcurrentHashMap.newKeySet();

  /** A log that keeps rulings up to about {@code maxBytes} of heap. */
  public RulingLog(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("a ruling log needs room, not " + maxBytes + " bytes");
    }
    this.maxBytes = maxBytes;
  }

  public void add(Ruling ruling) {
    CompactRuling kept = CompactRuling.of(ruling);
    rulings.put(kept.requestId(), kept);
    oldestFirst.add(kept);
    long total = bytes.addAndGet(kept.bytes());
    while (total > maxBytes) {
      CompactRuling evicted = oldestFirst.poll();
      if (evicted == null) {
        break;
      }
      // Only if still mapped to that very entry, so a later ruling with the same id stays.
      rulings.remove(evicted.requestId(), evicted);
      total = bytes.addAndGet(-evicted.bytes());
    }
    for (Consumer<Ruling> listener : listeners) {
      try {
        listener.accept(ruling);
      } catch (RuntimeException e) {
        // A failing listener (a closed view, say) must not cost the caller its answer; it is
        // logged the first time only, so a broken view cannot flood the log at every request.
        if (failedListeners.add(listener)) {
          LOG.warn("a ruling listener failed on request {} and will not be reported again: {}", ruling.requestId(), e.toString(), e);
        }
      }
    }
  }

  /** The ruling with this request id, rendered from what the log keeps; empty once evicted. */
  public Optional<Ruling> find(String requestId) {
    return Optional.ofNullable(rulings.get(requestId)).map(CompactRuling::render);
  }

  /** The estimated bytes the kept rulings take. */
  long bytes() {
    return bytes.get();
  }

  /** The bound, in words, for messages. */
  String bound() {
    return maxBytes / (1024 * 1024) + " MB of rulings";
  }

  /** Calls {@code listener} with every new ruling, on the request's thread; close the handle to stop. */
  public AutoCloseable listen(Consumer<Ruling> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
