package dev.portcullis.engine.gateway;

import dev.portcullis.engine.rules.Ruling;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The last rulings of the local gateway, by request id, so a client can fetch the server-side
 * ruling of the answer it got. Bounded: the oldest go first.
 */
public final class RulingLog {
  private final int capacity;
  private final Map<String, Ruling> rulings;
  private final List<Consumer<Ruling>> listeners = new CopyOnWriteArrayList<>();

  public RulingLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a ruling log needs room for at least one ruling, not " + capacity);
    }
    this.capacity = capacity;
    this.rulings = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Ruling> eldest) {
        return size() > RulingLog.this.capacity;
      }
    };
  }

  public void add(Ruling ruling) {
    synchronized (rulings) {
      rulings.put(ruling.requestId(), ruling);
    }
    for (Consumer<Ruling> listener : listeners) {
      try {
        listener.accept(ruling);
      } catch (RuntimeException e) {
        // A failing listener (a closed view, say) must not cost the caller its answer.
      }
    }
  }

  public Optional<Ruling> find(String requestId) {
    synchronized (rulings) {
      return Optional.ofNullable(rulings.get(requestId));
    }
  }

  /** Calls {@code listener} with every new ruling, on the request's thread; close the handle to stop. */
  public AutoCloseable listen(Consumer<Ruling> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
