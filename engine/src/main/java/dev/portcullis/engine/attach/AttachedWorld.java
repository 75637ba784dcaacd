package dev.portcullis.engine.attach;

import dev.portcullis.engine.idp.LocalIdentityProviders;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.send.Exchange;
import dev.portcullis.engine.send.HttpExchanger;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.store.Json;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local world running in another process ({@code gateway serve}), as this process sees it: the
 * URLs its record names, its rulings read from its {@code /_portcullis/rulings/{id}} endpoint, and
 * {@code local:tokens} recipes minted here with the workspace's derived keys for the running
 * world's issuer URLs, so its gateway accepts them as its own.
 */
public final class AttachedWorld implements AutoCloseable {
  private final WorldRecord record;
  private final HttpExchanger exchanger = HttpExchanger.create(Duration.ofSeconds(5));
  private final LocalIdentityProviders minter;

  private AttachedWorld(WorldRecord record, LocalIdentityProviders minter) {
    this.record = record;
    this.minter = minter;
  }

  public static AttachedWorld of(Workspace workspace, WorldRecord record, Clock clock) {
    try {
      return new AttachedWorld(record, LocalIdentityProviders.builder(workspace.emulator(), clock, new SecureRandom())
          .offline(URI.create(record.idpBaseUrl())));
    } catch (IOException e) {
      throw new IllegalStateException("the local identity providers' keys could not be derived: " + e.getMessage(), e);
    }
  }

  public WorldRecord record() {
    return record;
  }

  /** Where a gateway answers in the running world. */
  public URI apiUrl(Gateway gateway) {
    String url = record.apis().get(gateway.name());
    if (url == null) {
      throw new IllegalArgumentException("the running world (" + record.describe() + ") serves no gateway '" + gateway.name()
          + "'; it was started from an older copy of the workspace: restart gateway serve");
    }
    return URI.create(url);
  }

  public Map<String, String> runtimeVariables() {
    return Map.of("idpBaseUrl", record.idpBaseUrl());
  }

  /** The running gateway's ruling for a request id, or empty when it has none (or cannot be asked). */
  public Optional<Ruling> ruling(String requestId) {
    if (record.apis().isEmpty()) {
      return Optional.empty();
    }
    URI api = URI.create(record.apis().values().iterator().next());
    URI url = api.resolve("/_portcullis/rulings/" + java.net.URLEncoder.encode(requestId, java.nio.charset.StandardCharsets.UTF_8));
    Exchange exchange = exchanger.send(new OutgoingRequest("GET", url, null, null));
    if (!(exchange instanceof Exchange.Answered answered) || answered.status() != 200) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(Json.mapper().readValue(answered.body(), Map.class)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Mints a {@code local:tokens/NAME} recipe as the running world would. */
  public String mintRecipe(String name) {
    return minter.mintRecipe(name);
  }

  @SuppressWarnings("unchecked")
  static Ruling parse(Map<String, Object> json) {
    Map<String, Object> outcome = (Map<String, Object>) json.get("outcome");
    int status = ((Number) outcome.get("status")).intValue();
    Map<String, String> headers = outcome.get("headers") == null ? Map.of() : (Map<String, String>) outcome.get("headers");
    String body = (String) outcome.get("body");
    Ruling.Outcome result = Boolean.TRUE.equals(outcome.get("allowed"))
        ? new Ruling.Outcome.Allowed(status, headers, body)
        : new Ruling.Outcome.Denied(status, (String) outcome.get("gatewayResponseType"), (String) outcome.get("errorType"), body, headers,
            (String) outcome.get("decidedBy"));
    List<Ruling.Check> checks = ((List<Map<String, Object>>) json.getOrDefault("checks", List.of())).stream()
        .map(c -> new Ruling.Check((String) c.get("id"), Boolean.TRUE.equals(c.get("passed")), String.valueOf(c.get("evidence")))).toList();
    String received = (String) json.get("receivedAt");
    String flavor = (String) json.get("flavor");
    return new Ruling((String) json.get("requestId"), received == null ? null : Instant.parse(received), (String) json.get("gateway"),
        flavor == null ? null : Gateway.Flavor.valueOf(flavor), (String) json.get("method"), (String) json.get("path"),
        (String) json.get("routeKey"), result, checks, (Map<String, Object>) json.get("integrationEvent"));
  }

  @Override
  public void close() {
    minter.close();
  }
}
