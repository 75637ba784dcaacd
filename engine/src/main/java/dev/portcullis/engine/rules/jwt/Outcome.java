package dev.portcullis.engine.rules.jwt;

/** The result of one comparison, before it is given a check id. */
record Outcome(boolean passed, String evidence) {
  static Outcome pass(String evidence) {
    return new Outcome(true, evidence);
  }

  static Outcome fail(String evidence) {
    return new Outcome(false, evidence);
  }
}
