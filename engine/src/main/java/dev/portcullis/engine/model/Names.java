package dev.portcullis.engine.model;

import java.util.List;

/** Small checks shared by the records' compact constructors. */
final class Names {
  private Names() {}

  static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is missing");
    }
    return value;
  }

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
