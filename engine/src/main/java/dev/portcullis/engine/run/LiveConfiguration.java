package dev.portcullis.engine.run;

import dev.portcullis.engine.model.Gateway;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deployed configuration of a gateway next to the workspace's, for a trace against AWS: one
 * sentence per difference ("authoriser partner-gate: the workspace says TTL 300; AWS says 0"), or
 * one saying why it could not be read. The live importer's reader implements it
 * ({@code importer.live.LiveDrift}); without an AWS profile there is {@link #NONE}.
 */
@FunctionalInterface
public interface LiveConfiguration {
  LiveConfiguration NONE = (gateway, url) -> List.of();

  List<String> differences(Gateway gateway, URI url);

  /** Reads each gateway once per session: the control plane is not asked again for every send. */
  static LiveConfiguration once(LiveConfiguration live) {
    Map<String, List<String>> read = new ConcurrentHashMap<>();
    return (gateway, url) -> read.computeIfAbsent(gateway.name() + " " + url.getHost(), k -> List.copyOf(live.differences(gateway, url)));
  }
}
