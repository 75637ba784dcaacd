package dev.portcullis.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The event's JSON as the integration receives it: exactly what the mapper itself writes for the same maps. */
class EventJsonTest {
  /** The mapper as it wrote events before they were walked by hand. */
  private static final ObjectWriter MAPPER = Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.ALWAYS)
      .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writer();

  @Test
  void writesEveryKindOfValueAsTheMapperDoes() throws Exception {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "1.0");
    event.put("stageVariables", null);
    event.put("isBase64Encoded", false);
    event.put("timeEpoch", 1796175470771L);
    event.put("status", 200);
    event.put("ratio", 0.1 + 0.2);
    event.put("float", 1.5f);
    event.put("decimal", new BigDecimal("12345678901234567890.000001"));
    event.put("big", new BigInteger("123456789012345678901234567890"));
    event.put("text", "caf\u00e9 \u20ac \ud83d\ude80 \"quoted\" \\ back\nslash\t\u0001 </script>");
    event.put("bytes", "raw".getBytes(StandardCharsets.UTF_8));
    event.put("array", new String[] {"a", null});
    event.put("set", new java.util.LinkedHashSet<>(List.of("x", "y")));
    Map<Object, Object> numbered = new LinkedHashMap<>();
    numbered.put(1, "one");
    numbered.put("two", List.of(Map.of("deep", List.of()), new ArrayList<>(Arrays.asList(null, true))));
    event.put("numberKeys", numbered);
    event.put("sorted", new TreeMap<>(Map.of("b", 2, "a", 1)));
    event.put("empty", Map.of());
    assertThat(Integrations.json(event)).isEqualTo(MAPPER.writeValueAsString(event));
  }

  @Test
  void writesTheDemosEchoEventsAsTheMapperDoes() throws Exception {
    Workspace demo = DemoWorkspace.load();
    Pipeline pipeline = Pipeline.builder(demo).build();
    int echoed = 0;
    for (var gateway : demo.gateways()) {
      for (var route : gateway.routes()) {
        String path = (gateway.flavor() == dev.portcullis.engine.model.Gateway.Flavor.REST ? "/" + gateway.stage() : "")
            + route.path().replaceAll("\\{[^}]+}", "x1");
        IncomingRequest request = new IncomingRequest(route.method().equals("ANY") ? "GET" : route.method(), path, "a=1&b=%20",
            HeaderList.of("Host", "x", "Content-Type", "application/json", "X-Multi", "1", "X-Multi", "2"),
            "{\"k\":\"v\"}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", Instant.parse("2026-12-02T01:00:00Z"));
        Ruling ruling = pipeline.decide(request, gateway);
        if (ruling.integrationEvent() != null) {
          echoed++;
          assertThat(ruling.integrationEventJson()).as(gateway.name() + " " + route.method() + " " + route.path())
              .isEqualTo(MAPPER.writeValueAsString(ruling.integrationEvent()));
        }
      }
    }
    assertThat(echoed).as("routes open to an unsigned request that reach the echo").isPositive();
  }
}
