package dev.portcullis.engine.run;

import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.identity.Credential;
import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.jwt.CognitoIssuers;
import dev.portcullis.engine.send.SigV4Signing;
import dev.portcullis.engine.store.Variables;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.SigV4Details;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.TokenInspection;
import dev.portcullis.engine.trace.TraceBuilder;
import dev.portcullis.engine.trace.token.TokenInspector;
import dev.portcullis.engine.trace.token.TokenLab;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Puts the credential on the request and shows what it is: a decoded token, or what SigV4 signed. */
final class Inspection {
  private final TokenLab lab;
  private final Clock clock;
  private final TokenInspector inspector;
  private final Set<String> knownIssuers;

  Inspection(Clock clock, Target target, Workspace workspace) {
    this.lab = TokenLab.create(clock);
    this.clock = clock;
    this.inspector = TokenInspector.create(clock);
    this.knownIssuers = issuers(workspace, Variables.of(workspace, null, null, target.runtimeVariables()));
  }

  /** Only issuers the workspace trusts are fetched from: a token's own iss must not send us anywhere. */
  private static Set<String> issuers(Workspace ws, Variables variables) {
    return ws.gateways().stream().flatMap(g -> g.authorizers().stream()).flatMap(a -> switch (a) {
      case Authorizer.Jwt j -> java.util.stream.Stream.of(j.issuer());
      case Authorizer.Cognito c -> CognitoIssuers.of(c).stream();
      case Authorizer.Lambda l -> java.util.stream.Stream.<String>empty();
    }).map(i -> {
      try {
        return variables.apply(i, "issuer");
      } catch (IllegalArgumentException e) {
        return i;
      }
    }).collect(Collectors.toUnmodifiableSet());
  }

  /** @param apiRegion the called API's region, which SigV4 signs for unless the caller names another */
  OutgoingRequest applyAndInspect(TraceBuilder trace, Credential credential, OutgoingRequest request, Integer skewSeconds,
      String apiRegion) {
    TraceBuilder.Timer timer = trace.timer();
    return switch (credential) {
      case Credential.Bearer b -> {
        TokenInspection t = inspectToken(b.token());
        trace.add(new Step.Inspect(t.outcome(), t.summary(), tokenDetails(t), timer.elapsed(), t, null));
        yield request.withHeader(b.header(), b.prefix() + b.token());
      }
      case Credential.Aws aws -> sign(trace, timer, aws, aws.region() != null ? aws.region() : apiRegion, request, skewSeconds);
      case Credential.ApiKey k -> {
        OutgoingRequest out = request.withHeader("x-api-key", k.value());
        List<Detail.Row> rows = new ArrayList<>(List.of(new Detail.Row("x-api-key", Masking.mask(k.value()), "the partner's key")));
        for (var h : k.headers().entrySet()) {
          out = out.withHeader(h.getKey(), h.getValue());
          rows.add(Detail.Row.of(h.getKey(), Masking.isSecretName(h.getKey()) ? Masking.mask(h.getValue()) : h.getValue()));
        }
        trace.add(new Step.Inspect(Outcome.OK, "API key " + Masking.mask(k.value()) + " in x-api-key"
            + (k.headers().isEmpty() ? "" : ", plus " + String.join(", ", k.headers().keySet())),
            List.of(new Detail.Table("headers added", rows)), timer.elapsed(), null, null));
        yield out;
      }
      case Credential.None n -> {
        trace.add(new Step.Inspect(Outcome.SKIPPED, "No credential: the request goes out anonymous", List.of(), timer.elapsed(), null, null));
        yield request;
      }
    };
  }

  private OutgoingRequest sign(TraceBuilder trace, TraceBuilder.Timer timer, Credential.Aws aws, String region,
      OutgoingRequest request, Integer skew) {
    Clock signingClock = skew == null || skew == 0 ? clock : Clock.offset(clock, Duration.ofSeconds(skew));
    SigV4Signing.Signed s = SigV4Signing.sign(request, aws.identity(), region, signingClock);
    List<Detail> details = new ArrayList<>();
    details.add(new Detail.Code("canonical request", "text", s.canonicalRequest()));
    details.add(new Detail.Code("string to sign", "text", s.stringToSign()));
    details.add(new Detail.Table("signature", List.of(Detail.Row.of("credential scope", s.credentialScope()),
        Detail.Row.of("signed headers", String.join(";", s.signedHeaders())), Detail.Row.of("signed at", s.signedAt().toString()),
        new Detail.Row("session token", s.sessionToken() ? "yes (x-amz-security-token)" : "no", null),
        new Detail.Row("credentials from", aws.source(), null))));
    Outcome outcome = Outcome.OK;
    String summary = "Signed with SigV4 (AWS SDK signer) as " + s.accessKeyId() + ", scope " + s.credentialScope();
    if (skew != null && skew != 0) {
      outcome = Outcome.WARN;
      summary = "Signed with a clock " + skew + " s off, as the saved request asks; scope " + s.credentialScope();
    }
    trace.add(new Step.Inspect(outcome, summary, details, timer.elapsed(), null,
        new SigV4Details(s.canonicalRequest(), s.stringToSign(), s.signedHeaders(), s.credentialScope(), s.signature())));
    return s.request();
  }

  /**
   * The token explained, and for an issuer the workspace trusts, the rule book's JWT authoriser's
   * verdict on it (the token lab's keys and cache, one lab per session). The audience is the
   * route's business, so it is not compared here.
   */
  private TokenInspection inspectToken(String token) {
    TokenInspection plain = inspector.inspect(token);
    Optional<String> issuer = plain.claims().stream().filter(c -> c.name().equals("iss")).map(TokenInspection.Claim::value)
        .findFirst().filter(knownIssuers::contains);
    return issuer.map(i -> inspector.inspect(token, lab.reportWithIssuer(token, i, null))).orElse(plain);
  }

  private static List<Detail> tokenDetails(TokenInspection t) {
    List<Detail> details = new ArrayList<>();
    if (!t.fix().isEmpty()) {
      details.add(new Detail.Text("fix", t.fix()));
    }
    details.add(new Detail.Table("claims", t.claims().stream()
        .map(c -> new Detail.Row(c.name(), c.value() + (c.time().isEmpty() ? "" : " (" + c.time() + ")"), c.meaning())).toList()));
    if (!t.headerJson().isEmpty()) {
      details.add(new Detail.Json("header", t.headerJson()));
    }
    details.add(new Detail.Text("signature", t.signatureCheck() + (t.signatureNote().isEmpty() ? "" : ": " + t.signatureNote())));
    return details;
  }
}
