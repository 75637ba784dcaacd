package dev.portcullis.engine.idp.cognito;

import dev.portcullis.engine.idp.keys.KeyRing;
import dev.portcullis.engine.model.Emulator.AppClient;
import dev.portcullis.engine.model.Emulator.Group;
import dev.portcullis.engine.model.Emulator.UserPool;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One local user pool while it serves: its fixture, issuer URL, keys, users, sessions and refresh tokens. */
final class CognitoPool {

  /** Key purposes: Cognito signs ID and access tokens with different keys (spec §9.7). */
  static final String ID_KEY = "id";
  static final String ACCESS_KEY = "access";

  private final UserPool model;
  private final String issuer;
  private final KeyRing keys;
  private final Map<String, UserAccount> users = new LinkedHashMap<>();
  private final Sessions sessions = new Sessions();
  private final RefreshTokens refreshTokens = new RefreshTokens();

  CognitoPool(UserPool model, String issuer, String seed, CognitoSrpServer srpServer) {
    this.model = model;
    this.issuer = issuer;
    this.keys = new KeyRing(seed, "cognito/" + model.id(), List.of(ID_KEY, ACCESS_KEY));
    model.users().forEach(u -> users.put(u.username(), new UserAccount(u, model.poolName(), srpServer)));
  }

  UserPool model() {
    return model;
  }

  String issuer() {
    return issuer;
  }

  KeyRing keys() {
    return keys;
  }

  Sessions sessions() {
    return sessions;
  }

  RefreshTokens refreshTokens() {
    return refreshTokens;
  }

  Optional<AppClient> client(String clientId) {
    return model.clients().stream().filter(c -> c.clientId().equals(clientId)).findFirst();
  }

  /** The user, or Cognito's UserNotFoundException (this pool does not prevent user-existence errors, spec §9.1). */
  UserAccount user(String username) {
    UserAccount user = username == null ? null : users.get(username);
    if (user == null) {
      throw new CognitoError("UserNotFoundException", "User does not exist.");
    }
    return user;
  }

  /** The groups' {@code addScopes}: what a pre-token-generation trigger would add to the access token. */
  Set<String> groupScopes(UserAccount user) {
    Set<String> scopes = new LinkedHashSet<>();
    model.groups().stream().filter(g -> user.fixture().groups().contains(g.name()))
        .map(Group::addScopes).forEach(scopes::addAll);
    return scopes;
  }

  /** Whether a scope names a resource-server scope of this pool ({@code identifier/name}). */
  boolean isResourceServerScope(String scope) {
    return model.resourceServers().stream()
        .anyMatch(rs -> rs.scopes().stream().anyMatch(s -> (rs.identifier() + "/" + s).equals(scope)));
  }
}
