package dev.portcullis.engine.advisor.report;

import dev.portcullis.engine.advisor.Advice;
import dev.portcullis.engine.advisor.CallerFit;
import dev.portcullis.engine.advisor.Finding;
import dev.portcullis.engine.advisor.Fmt;
import dev.portcullis.engine.advisor.PriceTable;
import dev.portcullis.engine.advisor.RouteCost;
import dev.portcullis.engine.advisor.RouteFilters;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The advice as text, Markdown, JSON or SARIF 2.1.0. The advice holds no secrets (the advisor reads
 * configuration, never credential values), so nothing here needs masking.
 */
public final class AdviceReport {
  private AdviceReport() {}

  /** The output formats of {@code portcullis advise}. */
  public enum Format { TEXT, MD, JSON, SARIF }

  /**
   * @param artifactUri how SARIF names the workspace file when a finding has no source location
   */
  public static String render(Format format, Advice advice, String artifactUri) {
    Objects.requireNonNull(advice, "advice");
    return switch (format) {
      case TEXT -> text(advice);
      case MD -> markdown(advice);
      case JSON -> AdviceJson.render(advice);
      case SARIF -> Sarif.render(advice, artifactUri);
    };
  }

  static String text(Advice a) {
    StringBuilder out = new StringBuilder();
    out.append("Advice for workspace ").append(a.workspace()).append(": ").append(a.summary()).append("; ")
        .append(a.routes().size()).append(" routes, ").append(a.callers().size()).append(" callers, ")
        .append(Fmt.usd(a.monthlyUsd())).append(" a month at the assumed traffic\n");
    out.append("\nFindings\n");
    if (a.findings().isEmpty()) {
      out.append("  none\n");
    }
    for (Finding f : a.findings()) {
      out.append(String.format(Locale.ROOT, "  %-8s %s %s  %s%n", f.severity(), f.rule().id(), f.rule().slug(), f.subject().describe()));
      out.append("           ").append(f.message()).append('\n');
      f.evidence().forEach(e -> out.append("           evidence: ").append(e).append('\n'));
      out.append("           fix: ").append(f.fix()).append('\n');
      if (f.location() != null) {
        out.append("           at: ").append(f.location().file()).append(':').append(f.location().line()).append('\n');
      }
    }
    out.append("\nRoutes (the five filters)\n");
    for (RouteFilters r : a.routes()) {
      out.append("  ").append(r.route()).append("  [").append(r.flavor()).append("] ").append(r.mechanism()).append('\n');
      row(out, "identity source", r.identitySource().label() + ": " + r.identityDetail());
      row(out, "hot-path cost", hot(r));
      row(out, "coupling", r.coupling().label() + " (" + r.couplingDetail() + ")");
      row(out, "reaches integration", r.propagates().text());
      row(out, "availability", availability(r));
      row(out, "blast radius", r.blastRadius().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + r.blastRadius().lifetime()
          + "; revocation: " + r.blastRadius().revocation());
      row(out, "down when", r.outage().isEmpty() ? "only API Gateway itself is down" : String.join("; ", r.outage()) + " is down");
    }
    out.append("\nCallers (the fit of the design's table)\n");
    for (CallerFit c : a.callers()) {
      out.append("  ").append(c.caller()).append(" (").append(c.kind().label()).append(")\n");
      row(out, "fits on REST", c.fitRest());
      row(out, "fits on HTTP", c.fitHttp());
      row(out, "calls", c.routes().isEmpty() ? "no saved request meant to succeed" : c.routes().toString());
      c.departures().forEach(d -> row(out, "departs", d.route() + " (" + d.mechanism() + "): " + d.why()));
    }
    out.append("\n").append(costHeading(a)).append('\n');
    out.append(String.format(Locale.ROOT, "  %-48s %8s %14s %11s %14s %11s %9s %8s%n", "route", "rps", "requests/mo", "gateway",
        "authoriser/mo", "auth cost", "cache hit", "p99 +ms"));
    for (RouteCost c : a.costs()) {
      out.append(String.format(Locale.ROOT, "  %-48s %8s %14s %11s %14s %11s %9s %8d%n", c.route(), Fmt.num(c.inputs().rps()),
          Fmt.count(c.requestsPerMonth()), Fmt.usd(c.gatewayCostUsd()), Fmt.count(c.authoriserInvocationsPerMonth()),
          Fmt.usd(c.authoriserCostUsd()), hit(c), c.p99AddedMs()));
    }
    out.append("  Prices from:\n");
    a.prices().prices().forEach(p -> out.append("    ").append(p.name()).append(": ").append(p.price().source()).append('\n'));
    return out.toString();
  }

  static String markdown(Advice a) {
    StringBuilder out = new StringBuilder("# Advice for workspace ").append(a.workspace()).append("\n\n");
    out.append(a.summary()).append("; ").append(a.routes().size()).append(" routes, ").append(a.callers().size())
        .append(" callers, ").append(Fmt.usd(a.monthlyUsd())).append(" a month at the assumed traffic.\n\n## Findings\n\n");
    if (a.findings().isEmpty()) {
      out.append("None.\n");
    }
    for (Finding f : a.findings()) {
      out.append("### ").append(f.severity()).append(" · ").append(f.rule().id()).append(" ").append(f.rule().slug()).append(" · ")
          .append(md(f.subject().describe())).append("\n\n").append(md(f.message())).append("\n\n");
      f.evidence().forEach(e -> out.append("- ").append(md(e)).append('\n'));
      out.append("\n**Fix:** ").append(md(f.fix())).append("\n\n");
    }
    out.append("## Routes: the five filters\n\n");
    table(out, List.of("route", "identity source", "hot-path cost", "coupling", "reaches integration", "availability", "blast radius",
        "down when"), a.routes(), r -> List.of(r.route() + " (" + r.flavor() + ", " + r.mechanism() + ")",
        r.identitySource().label() + ": " + r.identityDetail(), hot(r), r.coupling().label(), r.propagates().text(), availability(r),
        r.blastRadius().kind().name().toLowerCase(Locale.ROOT) + ", " + r.blastRadius().lifetime() + "; " + r.blastRadius().revocation(),
        r.outage().isEmpty() ? "API Gateway only" : String.join("; ", r.outage())));
    out.append("\n## Callers\n\n");
    table(out, List.of("caller", "kind", "fits on REST", "fits on HTTP", "calls", "departures"), a.callers(),
        c -> List.of(c.caller(), c.kind().label(), c.fitRest(), c.fitHttp(), c.routes().toString(),
            c.departures().isEmpty() ? "none" : String.join("; ", c.departures().stream().map(d -> d.route() + ": " + d.why()).toList())));
    out.append("\n## ").append(costHeading(a)).append("\n\n");
    table(out, List.of("route", "rps", "requests/month", "gateway", "authoriser calls/month", "authoriser cost", "cache hit", "p99 added"),
        a.costs(), c -> List.of(c.route().toString(), Fmt.num(c.inputs().rps()), Fmt.count(c.requestsPerMonth()), Fmt.usd(c.gatewayCostUsd()),
            Fmt.count(c.authoriserInvocationsPerMonth()), Fmt.usd(c.authoriserCostUsd()), hit(c), c.p99AddedMs() + " ms"));
    out.append("\nPrices from:\n\n");
    a.prices().prices().forEach(p -> out.append("- ").append(p.name()).append(": <").append(p.price().source()).append(">\n"));
    return out.toString();
  }

  private static String costHeading(Advice a) {
    PriceTable p = a.prices();
    return "Cost and latency (prices of " + p.asOf() + ", " + p.region() + ", " + p.currency() + "; a 730-hour month)";
  }

  private static String hot(RouteFilters r) {
    RouteFilters.HotPath h = r.hotPath();
    return h.text() + (h.invokesLambda() ? "; cache key " + h.cacheKey() + ", TTL " + h.ttlSeconds() + " s" : "");
  }

  private static String availability(RouteFilters r) {
    return (r.mechanismAvailable() ? "available on " : "NOT available on ") + r.flavor() + " (it offers " + String.join(", ", r.availableOnFlavor()) + ")";
  }

  private static String hit(RouteCost c) {
    return c.authoriserInvocationsPerMonth() == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", c.cacheHitRate() * 100);
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "    %-20s %s%n", label, value));
  }

  private static <T> void table(StringBuilder out, List<String> header, List<T> rows, Function<T, List<String>> cells) {
    out.append("| ").append(String.join(" | ", header)).append(" |\n|").append("---|".repeat(header.size())).append('\n');
    for (T row : rows) {
      out.append("| ").append(String.join(" | ", cells.apply(row).stream().map(AdviceReport::md).toList())).append(" |\n");
    }
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
  }
}
