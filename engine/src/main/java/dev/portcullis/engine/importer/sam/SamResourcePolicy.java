package dev.portcullis.engine.importer.sam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.importer.Intrinsics;
import dev.portcullis.engine.importer.Policies;
import dev.portcullis.engine.model.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SAM's {@code Auth.ResourcePolicy} written out as the SAM translator writes it into the API's
 * {@code x-amazon-apigateway-policy} (its {@code SwaggerEditor.add_resource_policy}): per path, each
 * shorthand becomes statements on that path's methods ({@code execute-api:/STAGE/METHOD/PATH},
 * path parameters as {@code *}, ANY as {@code *}). {@code AwsAccountWhitelist}/{@code Blacklist}: an
 * Allow/Deny to those principals. {@code IpRangeWhitelist}/{@code Blacklist}: an Allow to everyone and
 * a Deny {@code NotIpAddress}/{@code IpAddress} on {@code aws:SourceIp}. {@code SourceVpc*} (split
 * into {@code vpc-} and {@code vpce-} ids) and {@code IntrinsicVpc*}/{@code IntrinsicVpce*}: an Allow
 * and a Deny {@code StringEquals} (blacklist) or {@code StringNotEquals} (whitelist) on
 * {@code aws:SourceVpc}/{@code aws:SourceVpce}. {@code CustomStatements} are appended as written.
 * The IP and VPC statements are not repeated when equal; account statements are, as SAM does.
 */
final class SamResourcePolicy {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> KNOWN = Set.of("AwsAccountWhitelist", "AwsAccountBlacklist", "IpRangeWhitelist",
      "IpRangeBlacklist", "SourceVpcWhitelist", "SourceVpcBlacklist", "IntrinsicVpcWhitelist", "IntrinsicVpceWhitelist",
      "IntrinsicVpcBlacklist", "IntrinsicVpceBlacklist", "CustomStatements");
  private final Intrinsics ix;
  private final ArrayNode statements = JSON.arrayNode();
  private final Set<String> used = new LinkedHashSet<>();

  SamResourcePolicy(Intrinsics ix) {
    this.ix = ix;
  }

  /** {@code add_resource_policy} for one path: {@code methods} are the path's methods as the API defines them. */
  void add(JsonNode policy, String path, List<String> methods, String stage, String where) {
    policy.fieldNames().forEachRemaining(k -> {
      if (!KNOWN.contains(k)) {
        ix.context().leftOut(where + " Auth.ResourcePolicy." + k, "not a ResourcePolicy property SAM knows, so it was not imported");
      }
    });
    ArrayNode resources = JSON.arrayNode();
    String resourcePath = path.replaceAll("\\{[A-Za-z0-9._-]+\\+?}", "*");
    methods.forEach(m -> resources.add("execute-api:/" + stage + "/"
        + (m.equalsIgnoreCase("ANY") || m.equalsIgnoreCase("x-amazon-apigateway-any-method") ? "*" : m.toUpperCase(java.util.Locale.ROOT))
        + resourcePath));
    accounts(policy, "AwsAccountWhitelist", "Allow", resources, where);
    accounts(policy, "AwsAccountBlacklist", "Deny", resources, where);
    ips(policy, "IpRangeWhitelist", "NotIpAddress", resources, where);
    ips(policy, "IpRangeBlacklist", "IpAddress", resources, where);
    vpcs(policy, "Blacklist", "StringEquals", resources, where);
    vpcs(policy, "Whitelist", "StringNotEquals", resources, where);
  }

  /** {@code CustomStatements}, appended unless already there. */
  void addCustom(JsonNode policy, String where) {
    JsonNode custom = policy.get("CustomStatements");
    if (custom == null || custom.isNull()) {
      return;
    }
    used.add("CustomStatements");
    for (JsonNode s : custom.isArray() ? custom : JSON.arrayNode().add(custom)) {
      JsonNode resolved = ix.resolveTree(s, where + " Auth.ResourcePolicy.CustomStatements");
      if (resolved != null && !contains(resolved)) {
        statements.add(resolved);
      }
    }
  }

  /** The policy, or null when no shorthand gave a statement; {@code base} is the DefinitionBody's own policy, if any. */
  PolicyDocument build(PolicyDocument base, String where, String arnPrefix) {
    if (statements.isEmpty()) {
      return base;
    }
    ObjectNode doc = JSON.objectNode();
    doc.put("Version", "2012-10-17");
    doc.set("Statement", statements);
    PolicyDocument read = Policies.read(doc, ix, where + " Auth.ResourcePolicy", arnPrefix);
    if (read == null) {
      return base;
    }
    ix.context().mapped(where + " resource policy", read.statements().size() + " statement(s) from Auth.ResourcePolicy ("
        + String.join(", ", used) + "), written as the SAM translator writes them" + (base == null ? ""
            : ", after the " + base.statements().size() + " of the DefinitionBody's x-amazon-apigateway-policy"));
    if (base == null) {
      return read;
    }
    List<PolicyDocument.PolicyStatement> all = new ArrayList<>(base.statements());
    all.addAll(read.statements());
    return new PolicyDocument(base.version(), all);
  }

  private void accounts(JsonNode policy, String key, String effect, ArrayNode resources, String where) {
    List<String> accounts = list(policy, key, where);
    if (accounts.isEmpty()) {
      return;
    }
    ObjectNode s = statement(effect, resources);
    ArrayNode aws = JSON.arrayNode();
    accounts.forEach(aws::add);
    s.set("Principal", JSON.objectNode().set("AWS", aws));
    statements.add(s);
  }

  private void ips(JsonNode policy, String key, String operator, ArrayNode resources, String where) {
    List<String> ranges = list(policy, key, where);
    if (ranges.isEmpty()) {
      return;
    }
    Map<String, List<String>> condition = new LinkedHashMap<>();
    condition.put("aws:SourceIp", ranges);
    allowAndDeny(resources, operator, condition);
  }

  private void vpcs(JsonNode policy, String kind, String operator, ArrayNode resources, String where) {
    Map<String, List<String>> condition = new LinkedHashMap<>();
    for (String id : list(policy, "SourceVpc" + kind, where)) {
      if (id.startsWith("vpce-")) {
        condition.computeIfAbsent("aws:SourceVpce", x -> new ArrayList<>()).add(id);
      } else if (id.startsWith("vpc-")) {
        condition.computeIfAbsent("aws:SourceVpc", x -> new ArrayList<>()).add(id);
      }
    }
    list(policy, "IntrinsicVpc" + kind, where).forEach(id -> condition.computeIfAbsent("aws:SourceVpc", x -> new ArrayList<>()).add(id));
    list(policy, "IntrinsicVpce" + kind, where).forEach(id -> condition.computeIfAbsent("aws:SourceVpce", x -> new ArrayList<>()).add(id));
    if (!condition.isEmpty()) {
      allowAndDeny(resources, operator, condition);
    }
  }

  private void allowAndDeny(ArrayNode resources, String operator, Map<String, List<String>> condition) {
    ObjectNode allow = statement("Allow", resources);
    allow.put("Principal", "*");
    ObjectNode deny = statement("Deny", resources);
    deny.put("Principal", "*");
    ObjectNode keys = JSON.objectNode();
    condition.forEach((k, values) -> {
      ArrayNode v = JSON.arrayNode();
      values.forEach(v::add);
      keys.set(k, v);
    });
    deny.set("Condition", JSON.objectNode().set(operator, keys));
    for (ObjectNode s : List.of(allow, deny)) {
      if (!contains(s)) {
        statements.add(s);
      }
    }
  }

  private static ObjectNode statement(String effect, ArrayNode resources) {
    ObjectNode s = JSON.objectNode();
    s.put("Effect", effect);
    s.put("Action", "execute-api:Invoke");
    s.set("Resource", resources.deepCopy());
    return s;
  }

  private boolean contains(JsonNode statement) {
    for (JsonNode s : statements) {
      if (s.equals(statement)) {
        return true;
      }
    }
    return false;
  }

  private List<String> list(JsonNode policy, String key, String where) {
    JsonNode n = policy.get(key);
    if (n == null || n.isNull()) {
      return List.of();
    }
    used.add(key);
    return ix.texts(n, where + " Auth.ResourcePolicy." + key);
  }
}
