package dev.portcullis.engine.trace;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trace's answer in words, for the top of the trace view and the CLI: what was decided, by which
 * check, why, and the first thing to change; whether it met the expectation is a separate, smaller
 * line. A pure function of the trace, so every client words the same answer the same way.
 *
 * @param tone allowed, denied, or no answer at all
 * @param status the HTTP status, or 0 when nothing came back
 * @param decidedBy the deciding check's id ({@code cognito.scopes}, {@code integration}); null when unknown
 * @param answer "Denied 401 by the Cognito authoriser: …. Add …", one or two sentences
 * @param change the first thing to change, the answer's last sentence ("Add …"); empty when allowed
 * @param expectation "Met the expectation: …" or "Expectation not met: …"; empty when the request has none
 * @param met whether there was an expectation and it held (the only case a view shows a tick for)
 */
public record Headline(Tone tone, int status, String decidedBy, String answer, String change, String expectation, boolean met) {
  private static final Pattern MATCHED = Pattern.compile("matched (\\S+ \\S+)");
  private static final Pattern SCOPES = Pattern.compile("token scopes \\[([^]]*)] contain none of method scopes \\[([^]]*)]");
  private static final Pattern FUNCTION_RULE = Pattern.compile("\\[function output: ([^]]+)]");
  private static final Pattern DENY = Pattern.compile("(statement #\\d+ in [^:]+): Deny\\b");
  private static final Pattern SPEC = Pattern.compile("\\s*\\((?:[^()]*?\\b(?:spec|apigw-facts|import-facts) §[^()]*)\\)");
  private static final Pattern MISSING = Pattern.compile("(?:method\\.request|\\$request)\\.header\\.(\\S+) is missing or empty");
  private static final Pattern EXPIRED = Pattern.compile("exp (\\S+) is not after now (\\S+)");
  private static final Pattern CACHED = Pattern.compile("cached (\\d+ s) ago by the call to (\\S+) and expires in (\\d+ s)");
  private static final Pattern EXPLICIT = Pattern.compile("explicit deny by (statement [^;]+?) wins");
  private static final Pattern INVOKER = Pattern.compile("^may (\\S+) invoke");
  private static final Pattern OWN_FIX = Pattern.compile("(.+?) Fix: (.+)", Pattern.DOTALL);
  private static final int LONGEST = 260;
  private static final Pattern SPEC_TAIL = Pattern.compile(";?\\s*body and x-amzn-ErrorType are observed only");

  /** What kind of answer it was: the colour a view gives the headline. */
  public enum Tone { ALLOWED, DENIED, NO_ANSWER }

  public Headline {
    Objects.requireNonNull(tone, "headline tone");
    Objects.requireNonNull(answer, "headline answer");
    change = change == null ? "" : change;
    expectation = expectation == null ? "" : expectation;
    if (!answer.endsWith(change)) {
      throw new IllegalArgumentException("a headline's change is the end of its answer");
    }
  }

  /** The answer without the change: what was decided and why. */
  public String decision() {
    return answer.substring(0, answer.length() - change.length()).strip();
  }

  /** The headline of {@code trace}. */
  public static Headline of(Trace trace) {
    Verdict verdict = trace.verdict();
    String expectation = expectation(verdict);
    boolean met = verdict.result() == Verdict.Result.MATCHED;
    if (verdict.actual() == null) {
      String why = verdict.sentence().replaceFirst("^No answer to judge: ", "");
      String fix = fix(trace).orElse("");
      return new Headline(Tone.NO_ANSWER, 0, null, "No answer: " + why + "." + (fix.isEmpty() ? "" : " " + fix), fix, expectation, false);
    }
    int status = verdict.actual().status();
    List<Detail.Row> checks = checks(trace);
    String route = checks.stream().filter(r -> r.key().equals("route") && r.value().equals("passed"))
        .map(r -> MATCHED.matcher(r.note())).filter(Matcher::find).map(m -> m.group(1)).findFirst()
        .orElse(trace.request().method() + " " + path(trace.request().url()));
    if (verdict.allowed()) {
      String how = checks.isEmpty() ? "" : ": " + checks.size() + (checks.size() == 1 ? " check" : " checks") + " passed and the integration answered";
      return new Headline(Tone.ALLOWED, status, verdict.decidedBy(),
          "Allowed " + status + " on " + route + " as " + trace.request().caller() + how + ".", "", expectation, met);
    }
    Optional<Detail.Row> deciding = checks.stream().filter(r -> r.value().equals("FAILED")).findFirst();
    if (deciding.isEmpty()) {
      return remote(trace, status, expectation, met);
    }
    String id = deciding.get().key();
    Matcher ownFix = OWN_FIX.matcher(plain(deciding.get().note()));
    if (ownFix.matches()) {
      // evidence that names its own fix (a function not started for want of a secret): the fix is that, not the check's usual one
      return new Headline(Tone.DENIED, status, id, "Denied " + status + " by " + Remedies.who(id) + ": " + ownFix.group(1) + " "
          + ownFix.group(2), ownFix.group(2), expectation, met);
    }
    String why = why(id, plain(deciding.get().note()), trace.request().caller(), route, checks);
    String fix = why.contains("is an explicit Deny") && id.equals("iam.policy")
        ? "An explicit Deny wins over every Allow: narrow that statement, or send as a principal it exempts." : Remedies.fix(id);
    return new Headline(Tone.DENIED, status, id, "Denied " + status + " by " + Remedies.who(id) + ": " + why + " " + fix, fix, expectation, met);
  }

  /** Evidence as a user reads it: without pointers into documents that do not ship with Portcullis. */
  public static String plain(String evidence) {
    String text = SPEC.matcher(evidence == null ? "" : evidence).replaceAll("");
    return SPEC_TAIL.matcher(text).replaceAll("").strip();
  }

  /** The explicit Deny statement named in a check's evidence ("statement #0 in identity policy 'x'"), if any. */
  public static Optional<String> explicitDeny(String evidence) {
    Matcher m = DENY.matcher(evidence == null ? "" : evidence);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The checks the gateway made, in order, as the ruling step's table holds them (key the check id,
   * value {@code passed} or {@code FAILED}, note the evidence); empty for real AWS, which says nothing.
   */
  public static List<Detail.Row> checks(Trace trace) {
    return trace.step(Step.Kind.RULING).stream().flatMap(s -> s.details().stream())
        .filter(d -> d instanceof Detail.Table t && !t.rows().isEmpty()
            && t.rows().stream().allMatch(r -> r.value().equals("passed") || r.value().equals("FAILED")))
        .map(d -> ((Detail.Table) d).rows()).findFirst().orElse(List.of());
  }

  private static String why(String id, String evidence, String caller, String route, List<Detail.Row> checks) {
    Matcher scopes = SCOPES.matcher(evidence);
    if (id.equals("cognito.scopes") && scopes.find()) {
      String has = scopes.group(1).isBlank() ? "no scopes" : "scopes [" + scopes.group(1) + "]";
      return caller + "'s access token carries " + has + "; " + route + " requires " + scopes.group(2).replace(", ", " or ") + ".";
    }
    Matcher missing = MISSING.matcher(evidence);
    if (id.endsWith(".identitySource") && missing.find()) {
      return caller + " sends no " + missing.group(1) + " header, so the authoriser is not even asked.";
    }
    Matcher expired = EXPIRED.matcher(evidence);
    if (id.endsWith(".expiry") && expired.find()) {
      try {
        java.time.Instant exp = java.time.Instant.parse(expired.group(1));
        java.time.Instant now = java.time.Instant.parse(expired.group(2));
        long minutes = java.time.Duration.between(exp, now).toMinutes();
        return caller + "'s token expired at " + exp + " (" + (minutes < 1 ? "less than a minute" : minutes + " min") + " before the gateway read it).";
      } catch (java.time.format.DateTimeParseException e) {
        return sentence(shortened(evidence));
      }
    }
    Matcher cached = CACHED.matcher(evidence);
    if (id.equals("lambda.cache") && cached.find()) {
      return "the function was not asked; the policy it returned " + cached.group(1) + " ago for " + methodOf(cached.group(2))
          + " was reused for " + route + " and does not allow it (it expires in " + cached.group(3) + ").";
    }
    if (id.equals("iam.policy")) {
      Matcher who = INVOKER.matcher(evidence);
      String principal = who.find() ? caller + " (" + who.group(1) + ")" : caller;
      Matcher explicit = EXPLICIT.matcher(evidence);
      return principal + " may not invoke " + route + ": " + (explicit.find() ? explicit.group(1) + " is an explicit Deny."
          : "no statement in its identity policy or the API's resource policy allows it.");
    }
    if (id.equals("lambda.policy")) {
      String rule = checks.stream().filter(r -> r.key().equals("lambda.function")).map(r -> FUNCTION_RULE.matcher(r.note()))
          .filter(Matcher::find).map(m -> " (the function's " + m.group(1) + ")").findFirst().orElse("");
      String deny = explicitDeny(evidence).map(s -> "; " + s + " is an explicit Deny").orElse("; no statement allows it");
      return "the policy it returned for " + caller + rule + " does not allow " + route + deny + ".";
    }
    return sentence(shortened(evidence));
  }

  /** Long evidence cut at a clause boundary: the ruling below carries all of it. */
  private static String shortened(String evidence) {
    if (evidence.length() <= LONGEST) {
      return evidence;
    }
    int cut = evidence.lastIndexOf("; ", LONGEST);
    return (cut > 80 ? evidence.substring(0, cut) : evidence.substring(0, LONGEST)) + " …";
  }

  /** {@code METHOD /path} of an execute-api ARN ({@code arn:…:api/stage/POST/partners/x}). */
  private static String methodOf(String arn) {
    String[] parts = arn.split("/", 4);
    return parts.length == 4 ? parts[2] + " /" + parts[3] : arn;
  }

  private static Headline remote(Trace trace, int status, String expectation, boolean met) {
    Optional<Explanation> e = trace.step(Step.Kind.RULING).filter(s -> s instanceof Step.Ruling).map(s -> ((Step.Ruling) s).explanation())
        .filter(Objects::nonNull);
    String why = e.map(x -> sentence(plain(x.summary()))).orElse("the gateway gave no reason.");
    String change = e.flatMap(x -> x.causes().stream().findFirst()).map(c -> "Most likely " + lower(c.cause()) + ": " + c.change())
        .map(Headline::sentence).orElse("");
    return new Headline(Tone.DENIED, status, trace.verdict().decidedBy(),
        "Denied " + status + " by API Gateway: " + why + (change.isEmpty() ? "" : " " + change), change, expectation, met);
  }

  private static String expectation(Verdict verdict) {
    return switch (verdict.result()) {
      case NO_EXPECTATION -> "";
      case MATCHED -> "Met the expectation" + expected(verdict) + ".";
      case MISMATCHED -> "Expectation not met: " + verdict.sentence().replaceFirst("^Expected ", "expected ");
      case INCOMPLETE -> verdict.expected() == null ? "" : "Expectation not judged: nothing came back.";
    };
  }

  private static String expected(Verdict verdict) {
    var e = verdict.expected();
    StringBuilder text = new StringBuilder();
    if (e.status() != null) {
      text.append(e.status());
    }
    if (e.errorType() != null) {
      text.append(text.isEmpty() ? "" : " ").append(e.errorType());
    }
    if (e.decidedBy() != null) {
      text.append(text.isEmpty() ? "" : ", ").append("decided by ").append(e.decidedBy());
    }
    return text.isEmpty() ? "" : " (" + text + ")";
  }

  /** The first "fix" a failed step carries (acquisition, sending). */
  private static Optional<String> fix(Trace trace) {
    return trace.steps().stream().filter(s -> s.outcome() == Outcome.FAIL).flatMap(s -> s.details().stream())
        .filter(d -> d instanceof Detail.Text t && t.label().equals("fix")).map(d -> sentence(((Detail.Text) d).text())).findFirst();
  }

  private static String path(String url) {
    try {
      return java.net.URI.create(url).getRawPath();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static String sentence(String text) {
    String t = text.strip();
    return t.isEmpty() || t.endsWith(".") || t.endsWith("?") ? t : t + ".";
  }

  private static String lower(String text) {
    return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
