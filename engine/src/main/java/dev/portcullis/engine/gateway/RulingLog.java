package dev.portcullis.engine.gateway;

import dev.portcullis.engine.rules.Ruling;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last rulings of the local gateway, by request id, so a client can fetch the server-side
 * ruling of the answer it got. Bounded: the oldest go first.
 *
 * <p>Every answered request adds one, on the request's thread, so adding takes no lock: a ring of
 * the last {@code capacity} rulings says which one to evict, and a concurrent map finds them by id.
 * (A synchronized LinkedHashMap made every worker queue behind one monitor under load.) While adds
 * race, the map may hold a few more than {@code capacity}, never more than one per adding thread.
 */
public final class RulingLog {
  private final Map<String, Ruling> rulings = new ConcurrentHashMap<>();
  private final AtomicReferenceArray<Ruling> ring;
  private final AtomicLong added = new AtomicLong();
  private final List<Consumer<Ruling>> listeners = new CopyOnWriteArrayList<>();
  private final java.util.Set<Consumer<Ruling>> failedListeners = ConcurrentHashMap.newKeySet();
  private static final Logger LOG = LoggerFactory.getLogger(RulingLog.class);

  public RulingLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a ruling log needs room for at least one ruling, not " + capacity);
    }
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  public void add(Ruling ruling) {
    rulings.put(ruling.requestId(), ruling);
    Ruling evicted = ring.getAndSet((int) (added.getAndIncrement() % ring.length()), ruling);
    if (evicted != null) {
      // Only if still mapped to that very ruling (identity: rulings are records, equal when alike),
      // so a later ruling with the same id stays.
      rulings.computeIfPresent(evicted.requestId(), (id, kept) -> kept == evicted ? null : kept);
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

  public Optional<Ruling> find(String requestId) {
    return Optional.ofNullable(rulings.get(requestId));
  }

  /** Calls {@code listener} with every new ruling, on the request's thread; close the handle to stop. */
  public AutoCloseable listen(Consumer<Ruling> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
