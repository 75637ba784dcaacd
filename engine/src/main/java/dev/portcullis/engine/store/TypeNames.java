package dev.portcullis.engine.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The type names the file format accepts for a sealed family, read from its mix-in. */
final class TypeNames {
  private TypeNames() {}

  static String of(Class<?> family) {
    Class<?> mixin = Json.mapper().findMixInClassFor(family);
    JsonSubTypes subTypes = mixin == null ? null : mixin.getAnnotation(JsonSubTypes.class);
    if (subTypes == null) {
      return "?";
    }
    return Arrays.stream(subTypes.value()).map(JsonSubTypes.Type::name).collect(Collectors.joining(", "));
  }
}
