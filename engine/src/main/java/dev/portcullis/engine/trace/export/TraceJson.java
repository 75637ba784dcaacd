package dev.portcullis.engine.trace.export;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.portcullis.engine.store.Json;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Step;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The trace file format: the project's one mapper plus this package's mix-ins (type names for the
 * sealed step and detail families) and ISO-8601 text for instants and durations. Kept here so the
 * trace records carry no Jackson annotations.
 */
final class TraceJson {
  static final ObjectMapper MAPPER = Json.mapper().copy()
      .registerModule(timeModule())
      .addMixIn(Step.class, StepMixin.class)
      .addMixIn(Detail.class, DetailMixin.class);

  private TraceJson() {}

  private static SimpleModule timeModule() {
    SimpleModule module = new SimpleModule("portcullis-trace");
    module.addSerializer(Instant.class, new ToStringSerializer<>());
    module.addDeserializer(Instant.class, new TextDeserializer<>(Instant::parse, "an ISO-8601 instant"));
    module.addSerializer(Duration.class, new ToStringSerializer<>());
    module.addDeserializer(Duration.class, new TextDeserializer<>(Duration::parse, "an ISO-8601 duration"));
    return module;
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Step.Acquire.class, name = "acquire"),
    @JsonSubTypes.Type(value = Step.Inspect.class, name = "inspect"),
    @JsonSubTypes.Type(value = Step.Predict.class, name = "predict"),
    @JsonSubTypes.Type(value = Step.Send.class, name = "send"),
    @JsonSubTypes.Type(value = Step.Ruling.class, name = "ruling"),
    @JsonSubTypes.Type(value = Step.Context.class, name = "context"),
    @JsonSubTypes.Type(value = Step.Verdict.class, name = "verdict")
  })
  abstract static class StepMixin {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Detail.Text.class, name = "text"),
    @JsonSubTypes.Type(value = Detail.Json.class, name = "json"),
    @JsonSubTypes.Type(value = Detail.Table.class, name = "table"),
    @JsonSubTypes.Type(value = Detail.Code.class, name = "code")
  })
  abstract static class DetailMixin {}

  private static final class ToStringSerializer<T> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class TextDeserializer<T> extends JsonDeserializer<T> {
    private final java.util.function.Function<String, T> parse;
    private final String what;

    TextDeserializer(java.util.function.Function<String, T> parse, String what) {
      this.parse = parse;
      this.what = what;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      try {
        return parse.apply(text);
      } catch (DateTimeParseException | NullPointerException e) {
        return ctxt.reportInputMismatch(Object.class, "'%s' is not %s", text, what);
      }
    }
  }
}
