package dev.portcullis.engine.rules.iam;

import static dev.portcullis.engine.rules.iam.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.PolicyDocument.Effect;
import dev.portcullis.engine.model.PolicyDocument.PolicyPrincipal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** apigw-facts §1.2, the two IAM rows: 403 AccessDeniedException, explicit vs implicit wording. */
class IamDenialTest {

  @Test
  void explicitDenyNamesTheCallerAndEndsWithExplicitDeny() {
    var decision = evaluate(ALICE, List.of(identity("NoRefresh", Effect.Deny, "*")), null, POST_REFRESH);
    IamDenial denial = IamDenial.of((PolicyDecision.Denied) decision, query(ALICE));
    assertThat(denial.status()).isEqualTo(403);
    assertThat(denial.errorType()).isEqualTo("AccessDeniedException");
    assertThat(denial.message()).isEqualTo("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: "
        + "execute-api:Invoke on resource: arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/prod/POST/internal/refresh"
        + " with an explicit deny");
  }

  @Test
  void implicitDenyForAnUnsignedCallerSaysAnonymous() {
    var policy = resource("OnlyPets", Effect.Allow, PolicyPrincipal.anyone(), GET_PETS.render());
    var decision = evaluate(CallerIdentity.anonymous(), List.of(), policy, POST_REFRESH);
    IamDenial denial = IamDenial.of((PolicyDecision.Denied) decision, query(CallerIdentity.anonymous()));
    assertThat(denial.message()).isEqualTo("User: anonymous is not authorized to perform: execute-api:Invoke on "
        + "resource: arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/prod/POST/internal/refresh");
    assertThat(denial.gatewayResponseType()).isEqualTo("ACCESS_DENIED");
  }

  private static PolicyQuery query(CallerIdentity caller) {
    return PolicyQuery.invoke(caller, List.of(), null, POST_REFRESH, ConditionContext.empty());
  }
}
