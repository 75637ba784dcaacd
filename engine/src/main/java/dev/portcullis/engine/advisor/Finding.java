package dev.portcullis.engine.advisor;

import java.util.List;
import java.util.Objects;

/**
 * One thing the advisor found: which rule, how bad, what in the workspace shows it, and the change
 * that fixes it.
 *
 * @param subject what it is about (gateway, route, authoriser, access key)
 * @param affected routes it concerns beyond the subject (e.g. the routes a cached policy breaks)
 * @param evidence sentences quoting the workspace
 * @param location where the subject is written, when known
 */
public record Finding(
    Rule rule,
    Severity severity,
    Subject subject,
    String message,
    List<String> evidence,
    String fix,
    List<RouteRef> affected,
    SourceLocation location) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
    severity = severity == null ? rule.severity() : severity;
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    affected = affected == null ? List.of() : List.copyOf(affected);
  }

  Finding at(SourceLocation where) {
    return new Finding(rule, severity, subject, message, evidence, fix, affected, where);
  }

  /** A key that stays the same across runs while the subject does: rule, subject and the routes concerned. */
  public String fingerprint() {
    return rule.id() + ":" + subject.describe() + (affected.isEmpty() ? "" : ":" + affected.stream().map(RouteRef::toString).sorted().toList());
  }
}
