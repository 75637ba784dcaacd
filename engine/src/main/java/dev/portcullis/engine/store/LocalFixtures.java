package dev.portcullis.engine.store;

import dev.portcullis.engine.model.Emulator;
import java.util.Optional;

/** {@code local:} references: secrets of the emulated world, found in the emulator section. */
final class LocalFixtures {
  private LocalFixtures() {}

  static Optional<String> lookup(Emulator emulator, String key) {
    String[] parts = key.split("/");
    if (parts.length < 2) {
      return Optional.empty();
    }
    String id = parts[1];
    return switch (parts[0]) {
      case "users" -> emulator.userPools().stream().flatMap(p -> p.users().stream())
          .filter(u -> u.username().equals(id)).findFirst()
          .map(u -> parts.length > 2 && parts[2].equals("totp") ? u.totpSecret() : u.password());
      case "clients" -> emulator.userPools().stream().flatMap(p -> p.clients().stream())
          .filter(c -> c.clientId().equals(id)).map(Emulator.AppClient::clientSecret).findFirst()
          .or(() -> emulator.oidcIssuers().stream().flatMap(i -> i.clients().stream())
              .filter(c -> c.clientId().equals(id)).map(Emulator.OidcClientFixture::clientSecret).findFirst());
      case "access-keys" -> emulator.accessKeys().stream().filter(k -> k.accessKeyId().equals(id)).findFirst()
          .map(k -> parts.length > 2 && parts[2].equals("session-token") ? k.sessionToken() : k.secretAccessKey());
      case "api-keys" -> emulator.apiKeys().stream().filter(k -> k.id().equals(id)).map(Emulator.ApiKeyFixture::value).findFirst();
      default -> Optional.empty();
    };
  }
}
