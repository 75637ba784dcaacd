package dev.portcullis.engine.run;

import dev.portcullis.engine.gateway.LocalWorld;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.store.Variables;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Where requests go: the embedded local gateway, or the APIs' real base URLs on AWS. */
public sealed interface Target {
  /** The base URL of a gateway's stage (no trailing slash). */
  URI baseUrl(Gateway gateway, Variables variables);

  /** Values only the target knows, over every other variable layer. */
  Map<String, String> runtimeVariables();

  /** The server-side ruling for a request id, where the target keeps them. */
  Optional<Ruling> ruling(String requestId);

  String describe();

  /** The local world: gateway and identity providers on loopback. */
  record Local(LocalWorld world) implements Target {
    public URI baseUrl(Gateway gateway, Variables variables) {
      return world.apiUrls().get(gateway.name());
    }

    public Map<String, String> runtimeVariables() {
      return world.runtimeVariables();
    }

    public Optional<Ruling> ruling(String requestId) {
      return world.gateway().rulings(requestId);
    }

    public String describe() {
      return "local gateway";
    }
  }

  /** A local world running in another process ({@code gateway serve}), found by its record. */
  record Attached(dev.portcullis.engine.attach.AttachedWorld world) implements Target {
    public URI baseUrl(Gateway gateway, Variables variables) {
      return world.apiUrl(gateway);
    }

    public Map<String, String> runtimeVariables() {
      return world.runtimeVariables();
    }

    public Optional<Ruling> ruling(String requestId) {
      return world.ruling(requestId);
    }

    public String describe() {
      return "local gateway (pid " + world.record().pid() + ")";
    }
  }

  /**
   * Real AWS (or any deployed gateway): each gateway's {@code baseUrl}, variables resolved; with
   * {@code live}, the deployed configuration is read beside the workspace's.
   */
  record Remote(LiveConfiguration live) implements Target {
    public Remote {
      live = live == null ? LiveConfiguration.NONE : live;
    }

    public Remote() {
      this(LiveConfiguration.NONE);
    }

    public URI baseUrl(Gateway gateway, Variables variables) {
      if (gateway.baseUrl() == null) {
        throw new IllegalArgumentException("gateway '" + gateway.name() + "' has no baseUrl, so it can only be called on the"
            + " local gateway; set baseUrl (e.g. https://{apiId}.execute-api.{region}.amazonaws.com/{stage})");
      }
      return URI.create(variables.apply(gateway.baseUrl(), "gateway '" + gateway.name() + "' baseUrl").replaceAll("/+$", ""));
    }

    public Map<String, String> runtimeVariables() {
      return Map.of();
    }

    public Optional<Ruling> ruling(String requestId) {
      return Optional.empty();
    }

    public String describe() {
      return "AWS";
    }
  }
}
