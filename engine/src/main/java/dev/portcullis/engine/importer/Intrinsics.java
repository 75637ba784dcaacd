package dev.portcullis.engine.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions and {@code ${...}} placeholders in the values an
 * importer reads. What the template says enough about is resolved (parameters with defaults,
 * {@code Fn::Join}, {@code Fn::Sub}, {@code Fn::Select}, {@code Fn::If} on decidable conditions,
 * mappings); everything else becomes a {@code {{variable}}} recorded in the report with its
 * origin. Nothing is guessed: a resource's physical id, a nested stack's output or a parameter
 * without default stays a variable.
 */
public final class Intrinsics {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(!?)([^}]+)}");
  private final ImportContext ctx;
  private final Map<String, JsonNode> parameters;
  private final Map<String, String> resourceTypes;
  private final JsonNode conditions;
  private final JsonNode mappings;
  private final Map<String, Boolean> conditionValues = new HashMap<>();

  private Intrinsics(ImportContext ctx, Map<String, JsonNode> parameters, Map<String, String> resourceTypes, JsonNode conditions,
      JsonNode mappings) {
    this.ctx = ctx;
    this.parameters = parameters;
    this.resourceTypes = resourceTypes;
    this.conditions = conditions;
    this.mappings = mappings;
  }

  /** For a file outside a template (an OpenAPI export, a Terraform templatefile): only placeholders. */
  public static Intrinsics standalone(ImportContext ctx) {
    return new Intrinsics(ctx, Map.of(), Map.of(), null, null);
  }

  /** For a CloudFormation or SAM template: its Parameters (with their defaults), Resources, Conditions and Mappings. */
  public static Intrinsics of(JsonNode template, ImportContext ctx) {
    Map<String, JsonNode> params = new HashMap<>();
    template.path("Parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().get("Default")));
    Map<String, String> types = new HashMap<>();
    template.path("Resources").fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().path("Type").asText("")));
    return new Intrinsics(ctx, params, types, template.get("Conditions"), template.get("Mappings"));
  }

  public ImportContext context() {
    return ctx;
  }

  /** Whether a node is an intrinsic function call ({@code {"Ref": ...}}, {@code {"Fn::X": ...}}). */
  public static boolean isIntrinsic(JsonNode n) {
    if (n == null || !n.isObject() || n.size() != 1) {
      return false;
    }
    String key = n.fieldNames().next();
    return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
  }

  /** The node as text, resolved; null when absent, null or {@code AWS::NoValue}. */
  public String text(JsonNode n, String where) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isTextual()) {
      return placeholders(n.asText(), where);
    }
    if (n.isValueNode()) {
      return n.asText();
    }
    if (isIntrinsic(n)) {
      return call(n, where);
    }
    if (n.isArray()) {
      return String.join(",", texts(n, where));
    }
    return n.toString();
  }

  /** A list value: an array (each item resolved), a comma-separated string, or an intrinsic giving either. */
  public List<String> texts(JsonNode n, String where) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull() || n.isMissingNode()) {
      return out;
    }
    if (n.isArray()) {
      for (JsonNode item : n) {
        String t = text(item, where);
        if (t != null) {
          out.add(t);
        }
      }
      return out;
    }
    if (isIntrinsic(n) && n.has("Fn::Split")) {
      JsonNode args = n.get("Fn::Split");
      String delim = text(args.path(0), where);
      String value = text(args.path(1), where);
      if (delim != null && value != null) {
        out.addAll(List.of(value.split(Pattern.quote(delim), -1)));
      }
      return out;
    }
    String t = text(n, where);
    if (t != null) {
      out.add(t);
    }
    return out;
  }

  /** The resolved value of a node that may be an intrinsic giving an object or list (Fn::If), else the node. */
  public JsonNode value(JsonNode n, String where) {
    if (isIntrinsic(n) && n.has("Fn::If")) {
      Boolean c = condition(n.get("Fn::If").path(0).asText(), where);
      if (c != null) {
        return value(n.get("Fn::If").path(c ? 1 : 2), where);
      }
    }
    if (isIntrinsic(n) && n.has("Ref") && n.get("Ref").asText().equals("AWS::NoValue")) {
      return null;
    }
    return n;
  }

  /** A copy of a tree with every intrinsic call and placeholder string resolved to text (for policies and similar values). */
  public JsonNode resolveTree(JsonNode n, String where) {
    if (n == null) {
      return null;
    }
    if (isIntrinsic(n)) {
      JsonNode chosen = value(n, where);
      if (chosen == null) {
        return null;
      }
      if (chosen != n) {
        return resolveTree(chosen, where);
      }
      String t = text(n, where);
      return t == null ? null : com.fasterxml.jackson.databind.node.TextNode.valueOf(t);
    }
    if (n.isTextual()) {
      // placeholders in plain strings are resolved where a field is read, so VTL templates and docs stay as they are
      return n;
    }
    if (n.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      n.fields().forEachRemaining(e -> {
        JsonNode v = resolveTree(e.getValue(), where);
        if (v != null) {
          o.set(e.getKey(), v);
        }
      });
      ctx.sameAs(o, n);
      return o;
    }
    if (n.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode a = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      n.forEach(item -> {
        JsonNode v = resolveTree(item, where);
        if (v != null) {
          a.add(v);
        }
      });
      ctx.sameAs(a, n);
      return a;
    }
    return n;
  }

  private String call(JsonNode n, String where) {
    String fn = n.fieldNames().next();
    JsonNode arg = n.get(fn);
    return switch (fn) {
      case "Ref" -> ref(arg.asText(), where);
      case "Fn::GetAtt" -> getAtt(arg, where);
      case "Fn::Sub" -> sub(arg, where);
      case "Fn::Join" -> join(arg, where);
      case "Fn::Select" -> select(arg, where);
      case "Fn::If" -> ifThen(arg, where);
      case "Fn::FindInMap" -> findInMap(arg, where);
      case "Fn::ImportValue" -> ctx.variable("ImportValue." + text(arg, where),
          "Fn::ImportValue " + text(arg, where) + " in " + where + " (another stack's export, not readable from this file)", null);
      case "Fn::Base64" -> text(arg, where);
      default -> ctx.variable(fn.replace("Fn::", "") + "." + Math.abs(arg.toString().hashCode()),
          fn + " in " + where + ", which the importer does not evaluate", null);
    };
  }

  private String ref(String name, String where) {
    if (name.startsWith("AWS::")) {
      return pseudo(name, where);
    }
    if (parameters.containsKey(name)) {
      JsonNode def = parameters.get(name);
      if (def != null && !def.isNull()) {
        return def.isArray() ? String.join(",", texts(def, where)) : def.asText();
      }
      return ctx.variable(name, "template parameter " + name + " (no default), used in " + where, null);
    }
    String type = resourceTypes.get(name);
    if (type != null) {
      return ctx.variable(name, "Ref to " + type + " " + name + " in " + where + " (its physical id exists only once deployed)", null);
    }
    if (name.contains(".")) {
      // SAM's pseudo-references: MyApi.Stage, MyApi.Deployment, MyFunction.Alias
      return ctx.variable(name, "SAM reference " + name + " in " + where, null);
    }
    return ctx.variable(name, "Ref to " + name + " in " + where + ", which the template does not define", null);
  }

  private String pseudo(String name, String where) {
    return switch (name) {
      case "AWS::Region" -> ctx.region() != null ? ctx.region()
          : ctx.variable("awsRegion", "pseudo parameter AWS::Region (the region the stack is deployed in)", "us-east-1");
      case "AWS::AccountId" -> ctx.variable("awsAccountId", "pseudo parameter AWS::AccountId (the deploying account)", "123456789012");
      case "AWS::Partition" -> ctx.variable("awsPartition", "pseudo parameter AWS::Partition", "aws");
      case "AWS::URLSuffix" -> ctx.variable("awsUrlSuffix", "pseudo parameter AWS::URLSuffix", "amazonaws.com");
      case "AWS::StackName" -> ctx.variable("awsStackName", "pseudo parameter AWS::StackName", ctx.source().getFileName().toString().replaceAll("\\..*", ""));
      case "AWS::StackId" -> ctx.variable("awsStackId", "pseudo parameter AWS::StackId", null);
      case "AWS::NoValue" -> null;
      default -> ctx.variable(name.replace("::", "."), "pseudo parameter " + name + " in " + where, null);
    };
  }

  private String getAtt(JsonNode arg, String where) {
    String resource;
    String attribute;
    if (arg.isArray()) {
      resource = text(arg.path(0), where);
      attribute = text(arg.path(1), where);
    } else {
      String s = arg.asText();
      int dot = s.indexOf('.');
      resource = dot < 0 ? s : s.substring(0, dot);
      attribute = dot < 0 ? "" : s.substring(dot + 1);
    }
    String type = resourceTypes.getOrDefault(resource, "");
    if (attribute != null && attribute.startsWith("Outputs.")) {
      return ctx.variable(resource + "." + attribute, "output " + attribute.substring(8) + " of nested stack " + resource
          + " in " + where + " (a nested stack's outputs cannot be read from this file)", null);
    }
    String what = type.isEmpty() ? resource : type + " " + resource;
    return ctx.variable(resource + "." + attribute, "Fn::GetAtt " + what + "." + attribute + " in " + where
        + " (known only once deployed)", null);
  }

  private String sub(JsonNode arg, String where) {
    String template;
    Map<String, String> vars = new HashMap<>();
    if (arg.isArray()) {
      template = arg.path(0).asText();
      Iterator<Map.Entry<String, JsonNode>> it = arg.path(1).fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        vars.put(e.getKey(), text(e.getValue(), where));
      }
    } else {
      template = arg.asText();
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      String name = m.group(2).strip();
      if (!m.group(1).isEmpty()) {
        replacement = "${" + name + "}";
      } else if (vars.containsKey(name)) {
        replacement = vars.get(name);
      } else if (name.contains(".") && !name.startsWith("AWS::") && !name.startsWith("stageVariables.")) {
        int dot = name.indexOf('.');
        String resource = name.substring(0, dot);
        replacement = resourceTypes.containsKey(resource) || parameters.isEmpty()
            ? getAtt(new com.fasterxml.jackson.databind.node.TextNode(name), where) : ref(name, where);
      } else if (name.startsWith("stageVariables.")) {
        replacement = "${" + name + "}";
      } else {
        replacement = ref(name, where);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? "" : replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String join(JsonNode arg, String where) {
    String delim = arg.path(0).asText("");
    return String.join(delim, texts(arg.path(1), where));
  }

  private String select(JsonNode arg, String where) {
    int index;
    try {
      index = Integer.parseInt(String.valueOf(text(arg.path(0), where)).strip());
    } catch (NumberFormatException e) {
      return ctx.variable("Select.index", "Fn::Select with an index that is not a number, in " + where, null);
    }
    List<String> items = texts(arg.path(1), where);
    return index >= 0 && index < items.size() ? items.get(index)
        : ctx.variable("Select." + index, "Fn::Select " + index + " of a list the template does not give, in " + where, null);
  }

  private String ifThen(JsonNode arg, String where) {
    String name = arg.path(0).asText();
    Boolean c = condition(name, where);
    if (c == null) {
      return ctx.variable("Condition." + name, "Fn::If on condition " + name + " in " + where
          + ", which depends on values the template does not give", null);
    }
    return text(arg.path(c ? 1 : 2), where);
  }

  private String findInMap(JsonNode arg, String where) {
    String map = text(arg.path(0), where);
    String top = text(arg.path(1), where);
    String second = text(arg.path(2), where);
    JsonNode v = mappings == null ? null : mappings.path(map).path(top).get(second);
    return v == null ? ctx.variable("FindInMap." + map + "." + top + "." + second, "Fn::FindInMap in " + where, null) : text(v, where);
  }

  /** A condition's value when the template decides it; null when it depends on something unknown. */
  Boolean condition(String name, String where) {
    if (conditionValues.containsKey(name)) {
      return conditionValues.get(name);
    }
    JsonNode expr = conditions == null ? null : conditions.get(name);
    Boolean value = expr == null ? null : evaluate(expr, where);
    conditionValues.put(name, value);
    return value;
  }

  private Boolean evaluate(JsonNode n, String where) {
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (!isIntrinsic(n)) {
      return null;
    }
    String fn = n.fieldNames().next();
    JsonNode arg = n.get(fn);
    switch (fn) {
      case "Condition":
        return condition(arg.asText(), where);
      case "Fn::Not":
        Boolean inner = evaluate(arg.path(0), where);
        return inner == null ? null : !inner;
      case "Fn::And", "Fn::Or":
        boolean and = fn.equals("Fn::And");
        Boolean acc = and;
        for (JsonNode c : arg) {
          Boolean v = evaluate(c, where);
          if (v == null) {
            return null;
          }
          acc = and ? acc && v : acc || v;
        }
        return acc;
      case "Fn::Equals":
        int before = ctx.variables().size();
        String a = text(arg.path(0), where);
        String b = text(arg.path(1), where);
        if (ctx.variables().size() != before || a == null || b == null || a.contains("{{") || b.contains("{{")) {
          return null;
        }
        return a.equals(b);
      default:
        return null;
    }
  }

  /**
   * {@code ${...}} in plain strings: API Gateway's import variables ({@code ${AWS::Region}} ...)
   * and template placeholders ({@code ${cognito_pool_arn}}, Terraform templatefile) become
   * variables; {@code ${stageVariables.x}} is API Gateway's own and stays.
   */
  private String placeholders(String s, String where) {
    if (!s.contains("${")) {
      return s;
    }
    Matcher m = PLACEHOLDER.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(2).strip();
      String replacement;
      if (!m.group(1).isEmpty() || name.startsWith("stageVariables.") || name.startsWith("context.") || name.startsWith("request.")) {
        replacement = m.group();
      } else if (name.startsWith("AWS::")) {
        replacement = pseudo(name, where);
      } else {
        replacement = ctx.variable(name, "placeholder ${" + name + "} in " + where + " (filled in by whatever templates the file)", null);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? "" : replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
