package dev.portcullis.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The headline of every demo saved request, sent through real HTTP to the local gateway in the
 * workspace's order: each says what was decided, by which check in words, why (with the caller and
 * the evidence that matters) and what to change, and no headline points into a document that does
 * not ship (spec §N). The gateway's throttle and quota are spec/apigw-facts.md §6, the cached
 * policy §4.3, the resource policy §5.
 */
class HeadlineDemoTest {
  private static Workspace demo;
  private static Session session;
  private static final Map<String, Headline> HEADLINES = new LinkedHashMap<>();

  /** Request name → fragments its headline must hold, in order. */
  private static final Map<String, String[]> EXPECTED = Map.ofEntries(
      Map.entry("me as bob", new String[] {"Allowed 200 on GET /me as bob: 13 checks passed"}),
      Map.entry("me as alice: missing scope", new String[] {"Denied 401 by the Cognito authoriser: alice's access token carries scopes "
          + "[aws.cognito.signin.user.admin]; GET /me requires profile.read.", "Add the scope"}),
      Map.entry("me with an ID token", new String[] {"Denied 401 by the Cognito authoriser: token_use 'id'", "Send the access token"}),
      Map.entry("me without a token", new String[] {"Denied 401 by the Cognito authoriser: anonymous sends no Authorization header",
          "Send as a caller that signs in"}),
      Map.entry("transactions as acme", new String[] {"Allowed 200 on POST /partners/{id}/transactions as acme"}),
      Map.entry("transactions as globex: revoked key", new String[] {"Denied 403 by the Lambda authoriser's policy: the policy it returned for "
          + "globex (the function's rule #0 (globex's key was revoked", "statement #0 in identity policy 'returned policy' is an explicit Deny",
          "Change what the function returns"}),
      Map.entry("transactions without a key", new String[] {"Denied 401 by the Lambda authoriser: anonymous sends no x-api-key header"}),
      Map.entry("transactions: throttled burst", new String[] {"Denied 429 by the usage plan's throttle: plan 'partners'", "Send more slowly"}),
      Map.entry("transactions: trial quota", new String[] {"Denied 429 by the usage plan's quota: plan 'trial': quota of 5 per DAY used up",
          "Wait until the quota resets"}),
      Map.entry("transactions as initech (POST)", new String[] {"Allowed 200 on POST /partners/{id}/transactions as initech"}),
      Map.entry("transactions: cached-policy trap", new String[] {"Denied 403 by the Lambda authoriser's cached policy: the function was not "
          + "asked; the policy it returned", "for POST /partners/initech/transactions was reused for GET /partners/{id}/transactions",
          "reset local state"}),
      Map.entry("refresh as refresh-job", new String[] {"Allowed 200 on POST /internal/refresh as refresh-job"}),
      Map.entry("refresh as reporting: resource policy deny", new String[] {"Denied 403 by IAM authorisation: reporting "
          + "(arn:aws:sts::111122223333:assumed-role/reporting/reporting-task) may not invoke POST /internal/refresh: statement 'OnlyRefreshJobMayRefresh' (#1) "
          + "in the resource policy is an explicit Deny.", "narrow that statement"}),
      Map.entry("refresh with an expired session", new String[] {"Denied 403 by the SigV4 signature check: The security token "
          + "included in the request is expired", "Get fresh temporary credentials"}),
      Map.entry("refresh with clock skew", new String[] {"Denied 403 by the SigV4 signature check: Signature not yet current",
          "Set the caller's clock right"}),
      Map.entry("unknown route", new String[] {"Denied 403 by route matching: no method of payments matches GET /prod/nope",
          "Check the method and path"}),
      Map.entry("health (no auth)", new String[] {"Allowed 200 on GET /health as anonymous"}),
      Map.entry("settlements as the bank", new String[] {"Allowed 200 on POST /b2b/settlements as bank-backoffice"}),
      Map.entry("settlements: wrong audience", new String[] {"Denied 401 by the JWT authoriser: token aud [legacy.example.com] contains none "
          + "of [payments.example.com].", "audience"}),
      Map.entry("settlements: expired token", new String[] {"Denied 401 by the JWT authoriser: bank-expired's token expired at ",
          "Get a fresh token"}),
      Map.entry("v2 me as alice", new String[] {"Allowed 200 on GET /v2/me as alice-id"}),
      Map.entry("v2 unknown route", new String[] {"Denied 404 by route matching: no route of mobile matches GET /v2/nope"}),
      Map.entry("v2 sync as refresh-job", new String[] {"Allowed 200 on POST /v2/internal/sync as refresh-job"}),
      Map.entry("v2 sync as reporting", new String[] {"Denied 403 by IAM authorisation: reporting (arn:aws:sts::111122223333:assumed-role/reporting/reporting-task) "
          + "may not invoke POST /v2/internal/sync: no statement in its identity policy or the API's resource policy allows it."}));

  @BeforeAll
  static void sendTheWholeDemo() throws Exception {
    demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    // a clock that stands still: the token bucket never refills, so the burst is throttled however slow this machine is
    session = Session.local(demo, Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC), true, (w, l) -> Optional.empty(), line -> { });
    for (SavedRequest r : demo.requests()) {
      HEADLINES.put(r.name(), Headline.of(session.run(r, null, ChallengeHandler.none())));
    }
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  @Test
  void everyDemoRequestHasAHeadlineThatSaysWhy() {
    assertThat(EXPECTED.keySet()).as("a row for every saved request of the demo").containsExactlyInAnyOrderElementsOf(HEADLINES.keySet());
    HEADLINES.forEach((name, h) -> assertThat(h.answer()).as(name).containsSubsequence(EXPECTED.get(name)));
  }

  @Test
  void everyDemoExpectationIsMetAndSaidOnTheSecondLine() {
    HEADLINES.forEach((name, h) -> {
      assertThat(h.met()).as(name + ": " + h.expectation()).isTrue();
      assertThat(h.expectation()).as(name).startsWith("Met the expectation");
    });
  }

  @Test
  void noHeadlinePointsIntoADocumentThatDoesNotShip() {
    HEADLINES.forEach((name, h) -> assertThat(h.answer()).as(name).doesNotContain("§").doesNotContain("spec "));
  }

  @Test
  void aDenialIsDecidedByTheCheckTheExpectationNames() {
    demo.requests().stream().filter(r -> r.expect().decidedBy() != null && !"integration".equals(r.expect().decidedBy()))
        .forEach(r -> assertThat(HEADLINES.get(r.name()).decidedBy()).as(r.name()).isEqualTo(r.expect().decidedBy()));
  }
}
