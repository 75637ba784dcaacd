package dev.portcullis.engine.run;

/** POSIX shell quoting for generated commands. */
final class Shell {
  private Shell() {}

  /** {@code 'text'}, with embedded single quotes closed, escaped and reopened. */
  static String single(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /** {@code "literal$VARIABLE"}: the literal part escaped for double quotes, the variable expanded by the shell. */
  static String withVariable(String literal, String variable) {
    return "\"" + literal.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "$" + variable + "\"";
  }
}
