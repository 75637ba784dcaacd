package dev.portcullis.engine.rules.jwt;

import java.util.Objects;

/**
 * One check made, in order, with what it compared.
 *
 * @param id a stable check id such as {@code jwt.audience} or {@code jwks.fetch}
 * @param passed whether the token got past this check
 * @param evidence what was compared, e.g. {@code token aud [a, b] contains none of [payments.example.com]}
 */
public record TokenCheck(String id, boolean passed, String evidence) {
  public TokenCheck {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(evidence, "evidence");
  }
}
