package dev.portcullis.engine.advisor;

import java.util.Locale;

/** Number formats the advisor's sentences share, so every report says a cost the same way. */
public final class Fmt {
  private Fmt() {}

  public static String usd(double amount) {
    return amount < 0.01 && amount > 0 ? String.format(Locale.ROOT, "$%.4f", amount) : String.format(Locale.ROOT, "$%,.2f", amount);
  }

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  public static String num(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%,.2f", value);
  }

  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.4f%%", share * 100);
  }
}
