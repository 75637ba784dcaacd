package dev.portcullis.engine.trace;

/**
 * How sure the spec is about a fact (spec §0): the explainer shows this next to every catalogue row
 * so a user can tell documented behaviour from observed behaviour.
 */
public enum Evidence {
  /** Official AWS developer guide text. */
  DOC,
  /** Official AWS API model or reference text. */
  API,
  /** AWS Knowledge Center or re:Post official article. */
  KC,
  /** AWS-owned client code. */
  SDK,
  /** Third-party observation: likely, not guaranteed. */
  OBS,
  /** Another emulator's behaviour: a cross-check, not authoritative. */
  EMU
}
