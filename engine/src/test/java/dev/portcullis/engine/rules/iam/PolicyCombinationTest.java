package dev.portcullis.engine.rules.iam;

import static dev.portcullis.engine.rules.iam.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.PolicyDocument.Effect;
import dev.portcullis.engine.model.PolicyDocument.PolicyPrincipal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** apigw-facts §5 "Policy evaluation": Table A (same account) and Table B (cross account). */
class PolicyCombinationTest {

  @ParameterizedTest(name = "§5 Table A: IAM {0}, resource policy {1} -> {2}")
  @CsvSource({
      "Allow,   Allow,   Allow",
      "Allow,   Neither, Allow",
      "Allow,   Deny,    ExplicitDeny",
      "Neither, Allow,   Allow",
      "Neither, Neither, ImplicitDeny",
      "Neither, Deny,    ExplicitDeny",
      "Deny,    Allow,   ExplicitDeny",
      "Deny,    Neither, ExplicitDeny",
      "Deny,    Deny,    ExplicitDeny"})
  void sameAccountFollowsTableA(String iam, String resource, String expected) {
    PolicyDecision decision = evaluate(ALICE, identitySide(iam), resourceSide(resource, ALICE), GET_PETS);
    assertThat(decision.getClass().getSimpleName()).isEqualTo(expected);
    assertThat(decision.evidence()).anyMatch(line -> line.matches(".*(Table A|Tables A and B).*"));
  }

  @ParameterizedTest(name = "§5 Table B: IAM {0}, resource policy {1} -> {2}")
  @CsvSource({
      "Allow,   Allow,   Allow",
      "Allow,   Neither, ImplicitDeny",
      "Neither, Allow,   ImplicitDeny",
      "Neither, Neither, ImplicitDeny",
      "Allow,   Deny,    ExplicitDeny",
      "Deny,    Allow,   ExplicitDeny",
      "Neither, Deny,    ExplicitDeny"})
  void crossAccountFollowsTableB(String iam, String resource, String expected) {
    PolicyDecision decision = evaluate(BOB_ELSEWHERE, identitySide(iam), resourceSide(resource, BOB_ELSEWHERE), GET_PETS);
    assertThat(decision.getClass().getSimpleName()).isEqualTo(expected);
  }

  @Test
  void crossAccountAllowCitesBothStatements() {
    PolicyDecision decision = evaluate(BOB_ELSEWHERE, identitySide("Allow"), resourceSide("Allow", BOB_ELSEWHERE), GET_PETS);
    assertThat(decision.decidedBy()).extracting(StatementRef::inResourcePolicy).containsExactly(false, true);
  }

  @Test
  void crossAccountWithoutAResourcePolicyIsImplicitlyDeniedEvenWithAnIdentityAllow() {
    PolicyDecision decision = evaluate(BOB_ELSEWHERE, identitySide("Allow"), null, GET_PETS);
    assertThat(decision).isInstanceOf(PolicyDecision.ImplicitDeny.class);
    assertThat(decision.evidence()).contains("implicit deny: no resource-policy statement allows");
  }

  @Test
  void explicitDenyCitesTheDenyingStatementEvenWhenAnotherAllows() {
    List<NamedPolicy> identity = List.of(identity("AllowAll", Effect.Allow, "*"),
        identity("DenyPets", Effect.Deny, "arn:aws:execute-api:*:*:*/*/GET/pets"));
    PolicyDecision decision = evaluate(ALICE, identity, null, GET_PETS);
    assertThat(decision).isInstanceOf(PolicyDecision.ExplicitDeny.class);
    assertThat(decision.decidedBy()).containsExactly(new StatementRef("DenyPets", "DenyPets", 0));
  }

  @Test
  void anUnsignedCallerNeedsTheResourcePolicyToAllow() {
    PolicyDocument publicPets = resource("Public", Effect.Allow, PolicyPrincipal.anyone(), GET_PETS.render());
    assertThat(evaluate(CallerIdentity.anonymous(), List.of(), publicPets, GET_PETS)).isInstanceOf(PolicyDecision.Allow.class);
    assertThat(evaluate(CallerIdentity.anonymous(), List.of(), publicPets, POST_REFRESH))
        .isInstanceOf(PolicyDecision.ImplicitDeny.class);
  }

  private static List<NamedPolicy> identitySide(String outcome) {
    return switch (outcome) {
      case "Allow" -> List.of(identity("CallerAllows", Effect.Allow, "arn:aws:execute-api:*:*:*/prod/GET/*"));
      case "Deny" -> List.of(identity("CallerDenies", Effect.Deny, "arn:aws:execute-api:*:*:*/prod/GET/*"));
      // "Neither": a policy exists but is about another method, so nothing applies.
      default -> List.of(identity("CallerElsewhere", Effect.Allow, "arn:aws:execute-api:*:*:*/prod/DELETE/*"));
    };
  }

  private static PolicyDocument resourceSide(String outcome, CallerIdentity caller) {
    PolicyPrincipal principal = PolicyPrincipal.aws(caller.arn());
    return switch (outcome) {
      case "Allow" -> resource("ApiAllows", Effect.Allow, principal, GET_PETS.render());
      case "Deny" -> resource("ApiDenies", Effect.Deny, principal, GET_PETS.render());
      default -> resource("ApiElsewhere", Effect.Allow, principal, POST_REFRESH.render());
    };
  }
}
