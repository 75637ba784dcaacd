package dev.portcullis.engine.trace;

/**
 * What the rule book said the gateway would answer, in the terms the explainer compares.
 *
 * @param status the predicted HTTP status (2xx for an allow)
 * @param decidedBy the check that decided, e.g. {@code lambda.policy}; null if unknown
 * @param responseType the gateway response type (spec §1.1 name) for a deny; null for an allow
 */
public record Prediction(int status, String decidedBy, String responseType) {
  public Prediction {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("predicted status " + status + " is not an HTTP status");
    }
  }

  public boolean allows() {
    return status >= 200 && status < 300;
  }
}
