package dev.portcullis.engine.gateway;

import dev.portcullis.engine.rules.Ruling;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last rulings of the local gateway, by request id, so a client can fetch the server-side
 * ruling of the answer it got. Bounded by size, exactly: each ruling is encoded
 * ({@link RulingCodec}) into one array of at most the bound ({@link RulingRing}), the newest
 * overwriting the oldest, and rendered again when asked for. (Rulings kept as objects were
 * 160 MB for an estimated 32 MB, copied by every young collection under load: issue 19.)
 *
 * <p>Every answered request adds one, on the request's thread, encoded straight into the ring
 * under its lock (a few microseconds for an echo ruling of about 3 KB).
 */
public final class RulingLog {
  private static final Logger LOG = LoggerFactory.getLogger(RulingLog.class);
  private final RulingRing ring;
  private final long maxBytes;
  private final List<Consumer<Ruling>> listeners = new CopyOnWriteArrayList<>();
  private final Set<Consumer<Ruling>> failedListeners = ConcurrentHashMap.newKeySet();

  /** A log that keeps rulings in at most {@code maxBytes} (up to 2 GB). */
  public RulingLog(long maxBytes) {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("a ruling log needs room up to 2 GB, not " + maxBytes + " bytes");
    }
    this.maxBytes = maxBytes;
    this.ring = new RulingRing((int) maxBytes);
  }

  public void add(Ruling ruling) {
    add(ruling, null);
  }

  /**
   * Adds {@code ruling} whose body the caller has already encoded for the wire ({@code bodyUtf8}, its body's UTF-8
   * exactly; null when not), so the log copies those bytes instead of encoding the body again.
   */
  public void add(Ruling ruling, byte[] bodyUtf8) {
    RulingCodec.Encoding encoding = RulingCodec.Encoding.of(ruling, bodyUtf8);
    if (!ring.put(RulingCodec.id(ruling.requestId()), encoding.maxBytes(), encoding::writeTo)) {
      LOG.debug("ruling {} is larger than the log's {} and is not kept", ruling.requestId(), bound());
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

  /** The ruling with this request id, rendered from what the log keeps; empty once overwritten. */
  public Optional<Ruling> find(String requestId) {
    return ring.get(RulingCodec.id(requestId)).map(payload -> RulingCodec.decode(requestId, payload));
  }

  /** The bytes the kept rulings take. */
  long bytes() {
    return ring.bytes();
  }

  /** The bound, in words, for messages. */
  String bound() {
    return maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MB of rulings" : maxBytes / 1024 + " KB of rulings";
  }

  /** Calls {@code listener} with every new ruling, on the request's thread; close the handle to stop. */
  public AutoCloseable listen(Consumer<Ruling> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
