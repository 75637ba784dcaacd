package dev.portcullis.engine.advisor;

import dev.portcullis.engine.store.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The prices the cost model uses, dated and with the AWS pricing page each came from. The built-in
 * table is {@code prices.json} beside this class; a user replaces it with a file of the same shape
 * ({@link #load(Path)}) when prices change or their region differs.
 *
 * @param asOf the date the prices were read (ISO, e.g. {@code 2025-06-01})
 */
public record PriceTable(
    int schemaVersion,
    String asOf,
    String region,
    String currency,
    String note,
    Price restRequests,
    Price httpRequests,
    Price lambdaRequests,
    Price lambdaGbSeconds) {

  public static final int SCHEMA_VERSION = 1;
  private static final String RESOURCE = "/dev/portcullis/engine/advisor/prices.json";

  public PriceTable {
    if (schemaVersion != SCHEMA_VERSION) {
      throw new IllegalArgumentException("schemaVersion " + schemaVersion + " is not supported (this version reads " + SCHEMA_VERSION + ")");
    }
    require(asOf, "asOf (the date the prices were read)");
    if (!asOf.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new IllegalArgumentException("asOf '" + asOf + "' is not a date like 2025-06-01");
    }
    require(region, "region");
    require(currency, "currency");
    Objects.requireNonNull(restRequests, "the price table needs restRequests");
    Objects.requireNonNull(httpRequests, "the price table needs httpRequests");
    Objects.requireNonNull(lambdaRequests, "the price table needs lambdaRequests");
    Objects.requireNonNull(lambdaGbSeconds, "the price table needs lambdaGbSeconds");
  }

  private static void require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the price table needs " + what);
    }
  }

  /** Every price with its name, for listing the sources. */
  public List<Named> prices() {
    return List.of(new Named("API Gateway REST API requests", restRequests), new Named("API Gateway HTTP API requests", httpRequests),
        new Named("Lambda requests", lambdaRequests), new Named("Lambda duration", lambdaGbSeconds));
  }

  public record Named(String name, Price price) {}

  /**
   * One price, in tiers of its unit's quantity (million requests, or GB-seconds).
   *
   * @param source the AWS pricing page the numbers came from
   */
  public record Price(String unit, List<Tier> tiers, String source) {
    public Price {
      require(unit, "a unit for every price");
      tiers = tiers == null ? List.of() : List.copyOf(tiers);
      if (tiers.isEmpty()) {
        throw new IllegalArgumentException("the price per " + unit + " has no tiers");
      }
      for (int i = 0; i < tiers.size() - 1; i++) {
        Double upTo = tiers.get(i).upTo();
        Double next = tiers.get(i + 1).upTo();
        if (upTo == null || (next != null && next <= upTo)) {
          throw new IllegalArgumentException("the tiers of the price per " + unit + " must rise, and only the last may be open-ended");
        }
      }
      if (source == null || !source.startsWith("https://")) {
        throw new IllegalArgumentException("the price per " + unit + " needs the https:// address of the AWS page it came from");
      }
    }

    /** The cost of {@code quantity} units, each tier at its own price. */
    public double cost(double quantity) {
      double total = 0;
      double lower = 0;
      for (Tier t : tiers) {
        double upper = t.upTo() == null ? Double.POSITIVE_INFINITY : t.upTo();
        if (quantity <= lower) {
          break;
        }
        total += (Math.min(quantity, upper) - lower) * t.price();
        lower = upper;
      }
      return total;
    }
  }

  /** @param upTo the cumulative quantity this tier ends at; null for the last, open-ended tier */
  public record Tier(Double upTo, double price) {
    public Tier {
      if (!(price >= 0)) {
        throw new IllegalArgumentException("a price must be 0 or more, not " + price);
      }
    }
  }

  /** The table shipped with Portcullis. */
  public static PriceTable builtIn() {
    try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the built-in price table is missing from this build (" + RESOURCE + ")");
      }
      return parse("the built-in price table", in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("the built-in price table cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * A user's price table.
   *
   * @throws IllegalArgumentException with one sentence naming the file and what is wrong
   */
  public static PriceTable load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("Price table " + file + " cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").", e);
    }
    return parse("Price table " + file, bytes);
  }

  static PriceTable parse(String what, byte[] bytes) {
    try {
      return Json.mapper().readValue(bytes, PriceTable.class);
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      String message = cause instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() : cause.getMessage();
      throw new IllegalArgumentException(what + " is not valid: " + message + ".", e);
    }
  }
}
