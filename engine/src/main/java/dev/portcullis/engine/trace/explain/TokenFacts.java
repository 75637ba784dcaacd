package dev.portcullis.engine.trace.explain;

import dev.portcullis.engine.trace.TokenInspection;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the inspected token says that can contradict a cause: when it expires, against when it was
 * sent (the caller's clock, injected; the explainer stays pure).
 *
 * @param expiresAt the token's {@code exp}; null when it has none or could not be read
 * @param sentAt when the request went out
 */
public record TokenFacts(Instant expiresAt, Instant sentAt) {
  /** Cognito and most issuers allow no leeway; a minute keeps a token that expires as it travels out of "contradicts". */
  static final Duration MARGIN = Duration.ofMinutes(1);

  public TokenFacts {
    Objects.requireNonNull(sentAt, "sentAt");
  }

  /** From the Inspect step's token; null when there was no token. */
  public static TokenFacts of(TokenInspection token, Instant sentAt) {
    return token == null ? null : new TokenFacts(token.expiresAt(), sentAt);
  }

  /** How long the token still had when sent, when that is clearly more than nothing; null otherwise. */
  Duration leftWhenSent() {
    if (expiresAt == null) {
      return null;
    }
    Duration left = Duration.between(sentAt, expiresAt);
    return left.compareTo(MARGIN) > 0 ? left : null;
  }
}
