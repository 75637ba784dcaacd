package dev.portcullis.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  @Test
  void defaultIdsAreDistinctVersionFourUuidsAsRestAnswersThem() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      String id = RequestIds.random();
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      seen.add(id);
    }
    assertThat(seen).hasSize(20_000);
  }

  /** spec §1.3: HTTP APIs answer apigw-requestid in the short form, e.g. Mc7UVioPPHcEKPA=. */
  @Test
  void theShortFormIsFifteenUrlSafeCharactersAndOneEqualsSignTheSameForTheSameSeed() {
    String seed = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
    String once = RequestIds.forAnswer(Gateway.Flavor.HTTP, seed);
    assertThat(once).matches("[A-Za-z0-9_-]{15}=").isEqualTo(RequestIds.forAnswer(Gateway.Flavor.HTTP, seed));
    assertThat(RequestIds.forAnswer(Gateway.Flavor.HTTP, seed + "x")).isNotEqualTo(once);
    assertThat(RequestIds.forAnswer(Gateway.Flavor.REST, seed)).isEqualTo(seed);
    assertThat(RequestIds.apigwId(seed)).matches("[A-Za-z0-9+/]{15}=");
  }
}
