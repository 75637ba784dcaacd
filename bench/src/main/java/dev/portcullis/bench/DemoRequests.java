package dev.portcullis.bench;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.idp.LocalIdentityProviders;
import dev.portcullis.engine.send.SigV4Signing;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The demo requests both benchmarks send, each one the demo allows: a bank token on the b2b JWT
 * route, refresh-job's SigV4 signature on the payments IAM route, bob's access token on the Cognito
 * route and acme's API key on the Lambda rules route. One place, so JMH and wrk measure the same
 * requests.
 */
final class DemoRequests {
  static final byte[] SETTLEMENT = "{\"settlementId\":\"s-0001\",\"amount\":125000,\"currency\":\"EUR\"}"
      .getBytes(StandardCharsets.UTF_8);
  static final byte[] REFRESH = "{\"scope\":\"partners\"}".getBytes(StandardCharsets.UTF_8);
  static final String ACME_KEY = "local-acme-3f9a1b7c5d2e4f60a1b2c3d4";
  private static final String REFRESH_JOB_KEY = "ASIALOCALREFRESHJOB1";
  private static final String REFRESH_JOB_SECRET = "localonly/refreshjob/0000000000000000000000";
  private static final String REFRESH_JOB_SESSION = "localonly-session/refresh-job/refresh-handler/0000000000000000";

  private DemoRequests() {}

  /** A bank token for the b2b route, as the bank-backoffice caller gets from client credentials. */
  static String bankToken(LocalIdentityProviders idps) {
    return idps.mint("bank", Map.of("client_id", "backoffice", "scope", "settlements:write", "actor", "bank-ops-emea"),
        "payments.example.com", Duration.ofHours(1), false);
  }

  /** bob's access token: the admins group grants profile.read, which GET /me requires. */
  static String bobAccessToken(LocalIdentityProviders idps) {
    return idps.mint("us-east-1_Local01", Map.of("token_use", "access", "client_id", "5mobileappclientlocal01",
        "username", "bob", "scope", "profile.read"), null, Duration.ofHours(1), false);
  }

  /**
   * POST {@code url} (ending in /internal/refresh) signed as refresh-job's role session with the SDK's
   * signer (X-Amz-Security-Token included), with the Host header the signature covers. Valid for 5 minutes from {@code clock}'s now.
   */
  static OutgoingRequest signedRefresh(URI url, Clock clock) {
    OutgoingRequest unsigned = new OutgoingRequest("POST", url, HeaderList.of("Content-Type", "application/json"), REFRESH);
    SigV4Signing.Signed signed = SigV4Signing.sign(unsigned,
        AwsSessionCredentials.create(REFRESH_JOB_KEY, REFRESH_JOB_SECRET, REFRESH_JOB_SESSION),
        "us-east-1", clock);
    OutgoingRequest out = signed.request();
    String host = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    return out.headers().has("host") ? out : new OutgoingRequest(out.method(), out.url(), out.headers().with("Host", host), out.body());
  }
}
