package dev.portcullis.app.cli;

import picocli.CommandLine.Option;

/** {@code --no-attach}: start an in-process world even when {@code gateway serve} runs one for the workspace. */
final class AttachOption {
  @Option(names = "--no-attach", description = "Start a fresh local world in this process, even when 'gateway serve' runs one.")
  boolean noAttach;
}
