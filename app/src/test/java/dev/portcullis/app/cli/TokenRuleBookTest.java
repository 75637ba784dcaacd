package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.trace.TokenInspection;
import dev.portcullis.engine.trace.token.TokenLab;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One token rule book (issue 11): the gateway (the demo's b2b HTTP API and its JWT authoriser),
 * the token lab and {@code portcullis token verify} give each token the same verdict and the same
 * deciding check, because all three ask the rule book's JWT authoriser (apigw-facts §3). Where a
 * generic JOSE library would accept what API Gateway refuses, the lab and the CLI say so on a
 * second line, never as the verdict.
 */
class TokenRuleBookTest {
  private static final String AUDIENCE = "payments.example.com";
  private static final Clock CLOCK = Clock.systemUTC();
  private static HttpServer idp;
  private static String issuer;
  private static RSAKey rsa;
  private static RSAKey unpublished;
  private static ECKey ec;

  @BeforeAll
  static void identityProvider() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    unpublished = new RSAKeyGenerator(2048).keyID("rsa-1").generate(); // same kid, another key
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + idp.getAddress().getPort();
    issuer = base + "/oidc/bank";
    serve("/oidc/bank/.well-known/openid-configuration", "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks.json\"}");
    serve("/oidc/bank/jwks.json", new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
    idp.start();
  }

  @AfterAll
  static void stop() {
    idp.stop(0);
  }

  private static void serve(String path, String body) {
    idp.createContext(path, exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
  }

  /** name, token, the deciding check ("" = accepted), whether a JOSE library would accept it. */
  static Stream<Arguments> tokens() {
    return Stream.of(
        Arguments.of("RS256, all good", rs256(c -> c), "", false),
        Arguments.of("iss without trailing slash (as configured)", rs256(c -> c.issuer(issuer)), "", false),
        Arguments.of("iss with a trailing slash", rs256(c -> c.issuer(issuer + "/")), "jwt.issuer", true),
        Arguments.of("aud as a string", rs256(c -> c.audience(AUDIENCE)), "", false),
        Arguments.of("aud as an array", rs256(c -> c.audience(List.of("other.example.com", AUDIENCE))), "", false),
        Arguments.of("ES256 with a published EC key", sign(uncheck(() -> new ECDSASigner(ec)), JWSAlgorithm.ES256, "ec-1", claims(c -> c)),
            "jwt.algorithm", true),
        Arguments.of("HS256", sign(uncheck(() -> new MACSigner(new byte[32])), JWSAlgorithm.HS256, "rsa-1", claims(c -> c)),
            "jwt.algorithm", false),
        Arguments.of("alg none", new PlainJWT(new PlainHeader(), claims(c -> c)).serialize(), "jwt.algorithm", false),
        Arguments.of("expired", rs256(c -> c.expirationTime(at(Duration.ofMinutes(-5))).issueTime(at(Duration.ofHours(-1)))),
            "jwt.expiry", false),
        Arguments.of("nbf in the future", rs256(c -> c.notBeforeTime(at(Duration.ofMinutes(10)))), "jwt.expiry", false),
        Arguments.of("unknown kid", sign(signer(rsa), JWSAlgorithm.RS256, "rotated-away", claims(c -> c)), "jwt.kid", false),
        Arguments.of("wrong key (published kid, another key)", sign(signer(unpublished), JWSAlgorithm.RS256, "rsa-1", claims(c -> c)),
            "jwt.signature", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokens")
  void theGatewayTheTokenLabAndTokenVerifyAgree(String name, String token, String decidedBy, boolean joseAccepts) throws Exception {
    Ruling gateway = gateway(token);
    TokenInspection lab = TokenLab.create(CLOCK).verifyWithIssuer(token, issuer);
    Cli verify = Cli.run("token", "verify", token, "--issuer", issuer, "--audience", AUDIENCE);

    if (decidedBy.isEmpty()) {
      assertThat(gateway.allowed()).as("gateway: " + gateway.checks()).isTrue();
      assertThat(lab.decidedBy()).as("lab: " + lab.signatureNote()).isEmpty();
      assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
      assertThat(verify.out()).contains("valid (keys from");
    } else {
      assertThat(gateway.allowed()).isFalse();
      assertThat(gateway.decidedBy()).as("gateway: " + gateway.checks()).isEqualTo(decidedBy);
      assertThat(lab.decidedBy()).as("lab: " + lab.signatureNote()).isEqualTo(decidedBy);
      assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(1);
      assertThat(verify.out()).contains("NOT valid (decided by " + decidedBy + ")");
    }
    String second = "a JOSE library would accept this; API Gateway's JWT authoriser does not, because ";
    if (joseAccepts) {
      assertThat(lab.joseNote()).startsWith(second);
      assertThat(verify.out()).contains(second);
    } else {
      assertThat(lab.joseNote()).isEmpty();
      assertThat(verify.out()).doesNotContain("a JOSE library would accept");
    }
  }

  private static Ruling gateway(String token) throws Exception {
    Workspace demo = DemoWorkspace.load();
    Pipeline pipeline = Pipeline.builder(demo).clock(CLOCK)
        .runtimeVariables(Map.of("idpBaseUrl", issuer.replace("/oidc/bank", ""))).build();
    IncomingRequest request = new IncomingRequest("POST", "/b2b/settlements", null,
        HeaderList.of("Host", "b2b.local", "Authorization", "Bearer " + token, "Content-Type", "application/json"),
        "{}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", CLOCK.instant());
    return pipeline.decide(request, demo.gateways().stream().filter(g -> g.name().equals("b2b")).findFirst().orElseThrow());
  }

  private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("bank").audience(AUDIENCE)
        .claim("scope", "settlements:write").issueTime(at(Duration.ZERO)).expirationTime(at(Duration.ofHours(1)));
    return change.apply(claims).build();
  }

  private static String rs256(UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(signer(rsa), JWSAlgorithm.RS256, "rsa-1", claims(change));
  }

  private static JWSSigner signer(RSAKey key) {
    return uncheck(() -> new RSASSASigner(key));
  }

  private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
    uncheck(() -> {
      jwt.sign(signer);
      return jwt;
    });
    return jwt.serialize();
  }

  private static Date at(Duration fromNow) {
    return Date.from(Instant.now(CLOCK).plus(fromNow).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  private interface Jose<T> {
    T get() throws JOSEException;
  }

  private static <T> T uncheck(Jose<T> action) {
    try {
      return action.get();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
