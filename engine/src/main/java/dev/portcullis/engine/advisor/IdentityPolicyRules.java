package dev.portcullis.engine.advisor;

import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.PolicyDocument.PolicyStatement;
import dev.portcullis.engine.model.Workspace;
import java.util.List;

/** Rules over principals' identity policies rather than over a gateway (spec/apigw-facts.md §5). */
final class IdentityPolicyRules {
  private IdentityPolicyRules() {}

  // PC110
  static void invokeOnStar(Workspace ws, List<Finding> out) {
    for (Emulator.AccessKey key : ws.emulator().accessKeys()) {
      for (PolicyDocument policy : key.identityPolicies()) {
        for (PolicyStatement s : policy.statements()) {
          if (s.effect() == PolicyDocument.Effect.Allow && s.actions().stream().anyMatch(IdentityPolicyRules::coversInvoke)
              && s.resources().stream().anyMatch(IdentityPolicyRules::everyApi)) {
            out.add(new Finding(Rule.INVOKE_ON_STAR, null, Subject.accessKey(key.accessKeyId()),
                "The identity policy of " + key.principalArn() + " allows " + s.actions() + " on " + s.resources() + ": every API in every stage.",
                List.of("access key " + key.accessKeyId() + " signs as " + key.principalArn(),
                    "statement " + (s.sid() == null ? "(no Sid)" : s.sid()) + ": Allow " + s.actions() + " on " + s.resources()),
                "Name the method ARNs the role calls, e.g. arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/POST/internal/refresh.",
                List.of(), null));
          }
        }
      }
    }
  }

  private static boolean coversInvoke(String action) {
    String a = action.toLowerCase(java.util.Locale.ROOT);
    return a.equals("*") || a.equals("execute-api:*") || a.equals("execute-api:invoke");
  }

  private static boolean everyApi(String resource) {
    return resource.equals("*") || resource.matches("arn:aws[\\w-]*:execute-api:\\*(:\\*(:\\*(/\\*)*)?)?");
  }

}
