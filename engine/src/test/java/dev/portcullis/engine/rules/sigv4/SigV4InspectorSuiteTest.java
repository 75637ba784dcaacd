package dev.portcullis.engine.rules.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.send.SigV4Signing;
import java.io.IOException;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The trace's SigV4 inspector shows, for a request someone signed, the canonical request,
 * string-to-sign and signature: for every header-signing case of the AWS suite it must reproduce the
 * suite's own values (spec §5).
 */
class SigV4InspectorSuiteTest {
  static Stream<SuiteCase> cases() throws IOException {
    return SuiteCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("spec §5: the inspector reproduces the suite's canonical request, string-to-sign and signature")
  void inspectorReproducesTheSuite(SuiteCase suiteCase) {
    assumeTrue(suiteCase.normalize() || !suiteCase.name().contains("unnormalized"),
        suiteCase.name() + " signs an unnormalised path (S3 style); execute-api normalises, see AwsSigV4SuiteTest");
    IncomingRequest signed = suiteCase.signedRequest("header");
    String host = signed.headers().first("host").orElseThrow();
    String wire = signed.rawPath() + (signed.rawQuery() == null ? "" : "?" + signed.rawQuery());
    assumeTrue(wire.chars().allMatch(ch -> ch > 32 && ch < 127), suiteCase.name() + "'s request line carries a raw space or "
        + "UTF-8 character, which no HTTP client puts on the wire (it would send %-escapes, which execute-api encodes again); "
        + "AwsSigV4SuiteTest verifies it as a raw request line");
    URI url = URI.create("https://" + host + wire);
    OutgoingRequest out = new OutgoingRequest(signed.method(), url, signed.headers(), signed.body());

    SigV4Signing.Signed shown = SigV4Signing.inspect(out, credentials(suiteCase), suiteCase.region(), suiteCase.service(),
        suiteCase.timestamp());

    assertThat(shown.canonicalRequest()).isEqualTo(suiteCase.file("header-canonical-request.txt"));
    assertThat(shown.stringToSign()).isEqualTo(suiteCase.file("header-string-to-sign.txt"));
    assertThat(shown.signature()).isEqualTo(suiteCase.file("header-signature.txt").strip());
  }

  private static AwsCredentialsIdentity credentials(SuiteCase c) {
    var json = c.context().path("credentials");
    String id = json.path("access_key_id").asText();
    String secret = json.path("secret_access_key").asText();
    return json.hasNonNull("token") ? AwsSessionCredentialsIdentity.create(id, secret, json.get("token").asText())
        : AwsCredentialsIdentity.create(id, secret);
  }
}
