package dev.portcullis.engine.rules.jwt;

import static dev.portcullis.engine.rules.jwt.Tokens.K1;
import static dev.portcullis.engine.rules.jwt.Tokens.NOW;
import static dev.portcullis.engine.rules.jwt.Tokens.claims;
import static dev.portcullis.engine.rules.jwt.Tokens.es256;
import static dev.portcullis.engine.rules.jwt.Tokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tools' question to the JWT authoriser (apigw-facts §3): the gateway's verdict, and a JOSE line only when it is true. */
class TokenReportTest {
  private static final ECKey EC = Tokens.ec("e1");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private TestIssuer idp;
  private TokenAuthorizer authorizer;

  @BeforeEach
  void start() throws Exception {
    idp = new TestIssuer().publish(K1, EC);
    authorizer = TokenAuthorizer.create(JwksSource.http(clock), clock);
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  @Test
  void anUnknownIssuerOrAudienceIsRecordedAsNotComparedRatherThanRefused() {
    String token = rs256(K1, claims("https://somewhere.else/").audience("not-ours").build());
    TokenAuthorizer atUrl = TokenAuthorizer.create(JwksSource.jwksUrl(idp.jwksUri(), clock), clock);

    TokenReport report = atUrl.report(token, null, null);

    assertThat(report.verdict()).isInstanceOf(TokenVerdict.Accepted.class);
    assertThat(report.verdict().checks()).filteredOn(c -> c.id().equals("jwt.issuer") || c.id().equals("jwt.audience"))
        .extracting(TokenCheck::evidence).allMatch(e -> e.contains("not compared"));
  }

  @Test
  void es256IsRefusedAsTheGatewayDoesWithASecondLineSayingWhy() {
    TokenReport report = authorizer.report(es256(EC, "e1", claims(idp.issuer()).build()), idp.issuer(), null);

    assertThat(report.decidedBy()).isEqualTo("jwt.algorithm");
    assertThat(report.joseNote()).isEqualTo("a JOSE library would accept this; API Gateway's JWT authoriser does not, because "
        + "it accepts only RSA-based algorithms (apigw-facts §3) and this token is signed with ES256.");
  }

  @Test
  void noJoseLineWhenAJoseLibraryWouldRefuseTheTokenToo() {
    String expiredEs256 = es256(EC, "e1", claims(idp.issuer()).expirationTime(Date.from(NOW.minusSeconds(60))).build());
    String slashAndWrongKey = rs256(Tokens.rsa("k1"), claims(idp.issuer() + "/").build());

    assertThat(authorizer.report(expiredEs256, idp.issuer(), null).joseNote()).isEmpty();
    TokenReport other = authorizer.report(slashAndWrongKey, idp.issuer(), null);
    assertThat(other.decidedBy()).isEqualTo("jwt.signature");
    assertThat(other.joseNote()).isEmpty();
  }

  @Test
  void aTrailingSlashIsRefusedExactlyWithTheJoseLine() {
    TokenReport report = authorizer.report(rs256(K1, claims(idp.issuer() + "/").build()), idp.issuer(), null);

    assertThat(report.decidedBy()).isEqualTo("jwt.issuer");
    assertThat(report.joseNote()).contains("compares iss with the configured issuer exactly").contains(idp.issuer() + "/");
  }

  @Test
  void pastedKeysAreAJwksAJwkOrAPemKeyAndAnythingElseIsASentence() throws Exception {
    String token = rs256(K1, claims(idp.issuer()).build());

    for (String pasted : List.of(new JWKSet(K1.toPublicJWK()).toString(), K1.toPublicJWK().toJSONString(), pem())) {
      TokenReport report = TokenAuthorizer.create(JwksSource.pasted(pasted), clock).report(token, null, null);
      assertThat(report.verdict()).as(pasted).isInstanceOf(TokenVerdict.Accepted.class);
    }
    assertThatThrownBy(() -> JwksSource.pasted("not a key")).hasMessageStartingWith("The pasted key is not JSON");
  }

  private static String pem() throws Exception {
    byte[] der = K1.toRSAPublicKey().getEncoded();
    return "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END PUBLIC KEY-----";
  }
}
