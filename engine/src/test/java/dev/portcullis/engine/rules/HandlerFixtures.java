package dev.portcullis.engine.rules;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Workspace;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The demo with its partner gate running the user's own handler code (test resources under {@code handlers/}). */
public final class HandlerFixtures {
  private HandlerFixtures() {}

  /** A folder of {@code src/test/resources/handlers}. */
  public static Path handlerFolder(String name) {
    try {
      return Path.of(HandlerFixtures.class.getResource("/handlers/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The seed's Node.js partner gate. */
  public static LambdaFunction.Handler seedNode() {
    return new LambdaFunction.Handler("partner-gate", "nodejs20.x", handlerFolder("seed-node").toString(), "index.handler",
        Map.of(), 3, 128);
  }

  /** The demo, the payments gateway's Lambda authoriser running {@code function} instead of the demo's rules. */
  public static Workspace demoWithPartnerFunction(LambdaFunction function) {
    Workspace demo = PipelineFixtures.demo();
    Gateway payments = PipelineFixtures.gateway(demo, "payments");
    List<Authorizer> authorizers = payments.authorizers().stream().map(a -> a instanceof Authorizer.Lambda l
        ? new Authorizer.Lambda(l.name(), l.eventType(), l.identitySources(), l.validationRegex(), l.ttlSeconds(),
            l.payloadFormat(), l.simpleResponses(), function) : a).toList();
    Gateway gw = new Gateway(payments.name(), payments.flavor(), payments.region(), payments.accountId(),
        payments.apiId(), payments.stage(), payments.baseUrl(), payments.localPort(), payments.apiKeySource(), payments.routes(),
        authorizers, payments.usagePlans(), payments.resourcePolicy());
    return new Workspace(demo.schemaVersion(), demo.name(), demo.description(), demo.variables(),
        demo.defaultCaller(), demo.gateways().stream().map(g -> g.name().equals(gw.name()) ? gw : g).toList(), demo.callers(), demo.folders(), demo.requests(), demo.environments(),
        demo.emulator());
  }
}
