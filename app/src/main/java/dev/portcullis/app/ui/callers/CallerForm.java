package dev.portcullis.app.ui.callers;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.SecretRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One form per caller kind: the caller's fields as editable strings, and the caller rebuilt from them. */
final class CallerForm {
  private CallerForm() {}

  /** How a field is edited: free text, a secret reference, or one of {@code choices}. */
  enum Kind { TEXT, SECRET, CHOICE, READ_ONLY }

  /** One field of the form. */
  record Field(String key, String label, Kind kind, StringProperty value, List<String> choices) {
    static Field text(String key, String label, String value) {
      return new Field(key, label, Kind.TEXT, new SimpleStringProperty(value == null ? "" : value), List.of());
    }

    static Field secret(String key, String label, SecretRef ref) {
      return new Field(key, label, Kind.SECRET, new SimpleStringProperty(ref == null ? "" : ref.text()), List.of());
    }

    static Field choice(String key, String label, Enum<?> value) {
      List<String> names = Arrays.stream(value.getDeclaringClass().getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
      return new Field(key, label, Kind.CHOICE, new SimpleStringProperty(value.name()), names);
    }

    static Field readOnly(String key, String label, String value) {
      return new Field(key, label, Kind.READ_ONLY, new SimpleStringProperty(value), List.of());
    }
  }

  static List<Field> fields(Caller caller) {
    List<Field> fields = new ArrayList<>(List.of(Field.text("description", "Description", caller.description())));
    switch (caller) {
      case Caller.CognitoUser u -> fields.addAll(List.of(Field.text("userPoolId", "User pool id", u.userPoolId()),
          Field.text("clientId", "App client id", u.clientId()), Field.secret("clientSecret", "Client secret", u.clientSecret()),
          Field.text("username", "Username", u.username()), Field.secret("password", "Password", u.password()),
          Field.choice("flow", "Login flow", u.flow()), Field.choice("token", "Token sent", u.token()),
          Field.text("endpoint", "Endpoint", u.endpoint()), Field.secret("mfaSecret", "TOTP secret", u.mfaSecret())));
      case Caller.OidcClient o -> fields.addAll(List.of(Field.text("issuer", "Issuer", o.issuer()),
          Field.text("clientId", "Client id", o.clientId()), Field.secret("clientSecret", "Client secret", o.clientSecret()),
          Field.choice("clientAuth", "Client auth", o.clientAuth()), Field.secret("privateKey", "Private key", o.privateKey()),
          Field.text("scopes", "Scopes", String.join(" ", o.scopes())), Field.text("audience", "Audience", o.audience())));
      case Caller.Iam i -> {
        fields.add(Field.text("region", "Region", i.region()));
        if (i.credentials() instanceof CredentialSource.StaticKeys k) {
          fields.addAll(List.of(Field.text("accessKeyId", "Access key id", k.accessKeyId()),
              Field.secret("secretAccessKey", "Secret access key", k.secretAccessKey()),
              Field.secret("sessionToken", "Session token", k.sessionToken())));
        } else {
          fields.add(Field.readOnly("credentials", "Credentials", i.credentials().toString()));
        }
      }
      case Caller.ApiKey k -> fields.addAll(List.of(Field.secret("apiKey", "API key", k.apiKey()),
          Field.text("headers", "Extra headers", k.headers().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
              .reduce((a, b) -> a + "; " + b).orElse(""))));
      case Caller.CustomToken t -> fields.addAll(List.of(Field.secret("token", "Token", t.token()),
          Field.text("header", "Header", t.header()), Field.text("prefix", "Prefix", t.prefix())));
      case Caller.Anonymous a -> { }
    }
    return fields;
  }

  /**
   * The caller the form describes now.
   *
   * @throws IllegalArgumentException naming the field, when a secret field holds a literal or a required field is empty
   */
  static Caller build(Caller before, List<Field> fields) {
    Map<String, String> v = new LinkedHashMap<>();
    fields.forEach(f -> v.put(f.key(), f.value().get() == null ? "" : f.value().get().strip()));
    String d = blank(v.get("description"));
    return switch (before) {
      case Caller.CognitoUser u -> new Caller.CognitoUser(u.name(), d, v.get("userPoolId"), v.get("clientId"), ref(v, "clientSecret"),
          v.get("username"), ref(v, "password"), Caller.CognitoFlow.valueOf(v.get("flow")), Caller.TokenUse.valueOf(v.get("token")),
          blank(v.get("endpoint")), ref(v, "mfaSecret"));
      case Caller.OidcClient o -> new Caller.OidcClient(o.name(), d, v.get("issuer"), v.get("clientId"), ref(v, "clientSecret"),
          Caller.ClientAuth.valueOf(v.get("clientAuth")), ref(v, "privateKey"),
          v.get("scopes").isBlank() ? List.of() : List.of(v.get("scopes").split("[\\s,]+")), blank(v.get("audience")));
      case Caller.Iam i -> new Caller.Iam(i.name(), d, i.credentials() instanceof CredentialSource.StaticKeys
          ? new CredentialSource.StaticKeys(v.get("accessKeyId"), ref(v, "secretAccessKey"), ref(v, "sessionToken")) : i.credentials(),
          blank(v.get("region")));
      case Caller.ApiKey k -> new Caller.ApiKey(k.name(), d, required(ref(v, "apiKey"), "API key"), headers(v.get("headers")));
      case Caller.CustomToken t -> new Caller.CustomToken(t.name(), d, required(ref(v, "token"), "Token"), blank(v.get("header")),
          v.get("prefix"));
      case Caller.Anonymous a -> new Caller.Anonymous(a.name(), d);
    };
  }

  /** A secret field's reference; a literal is refused, so a secret never reaches the workspace file. */
  private static SecretRef ref(Map<String, String> v, String key) {
    String text = v.get(key);
    if (text == null || text.isEmpty()) {
      return null;
    }
    SecretRef ref = SecretRef.parse(text);
    if (ref.isLiteral()) {
      throw new IllegalArgumentException(key + " holds a value, not a reference: use env:NAME, file:PATH, keychain:NAME, prompt"
          + " or local:KEY, so the secret itself is never saved in the workspace");
    }
    return ref;
  }

  private static SecretRef required(SecretRef ref, String label) {
    if (ref == null) {
      throw new IllegalArgumentException(label + " needs a reference (env:NAME, file:PATH, keychain:NAME or prompt)");
    }
    return ref;
  }

  private static Map<String, String> headers(String text) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String pair : text.split(";")) {
      int colon = pair.indexOf(':');
      if (colon > 0) {
        headers.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
      }
    }
    return headers;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
