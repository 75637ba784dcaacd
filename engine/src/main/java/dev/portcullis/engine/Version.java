package dev.portcullis.engine;

/** The engine's version, read from the jar manifest (development builds say so). */
public final class Version {
  private Version() {}

  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0-SNAPSHOT (development build)";
  }
}
