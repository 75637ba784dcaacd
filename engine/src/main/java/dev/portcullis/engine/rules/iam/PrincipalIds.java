package dev.portcullis.engine.rules.iam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The principal id IAM reports for a caller, as {@code requestContext.identity.caller}/{@code user}
 * (REST) and {@code authorizer.iam.userId}/{@code callerId} (HTTP) carry it (apigw-facts §5: "principal
 * identifier of the caller that signed the request"): {@code AIDA…} for an IAM user, {@code AROA…:session}
 * for an assumed-role session, the account id for the root user. The prefixes and the 21-character
 * unique id are IAM's (IAM User Guide, "IAM identifiers", unique ID prefixes) [DOC]; the 17 characters
 * after the prefix are derived from the ARN here, so an emulated principal keeps one id across runs.
 */
public final class PrincipalIds {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final int ID_CHARACTERS = 17;
  /** Ids already derived, by ARN: a pure function of it, asked for on every signed request (issue 19). */
  private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();
  private static final int KNOWN_MAX = 1024;

  private PrincipalIds() {}

  /** The principal id for {@code arn}; an ARN of another kind is returned as it is. */
  public static String of(String arn) {
    String known = KNOWN.get(arn);
    if (known != null) {
      return known;
    }
    String id = derive(arn);
    if (KNOWN.size() >= KNOWN_MAX) {
      KNOWN.clear();
    }
    KNOWN.put(arn, id);
    return id;
  }

  private static String derive(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length != 6) {
      return arn;
    }
    String resource = parts[5];
    if (parts[2].equals("sts") && resource.startsWith("assumed-role/")) {
      String[] session = resource.split("/");
      // The id is the role's, whatever the session: IAM's AROA id names the role, the suffix the session.
      String roleArn = "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + session[1];
      return "AROA" + derived(roleArn) + ":" + session[session.length - 1];
    }
    if (parts[2].equals("iam") && resource.equals("root")) {
      return parts[4];
    }
    if (parts[2].equals("iam") && resource.startsWith("user/")) {
      return "AIDA" + derived(arn);
    }
    if (parts[2].equals("iam") && resource.startsWith("role/")) {
      return "AROA" + derived(arn);
    }
    return arn;
  }

  private static String derived(String arn) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
      StringBuilder id = new StringBuilder(ID_CHARACTERS);
      for (int i = 0; i < ID_CHARACTERS; i++) {
        id.append(ALPHABET[(digest[i] & 0xff) % ALPHABET.length]);
      }
      return id.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java SE runtime provides SHA-256", e);
    }
  }
}
