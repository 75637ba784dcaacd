package dev.portcullis.engine.trace.export;

import dev.portcullis.engine.http.Timings;
import dev.portcullis.engine.trace.Cause;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Disagreement;
import dev.portcullis.engine.trace.Evidence;
import dev.portcullis.engine.trace.Exchange;
import dev.portcullis.engine.trace.Explanation;
import dev.portcullis.engine.trace.Header;
import dev.portcullis.engine.trace.Prediction;
import dev.portcullis.engine.trace.SigV4Details;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.TokenInspection;
import dev.portcullis.engine.trace.Verdict;
import java.util.ArrayList;
import java.util.List;

/** The Markdown for each step kind's typed payload. */
final class StepMarkdown {
  private StepMarkdown() {}

  static void inspect(MarkdownWriter md, Step.Inspect step) {
    TokenInspection token = step.token();
    if (token != null) {
      md.table("Token", List.of(Detail.Row.of("Token", token.token()), Detail.Row.of("Verdict", token.summary()),
          Detail.Row.of("Signature", token.signatureCheck() + (token.signatureNote().isEmpty() ? "" : ": " + token.signatureNote())),
          Detail.Row.of("Fix", token.fix())));
      md.json("Header", token.headerJson());
      List<Detail.Row> claims = new ArrayList<>();
      for (TokenInspection.Claim claim : token.claims()) {
        String note = claim.time().isEmpty() ? claim.meaning() : claim.time() + ". " + claim.meaning();
        claims.add(new Detail.Row(claim.name(), claim.value(), note));
      }
      md.table("Claims", claims);
    }
    SigV4Details sigv4 = step.sigv4();
    if (sigv4 != null) {
      md.code("Canonical request", "text", sigv4.canonicalRequest());
      md.code("String to sign", "text", sigv4.stringToSign());
      md.table("Signature", List.of(Detail.Row.of("Signed headers", String.join(";", sigv4.signedHeaders())),
          Detail.Row.of("Credential scope", sigv4.credentialScope()), Detail.Row.of("Signature", sigv4.signature())));
    }
  }

  static void predict(MarkdownWriter md, Step.Predict step) {
    Prediction p = step.prediction();
    if (p != null) {
      md.table("Prediction", List.of(Detail.Row.of("Status", Integer.toString(p.status())),
          Detail.Row.of("Decided by", p.decidedBy()), Detail.Row.of("Gateway response", p.responseType())));
    }
  }

  static void send(MarkdownWriter md, Step.Send step) {
    Exchange exchange = step.exchange();
    if (exchange == null) {
      return;
    }
    Exchange.SentRequest request = exchange.request();
    md.heading("Request: " + request.method() + " " + request.url());
    md.table("Request headers", rows(request.headers()));
    md.json("Request body", request.body());
    Exchange.ReceivedResponse response = exchange.response();
    if (response != null) {
      md.heading("Response: " + response.status() + ", " + response.size() + " bytes");
      md.table("Response headers", rows(response.headers()));
      md.code("Response body", "json", MarkdownWriter.pretty(response.body()));
    }
    Timings t = exchange.timings();
    md.table("Timings", List.of(Detail.Row.of("DNS", MarkdownWriter.millis(t.dns())),
        Detail.Row.of("Connect", MarkdownWriter.millis(t.connect())), Detail.Row.of("TLS", MarkdownWriter.millis(t.tls())),
        Detail.Row.of("First byte", MarkdownWriter.millis(t.firstByte())), Detail.Row.of("Total", MarkdownWriter.millis(t.total()))));
  }

  static void ruling(MarkdownWriter md, Step.Ruling step) {
    Explanation e = step.explanation();
    if (e == null) {
      return;
    }
    md.table("Explanation", List.of(Detail.Row.of("Gateway response", e.responseType()),
        Detail.Row.of("Spec row", e.specRow()), Detail.Row.of("Evidence", e.evidence() == null ? "" : e.evidence().name()),
        Detail.Row.of("Note", e.note())));
    if (e.answer() != null && !e.answer().rows().isEmpty()) {
      md.table("What the answer says", e.answer().rows());
      if (!e.answer().lookUp().isEmpty()) {
        md.line(MarkdownWriter.inline(e.answer().lookUp()));
        md.line("");
      }
    }
    md.heading("Likely causes");
    int n = 1;
    for (Cause cause : e.causes()) {
      md.line(n++ + ". " + MarkdownWriter.inline(cause.cause()) + " **Change:** " + MarkdownWriter.inline(cause.change()));
    }
    md.line("");
    Disagreement d = e.disagreement();
    if (d != null) {
      md.heading("Prediction and answer disagree");
      md.line(MarkdownWriter.inline(d.sentence()));
      md.line("");
      d.reasons().forEach(r -> md.line("- **" + r.kind() + "**: " + MarkdownWriter.inline(r.explanation())
          + " **Change:** " + MarkdownWriter.inline(r.change())));
      md.line("");
    }
  }

  static void verdict(MarkdownWriter md, Step.Verdict step) {
    Verdict v = step.verdict();
    md.table("Verdict", List.of(Detail.Row.of("Result", v.result().name()),
        Detail.Row.of("Allowed", v.allowed() ? "yes" : "no"), Detail.Row.of("Decided by", v.decidedBy())));
  }

  private static List<Detail.Row> rows(List<Header> headers) {
    return headers.stream().map(h -> Detail.Row.of(h.name(), h.value())).toList();
  }
}
