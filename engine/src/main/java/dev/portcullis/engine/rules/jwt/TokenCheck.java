package dev.portcullis.engine.rules.jwt;

/**
 * One check a token verifier made, e.g. {@code jwt.audience}.
 *
 * <p>TODO(merge h/jwt): a copy of the agreed contract so the pipeline compiles before the JWT
 * verifier lands; the h/jwt merge replaces this file with its own, identical in shape.
 */
public record TokenCheck(String id, boolean passed, String evidence) {}
