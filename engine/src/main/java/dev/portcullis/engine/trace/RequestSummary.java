package dev.portcullis.engine.trace;

import java.util.Objects;

/**
 * What the trace is about, in one line: which saved request, sent how, by whom.
 *
 * @param name the saved request's name, or a description for an ad-hoc request
 * @param caller the caller's name, or {@code anonymous}
 * @param target {@code local} or {@code aws}
 */
public record RequestSummary(String name, String method, String url, String caller, String target) {
  public RequestSummary {
    Objects.requireNonNull(name, "request name");
    Objects.requireNonNull(method, "request method");
    Objects.requireNonNull(url, "request url");
    caller = caller == null || caller.isBlank() ? "anonymous" : caller;
    target = target == null || target.isBlank() ? "aws" : target;
  }

  /** e.g. {@code GET https://.../prod/me as alice}. */
  public String oneLine() {
    return method + " " + url + " as " + caller;
  }
}
