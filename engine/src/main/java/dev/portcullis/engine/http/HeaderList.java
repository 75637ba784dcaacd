package dev.portcullis.engine.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP headers as received: order and repeated names kept (SigV4 needs both), names compared
 * without case.
 */
public record HeaderList(List<Map.Entry<String, String>> entries) {
  public HeaderList {
    entries = entries == null ? List.of() : copyOf(entries);
  }

  // a loop, not a stream: every request the gateway answers builds one (issue 19); Map.entry refuses nulls as before
  private static List<Map.Entry<String, String>> copyOf(List<Map.Entry<String, String>> entries) {
    @SuppressWarnings("unchecked")
    Map.Entry<String, String>[] copy = new Map.Entry[entries.size()];
    int i = 0;
    for (Map.Entry<String, String> e : entries) {
      copy[i++] = Map.entry(e.getKey(), e.getValue());
    }
    return List.of(copy);
  }

  public static HeaderList of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("headers come in name, value pairs");
    }
    List<Map.Entry<String, String>> list = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      list.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
    }
    return new HeaderList(list);
  }

  /** The first value of a header, if present. */
  public Optional<String> first(String name) {
    // a loop, not a stream: read several times for every request the gateway answers (issue 19)
    for (Map.Entry<String, String> e : entries) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Every value of a header, in the order received. */
  public List<String> all(String name) {
    List<String> values = null;
    for (Map.Entry<String, String> e : entries) {
      if (e.getKey().equalsIgnoreCase(name)) {
        if (values == null) {
          values = new java.util.ArrayList<>(2);
        }
        values.add(e.getValue());
      }
    }
    return values == null ? List.of() : java.util.Collections.unmodifiableList(values);
  }

  public boolean has(String name) {
    return first(name).isPresent();
  }

  /** Lower-cased names, each once, in first-seen order. */
  public List<String> names() {
    return entries.stream().map(e -> e.getKey().toLowerCase(Locale.ROOT)).distinct().toList();
  }

  public HeaderList with(String name, String value) {
    List<Map.Entry<String, String>> list = new ArrayList<>(entries);
    list.add(Map.entry(name, value));
    return new HeaderList(list);
  }
}
