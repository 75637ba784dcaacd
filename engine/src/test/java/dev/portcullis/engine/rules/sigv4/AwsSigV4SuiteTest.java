package dev.portcullis.engine.rules.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.portcullis.engine.rules.sigv4.SigV4Verification.Rejected;
import dev.portcullis.engine.rules.sigv4.SigV4Verification.Verified;
import java.io.IOException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the AWS SigV4 test suite, verified as execute-api would verify it (spec §5). The
 * suite signs for service "service"; the verifier is told to expect that, so only the
 * canonicalisation and the crypto are under test here.
 */
class AwsSigV4SuiteTest {

  /** A path with "." or ".." segments or "//": execute-api normalises it, so an unnormalised signature differs. */
  private static final Pattern NEEDS_NORMALISING = Pattern.compile("(^|/)\\.\\.?(/|$)|//");

  static Stream<SuiteCase> cases() throws IOException {
    return SuiteCase.all();
  }

  static Stream<SuiteCase> unnormalizedCases() throws IOException {
    return SuiteCase.all().filter(c -> !c.normalize() && NEEDS_NORMALISING.matcher(path(c)).find());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("spec §5: Authorization-header signature of every suite case verifies, with AWS's canonical request")
  void verifiesHeaderSignedCase(SuiteCase suiteCase) {
    skipIfSuiteSignsUnnormalisedPath(suiteCase);

    SigV4Verification result = verify(suiteCase, "header");

    assertVerifiedAsSuiteExpects(suiteCase, "header", result);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("spec §5, §10 q9: presigned (query-string) signature of every suite case verifies, with AWS's canonical request")
  void verifiesQuerySignedCase(SuiteCase suiteCase) {
    skipIfSuiteSignsUnnormalisedPath(suiteCase);
    if (suiteCase.tokenAddedAfterSigning()) {
      abort(suiteCase.name() + ": the suite appends X-Amz-Security-Token to the presigned URL after signing "
          + "(omit_session_token), for services that want it unsigned. A presigned request signs every query "
          + "parameter but X-Amz-Signature (IAM-SIGN), so a verifier cannot tell the token was left out; "
          + "execute-api is not such a service (spec §5: the token is part of the canonical string).");
    }
    SigV4Verification result = verify(suiteCase, "query");

    assertVerifiedAsSuiteExpects(suiteCase, "query", result);
    assertThat(((Verified) result).notes()).anyMatch(n -> n.contains("undocumented"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unnormalizedCases")
  @DisplayName("spec §5: a signature over an unnormalised path is refused, and the gateway shows the normalised canonical request")
  void refusesUnnormalisedSignatureAndShowsNormalisedTwin(SuiteCase suiteCase) {
    SuiteCase twin = SuiteCase.named(suiteCase.name().replace("-unnormalized", "-normalized"));

    SigV4Verification result = verify(suiteCase, "header");

    assertThat(result).isInstanceOfSatisfying(Rejected.class, rejected -> {
      assertThat(rejected.reason()).isEqualTo(RejectReason.SIGNATURE_MISMATCH);
      assertThat(rejected.recomputed()).get()
          .extracting(SigV4Verification.Recomputed::canonicalRequest)
          .isEqualTo(twin.file("header-canonical-request.txt"));
    });
  }

  private static void skipIfSuiteSignsUnnormalisedPath(SuiteCase suiteCase) {
    if (!suiteCase.normalize() && NEEDS_NORMALISING.matcher(path(suiteCase)).find()) {
      abort(suiteCase.name() + ": the suite signs the path '" + path(suiteCase) + "' without normalising it "
          + "(\"normalize\": false, S3 style); execute-api normalises (spec §5), so this signature must be refused. "
          + "refusesUnnormalisedSignatureAndShowsNormalisedTwin checks that instead.");
    }
  }

  private static SigV4Verification verify(SuiteCase suiteCase, String prefix) {
    return SigV4Verifier.create(suiteCase.keys())
        .verify(suiteCase.signedRequest(prefix), suiteCase.region(), suiteCase.service());
  }

  private static void assertVerifiedAsSuiteExpects(SuiteCase suiteCase, String prefix, SigV4Verification result) {
    assertThat(result).as("%s (%s)", suiteCase.name(), result).isInstanceOfSatisfying(Verified.class, verified -> {
      assertThat(verified.canonicalRequest()).isEqualTo(suiteCase.file(prefix + "-canonical-request.txt"));
      assertThat(verified.stringToSign()).isEqualTo(suiteCase.file(prefix + "-string-to-sign.txt"));
      assertThat(verified.signature()).isEqualTo(suiteCase.file(prefix + "-signature.txt").strip());
      assertThat(verified.accessKeyId()).isEqualTo(suiteCase.accessKeyId());
      assertThat(verified.principal()).endsWith(suiteCase.name());
    });
  }

  private static String path(SuiteCase suiteCase) {
    return suiteCase.signedRequest("header").rawPath();
  }
}
