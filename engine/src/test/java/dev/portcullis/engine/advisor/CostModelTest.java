package dev.portcullis.engine.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.portcullis.engine.advisor.RouteFilters.HotPath;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway.Flavor;
import dev.portcullis.engine.model.LambdaFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost and latency model against the design's worked numbers and the price table's arithmetic. */
class CostModelTest {
  private static final PriceTable PRICES = PriceTable.builtIn();
  private static final RouteRef PARTNER = new RouteRef("payments", "POST /partners/{id}/transactions");

  private static HotPath partnerGate(int ttl) {
    Authorizer.Lambda gate = new Authorizer.Lambda("partner-gate", Authorizer.LambdaType.REQUEST, List.of("method.request.header.x-api-key"),
        null, ttl, null, false, new LambdaFunction.Rules(List.of(), null));
    return FilterTable.hotPath(gate, Flavor.REST);
  }

  /** One partner (one key, so one distinct token per window) at 200 rps. */
  private static final CostInputs PARTNER_AT_200 = CostInputs.DEFAULTS.withRps(200).withDistinctTokens(1);

  @Test
  void aPartnerAt200RpsWithTtl300CostsOneAuthoriserCallPer60000Requests() {
    RouteCost cost = CostModel.cost(Flavor.REST, partnerGate(300), PARTNER_AT_200, PRICES, PARTNER);
    assertThat(cost.requestsPerInvocation()).isEqualTo(60_000);
    assertThat(cost.requestsPerMonth()).isEqualTo(200L * 730 * 3600);
    assertThat(cost.authoriserInvocationsPerMonth()).isEqualTo(730L * 3600 / 300); // 8,760: one per window
    assertThat(cost.cacheHitRate()).isCloseTo(1 - 1.0 / 60_000, within(1e-12));
    assertThat(cost.p99AddedMs()).isZero();
  }

  @Test
  void theSameRouteWithTtl0CostsOneCallPerRequest() {
    RouteCost cost = CostModel.cost(Flavor.REST, partnerGate(0), PARTNER_AT_200, PRICES, PARTNER);
    assertThat(cost.requestsPerInvocation()).isEqualTo(1);
    assertThat(cost.authoriserInvocationsPerMonth()).isEqualTo(cost.requestsPerMonth());
    assertThat(cost.cacheHitRate()).isZero();
    // 1% cold starts of 300 ms sit right at the 99th percentile, so p99 is a warm call
    assertThat(cost.p99AddedMs()).isEqualTo(20);
  }

  @Test
  void monthlyCostsFollowThePriceTable() {
    RouteCost cost = CostModel.cost(Flavor.REST, partnerGate(0), PARTNER_AT_200, PRICES, PARTNER);
    // 525.6 M REST requests: 333 M at $3.50 + 192.6 M at $2.80
    assertThat(cost.gatewayCostUsd()).isCloseTo(333 * 3.50 + 192.6 * 2.80, within(1e-6));
    // Lambda: $0.20 per million, plus (20 ms + 1% of 300 ms) at 128 MB per call
    double gbSeconds = 525_600_000 * 0.023 * 0.125;
    assertThat(cost.authoriserCostUsd()).isCloseTo(525.6 * 0.20 + gbSeconds * 0.0000166667, within(1e-6));
    RouteCost http = CostModel.cost(Flavor.HTTP, partnerGate(0), PARTNER_AT_200, PRICES, PARTNER);
    assertThat(http.gatewayCostUsd()).isCloseTo(300 * 1.00 + 225.6 * 0.90, within(1e-6));
  }

  @Test
  void manyDistinctTokensWearTheCacheDown() {
    RouteCost cost = CostModel.cost(Flavor.REST, partnerGate(300), PARTNER_AT_200.withDistinctTokens(6_000), PRICES, PARTNER);
    assertThat(cost.requestsPerInvocation()).isEqualTo(10);
    assertThat(cost.cacheHitRate()).isCloseTo(0.9, within(1e-9));
    // 10% of requests invoke and 1% of those are cold: 0.1% cold, so p99 is a warm call
    assertThat(cost.p99AddedMs()).isEqualTo(20);
    RouteCost coldAndBusy = CostModel.cost(Flavor.REST, partnerGate(0), PARTNER_AT_200.withColdStarts(0.05, 400), PRICES, PARTNER);
    assertThat(coldAndBusy.p99AddedMs()).isEqualTo(420);
  }

  @Test
  void nativeMechanismsInvokeNothing() {
    HotPath jwt = new HotPath(HotPath.Kind.NATIVE, List.of(), 0, false, "native");
    RouteCost cost = CostModel.cost(Flavor.HTTP, jwt, PARTNER_AT_200, PRICES, PARTNER);
    assertThat(cost.authoriserInvocationsPerMonth()).isZero();
    assertThat(cost.authoriserCostUsd()).isZero();
    assertThat(cost.p99AddedMs()).isZero();
  }

  @Test
  void theBuiltInPriceTableIsDatedAndNamesItsSources() {
    assertThat(PRICES.asOf()).isEqualTo("2025-06-01");
    assertThat(PRICES.prices()).extracting(p -> p.price().source())
        .containsExactly("https://aws.amazon.com/api-gateway/pricing/", "https://aws.amazon.com/api-gateway/pricing/",
            "https://aws.amazon.com/lambda/pricing/", "https://aws.amazon.com/lambda/pricing/");
    assertThat(PRICES.restRequests().tiers().get(0).price()).isEqualTo(3.50);
    assertThat(PRICES.httpRequests().tiers().get(0).price()).isEqualTo(1.00);
    assertThat(PRICES.lambdaRequests().tiers().get(0).price()).isEqualTo(0.20);
    assertThat(PRICES.lambdaGbSeconds().tiers().get(0).price()).isEqualTo(0.0000166667);
  }

  @Test
  void aUserPriceFileReplacesTheTable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.json");
    Files.writeString(file, """
        {"schemaVersion": 1, "asOf": "2026-01-15", "region": "eu-west-1", "currency": "USD",
         "restRequests": {"unit": "million requests", "tiers": [{"price": 4.0}], "source": "https://aws.amazon.com/api-gateway/pricing/"},
         "httpRequests": {"unit": "million requests", "tiers": [{"price": 1.2}], "source": "https://aws.amazon.com/api-gateway/pricing/"},
         "lambdaRequests": {"unit": "million requests", "tiers": [{"price": 0.2}], "source": "https://aws.amazon.com/lambda/pricing/"},
         "lambdaGbSeconds": {"unit": "GB-second", "tiers": [{"price": 0.0000166667}], "source": "https://aws.amazon.com/lambda/pricing/"}}
        """);
    PriceTable mine = PriceTable.load(file);
    RouteCost cost = CostModel.cost(Flavor.REST, partnerGate(300), PARTNER_AT_200, mine, PARTNER);
    assertThat(cost.gatewayCostUsd()).isCloseTo(525.6 * 4.0, within(1e-6));
  }

  @Test
  void aBrokenPriceFileIsOneSentenceNamingTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.json");
    Files.writeString(file, "{\"schemaVersion\": 1, \"asOf\": \"June\"}");
    assertThatThrownBy(() -> PriceTable.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Price table " + file + " is not valid: ").hasMessageContaining("asOf 'June' is not a date");
    Path unsourced = dir.resolve("unsourced.json");
    Files.writeString(unsourced, Files.readString(Path.of(PriceTable.class.getResource("/dev/portcullis/engine/advisor/prices.json").toURI()))
        .replace("\"https://aws.amazon.com/lambda/pricing/\"", "\"somewhere\""));
    assertThatThrownBy(() -> PriceTable.load(unsourced)).hasMessageContaining("needs the https:// address of the AWS page");
    assertThatThrownBy(() -> PriceTable.load(dir.resolve("missing.json"))).hasMessageContaining("cannot be read");
  }

  @Test
  void inputsOutsideWhatLambdaAllowsAreRefusedWithTheRange() {
    assertThatThrownBy(() -> CostInputs.DEFAULTS.withLambda(20, 64)).hasMessage("Lambda memory must be 128 MB to 10,240 MB, not 64");
    assertThatThrownBy(() -> CostInputs.DEFAULTS.withColdStarts(1.5, 100)).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> CostInputs.DEFAULTS.withRps(-1)).hasMessageContaining("0 or more");
  }
}
