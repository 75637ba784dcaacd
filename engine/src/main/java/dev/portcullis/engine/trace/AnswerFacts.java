package dev.portcullis.engine.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an answer from the gateway says about itself, quoted as it came: {@code www-authenticate}
 * with its {@code error} and {@code error_description} (RFC 6750 §3), {@code x-amzn-ErrorType},
 * the body's message, and the request id to look up: in CloudWatch for AWS ({@code fromAws}), in the
 * ruling log for a local gateway that no longer had this request's ruling. Every part may be null.
 */
public record AnswerFacts(String wwwAuthenticate, String error, String errorDescription, String errorType, String message,
    String requestId, boolean fromAws) {
  private static final Pattern PARAM = Pattern.compile("([A-Za-z_]+)\\s*=\\s*\"([^\"]*)\"");

  public AnswerFacts {
    wwwAuthenticate = blankToNull(wwwAuthenticate);
    error = blankToNull(error);
    errorDescription = blankToNull(errorDescription);
    errorType = blankToNull(errorType);
    message = blankToNull(message);
    requestId = blankToNull(requestId);
  }

  /** Reads the parts from the headers; {@code errorType} and {@code message} as the explainer parsed them. */
  public static AnswerFacts of(List<Header> headers, String errorType, String message) {
    String www = Header.first(headers, "www-authenticate");
    String error = null;
    String description = null;
    if (www != null) {
      Matcher m = PARAM.matcher(www);
      while (m.find()) {
        switch (m.group(1).toLowerCase(Locale.ROOT)) {
          case "error" -> error = m.group(2);
          case "error_description" -> description = m.group(2);
          default -> { }
        }
      }
    }
    String id = Header.first(headers, "x-amzn-RequestId");
    return new AnswerFacts(www, error, description, errorType, message, id != null ? id : Header.first(headers, "apigw-requestid"),
        true);
  }

  /** The same facts about an answer from a local gateway (in this process or a {@code gateway serve}), which has no CloudWatch. */
  public AnswerFacts local() {
    return new AnswerFacts(wwwAuthenticate, error, errorDescription, errorType, message, requestId, false);
  }

  /** One sentence quoting what AWS said, e.g. {@code AWS says: www-authenticate error_description "the token has expired"; ...}; empty when it said nothing. */
  public String quoted() {
    List<String> parts = new ArrayList<>();
    if (errorDescription != null) {
      parts.add("www-authenticate error_description \"" + errorDescription + "\"" + (error == null ? "" : " (error " + error + ")"));
    } else if (wwwAuthenticate != null) {
      parts.add("www-authenticate " + wwwAuthenticate + " (no error_description)");
    }
    if (errorType != null) {
      parts.add("x-amzn-ErrorType " + errorType);
    }
    if (message != null) {
      parts.add("message \"" + message + "\"");
    }
    return parts.isEmpty() ? "" : (fromAws ? "AWS says: " : "The local gateway says: ") + String.join("; ", parts) + ".";
  }

  /** Where to read the gateway's own account of this request. */
  public String lookUp() {
    if (requestId == null) {
      return "";
    }
    if (!fromAws) {
      return "The local gateway no longer had the ruling for request id " + requestId + " (its log keeps the most recent"
          + " ones, and a gateway serve of an older build may not serve them), so this is read from the answer alone;"
          + " send again to get the gateway's own account.";
    }
    return "Search CloudWatch Logs for request id " + requestId + ": the stage's execution log group"
        + " API-Gateway-Execution-Logs_{apiId}/{stage} (with execution logging on) shows the authoriser's reason, and the access"
        + " log has $context.authorizer.error.";
  }

  /** The parts as rows for a trace table, in the order a reader checks them. */
  public List<Detail.Row> rows() {
    List<Detail.Row> rows = new ArrayList<>();
    if (wwwAuthenticate != null) {
      rows.add(new Detail.Row("www-authenticate", wwwAuthenticate, errorDescription == null ? "no error_description" : null));
    }
    if (errorDescription != null) {
      rows.add(new Detail.Row("error_description", errorDescription, null));
    }
    if (errorType != null) {
      rows.add(new Detail.Row("x-amzn-ErrorType", errorType, null));
    }
    if (message != null) {
      rows.add(new Detail.Row("message", message, null));
    }
    if (requestId != null) {
      rows.add(new Detail.Row("request id", requestId, fromAws ? "look it up in CloudWatch Logs" : null));
    }
    return rows;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
