package dev.portcullis.engine.rules.iam;

import dev.portcullis.engine.model.PolicyDocument.PolicyPrincipal;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches a caller against a statement's {@code Principal} or {@code NotPrincipal}.
 *
 * <p>IAM sees a caller as a chain of identities: the account, then (for a role session) the
 * role, then the caller itself. {@code Principal} matches when any link is named: the account
 * (as id or {@code :root} ARN), the role ARN for any of its sessions, or the exact ARN. {@code
 * NotPrincipal} exempts the caller only when every link is named, because the IAM user guide
 * (reference_policies_elements_notprincipal) warns that AWS "might validate the account first,
 * then the role, and then the assumed-role user"; the emulator takes that worst case so a policy
 * that only works by luck on AWS fails here, with the missing link named in the evidence.
 */
final class PrincipalMatcher {
  private static final String AWS = "AWS";

  private PrincipalMatcher() {}

  /** One identity of the caller and how a principal entry names it; {@code account} is set on the account link. */
  private record Link(String label, String canonicalArn, String account, String roleName) {
    boolean namedBy(String entry) {
      if (entry.equals("*")) {
        return true;
      }
      if (roleName != null) {
        return isRoleArn(entry, account, roleName);
      }
      return entry.equals(canonicalArn) || entry.equals(account);
    }
  }

  static StatementEvaluator.Check principal(PolicyPrincipal principal, CallerIdentity caller) {
    List<String> entries = entries(principal);
    for (Link link : links(caller)) {
      for (String entry : entries) {
        if (link.namedBy(entry)) {
          return StatementEvaluator.Check.pass("principal " + entry + " matches the caller's " + link.label());
        }
      }
    }
    return StatementEvaluator.Check.fail("principal " + entries + " does not name " + caller.displayName());
  }

  static StatementEvaluator.Check notPrincipal(PolicyPrincipal notPrincipal, CallerIdentity caller) {
    List<String> entries = entries(notPrincipal);
    for (Link link : links(caller)) {
      if (entries.stream().noneMatch(link::namedBy)) {
        return StatementEvaluator.Check.pass("NotPrincipal " + entries + " does not list the caller's " + link.label()
            + (link.canonicalArn() == null ? "" : " " + link.canonicalArn()) + ", so the statement applies");
      }
    }
    return StatementEvaluator.Check.fail("NotPrincipal " + entries + " lists every identity of " + caller.displayName());
  }

  /** AWS principals only: Service and Federated principals never describe a SigV4 caller. */
  private static List<String> entries(PolicyPrincipal principal) {
    if (principal.any()) {
      return List.of("*");
    }
    return principal.ids().getOrDefault(AWS, List.of());
  }

  private static List<Link> links(CallerIdentity caller) {
    if (caller.isAnonymous()) {
      return List.of(new Link("anonymous identity", null, null, null));
    }
    String account = caller.accountId();
    String root = "arn:" + caller.partition() + ":iam::" + account + ":root";
    List<Link> links = new ArrayList<>();
    links.add(new Link("account", root, account, null));
    String resource = caller.arn().split(":", 6)[5];
    if (resource.startsWith("assumed-role/")) {
      String roleName = resource.split("/")[1];
      links.add(new Link("role " + roleName, null, account, roleName));
    }
    if (!caller.arn().equals(root)) {
      links.add(new Link("ARN", caller.arn(), null, null));
    }
    return links;
  }

  /** A role ARN may carry a path ({@code role/jobs/refresh-job}); sessions drop it, so compare the name. */
  static boolean isRoleArn(String entry, String account, String roleName) {
    String[] parts = entry.split(":", 6);
    if (parts.length != 6 || !parts[2].equals("iam") || !parts[4].equals(account) || !parts[5].startsWith("role/")) {
      return false;
    }
    return parts[5].substring(parts[5].lastIndexOf('/') + 1).equals(roleName);
  }

  /** Caller ARN to its principal ARN: asked on every SigV4 request whose policy names aws:PrincipalArn. */
  private static final java.util.Map<String, String> PRINCIPAL_ARNS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The value of {@code aws:PrincipalArn}: for a role session IAM reports the role's ARN, not the
   * session's. The session ARN has lost the role's path, so the path-less role ARN is the best the
   * emulator can do; a context that sets the key explicitly overrides it.
   */
  static String principalArn(CallerIdentity caller) {
    String known = PRINCIPAL_ARNS.get(caller.arn());
    if (known != null) {
      return known;
    }
    if (PRINCIPAL_ARNS.size() >= 4096) {
      PRINCIPAL_ARNS.clear();
    }
    String arn = principalArnOf(caller);
    PRINCIPAL_ARNS.put(caller.arn(), arn);
    return arn;
  }

  private static String principalArnOf(CallerIdentity caller) {
    String[] parts = caller.arn().split(":", 6);
    if (parts[2].equals("sts") && parts[5].startsWith("assumed-role/")) {
      return "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + parts[5].split("/")[1];
    }
    return caller.arn();
  }
}
