package dev.portcullis.engine.importer;

/**
 * A source that cannot be imported at all: not a definition, unreadable, truncated, too large, or
 * of a kind Portcullis does not read (Terraform). The message is one sentence naming the file and,
 * where known, the line; nothing was written.
 */
public final class ImportException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImportException(String message) {
    super(message);
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
