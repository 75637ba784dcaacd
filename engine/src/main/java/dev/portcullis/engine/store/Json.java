package dev.portcullis.engine.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.SecretRef;
import java.io.IOException;

/**
 * The one JSON mapper of Portcullis. Domain records carry no Jackson annotations: the file format
 * is defined here, with mix-ins for the sealed families' type names and explicit (de)serializers
 * for secret references and IAM policies, so the format cannot drift by accident.
 *
 * <p>Output is diff-friendly: 2-space indent, {@code "key": value}, record components in
 * declaration order, map keys sorted, empty and null values left out, a final newline.
 */
public final class Json {
  private static final ObjectMapper MAPPER = build();
  private static final ObjectWriter WRITER = MAPPER.writer(printer());

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The pretty writer every file Portcullis writes goes through. */
  public static ObjectWriter writer() {
    return WRITER;
  }

  /** Serialises a value the way files are written, with a trailing newline. */
  public static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("could not serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** {@code text} as a JSON object, or empty when it is not one (a body that may or may not be JSON). */
  @SuppressWarnings("unchecked")
  public static java.util.Optional<java.util.Map<String, Object>> readObject(String text) {
    try {
      Object value = MAPPER.readValue(text, Object.class);
      return value instanceof java.util.Map<?, ?> map ? java.util.Optional.of((java.util.Map<String, Object>) map)
          : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private static ObjectMapper build() {
    SimpleModule module = new SimpleModule("portcullis-format");
    module.addSerializer(SecretRef.class, new SecretRefSerializer());
    module.addDeserializer(SecretRef.class, new SecretRefDeserializer());
    module.addSerializer(PolicyDocument.class, new PolicyJson.Serializer());
    module.addDeserializer(PolicyDocument.class, new PolicyJson.Deserializer());
    // Jackson's default buffer pool is per thread; the gateway answers each request on a new virtual
    // thread, so every event written allocated its buffers afresh (a third of the gateway's garbage
    // under load, issue 19). One pool shared by all threads reuses them.
    JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
    return JsonMapper.builder(factory)
        .addModule(module)
        .addMixIn(Authorizer.class, AuthorizerMixin.class)
        .addMixIn(LambdaFunction.class, LambdaFunctionMixin.class)
        .addMixIn(Integration.class, IntegrationMixin.class)
        .addMixIn(Caller.class, CallerMixin.class)
        .addMixIn(CredentialSource.class, CredentialSourceMixin.class)
        .serializationInclusion(JsonInclude.Include.NON_EMPTY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        // a parse error must never quote the file (a workspace may be a link to /etc/shadow)
        .disable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }

  private static DefaultPrettyPrinter printer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withSeparators(separators);
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Authorizer.Cognito.class, name = "cognito"),
    @JsonSubTypes.Type(value = Authorizer.Jwt.class, name = "jwt"),
    @JsonSubTypes.Type(value = Authorizer.Lambda.class, name = "lambda")
  })
  abstract static class AuthorizerMixin {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = LambdaFunction.Rules.class, name = "rules"),
    @JsonSubTypes.Type(value = LambdaFunction.Command.class, name = "command"),
    @JsonSubTypes.Type(value = LambdaFunction.Handler.class, name = "handler"),
    @JsonSubTypes.Type(value = LambdaFunction.Invoke.class, name = "invoke")
  })
  abstract static class LambdaFunctionMixin {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Integration.Echo.class, name = "echo"),
    @JsonSubTypes.Type(value = Integration.Http.class, name = "http"),
    @JsonSubTypes.Type(value = Integration.Mock.class, name = "mock")
  })
  abstract static class IntegrationMixin {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Caller.CognitoUser.class, name = "cognito-user"),
    @JsonSubTypes.Type(value = Caller.OidcClient.class, name = "oidc-client"),
    @JsonSubTypes.Type(value = Caller.Iam.class, name = "iam"),
    @JsonSubTypes.Type(value = Caller.ApiKey.class, name = "api-key"),
    @JsonSubTypes.Type(value = Caller.CustomToken.class, name = "custom-token"),
    @JsonSubTypes.Type(value = Caller.Anonymous.class, name = "anonymous")
  })
  abstract static class CallerMixin {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = CredentialSource.DefaultChain.class, name = "default-chain"),
    @JsonSubTypes.Type(value = CredentialSource.Profile.class, name = "profile"),
    @JsonSubTypes.Type(value = CredentialSource.StaticKeys.class, name = "static"),
    @JsonSubTypes.Type(value = CredentialSource.AssumeRole.class, name = "assume-role")
  })
  abstract static class CredentialSourceMixin {}

  private static final class SecretRefSerializer extends JsonSerializer<SecretRef> {
    @Override
    public void serialize(SecretRef value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.text());
    }
  }

  private static final class SecretRefDeserializer extends JsonDeserializer<SecretRef> {
    private static String kind(com.fasterxml.jackson.core.JsonToken token) {
      return switch (token) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
        case VALUE_TRUE, VALUE_FALSE -> "true or false";
        case START_OBJECT -> "an object";
        case START_ARRAY -> "a list";
        default -> "null";
      };
    }

    @Override
    public SecretRef deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
        // apiKey: 5 is no reference: say so rather than take the number as a literal secret
        throw com.fasterxml.jackson.databind.exc.MismatchedInputException.from(p, SecretRef.class,
            "a secret reference must be a string such as \"env:NAME\" or \"local:KEY\", not " + kind(p.currentToken()));
      }
      return SecretRef.parse(p.getValueAsString());
    }
  }
}
