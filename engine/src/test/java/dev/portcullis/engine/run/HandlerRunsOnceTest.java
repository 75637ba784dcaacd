package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.engine.handler.Runtimes;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.HandlerFixtures;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A send to the local gateway runs the user's handler once: the gateway runs it, and the predictor
 * does not run it a second time (before, predictor and gateway each had a worker, so side effects
 * and console output doubled). Counted by the handler itself, in a file and in its module state.
 */
class HandlerRunsOnceTest {
  @TempDir Path tmp;

  @Test
  void eachLocalSendInvokesTheHandlerOnce() throws Exception {
    assumeTrue(Runtimes.onPath().find(Runtimes.Family.NODEJS) instanceof Runtimes.Found, "node is not installed");
    Path code = Files.createDirectories(tmp.resolve("counting"));
    Path calls = tmp.resolve("calls.txt");
    Files.writeString(code.resolve("index.js"), """
        const fs = require('fs');
        let calls = 0;
        exports.handler = async (event) => {
          calls++;
          fs.appendFileSync(process.env.CALLS_FILE, 'called\\n');
          const [arn, stage] = event.methodArn.split('/');
          return { principalId: 'p' + calls, context: { calls },
            policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${arn}/${stage}/*` }] } };
        };
        """);
    Workspace ws = HandlerFixtures.demoWithPartnerFunction(new LambdaFunction.Handler("counting", "nodejs20.x", code.toString(),
        "index.handler", Map.of("CALLS_FILE", new SecretRef.Literal(calls.toString())), 3, 128));
    try (Session session = Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      // two callers: two identity values, so the demo's 300 s authoriser cache does not answer the second
      Trace acme = session.run(partner("acme"), null, ChallengeHandler.none());
      Trace globex = session.run(partner("globex"), null, ChallengeHandler.none());
      assertThat(Files.readAllLines(calls)).as("one invocation per send").hasSize(2);
      assertThat(((Step.Context) acme.step(Step.Kind.CONTEXT).orElseThrow()).contextJson()).contains("\"calls\": \"1\"");
      Step predict = globex.step(Step.Kind.PREDICT).orElseThrow();
      assertThat(predict.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(predict.summary()).startsWith("Predicted from the gateway's run: the authoriser runs your handler index.handler");
      assertThat(globex.step(Step.Kind.RULING).orElseThrow().summary()).startsWith("Allowed by the local gateway");
    }
  }

  private static SavedRequest partner(String caller) {
    return new SavedRequest("partner as " + caller, null, null, "payments", "POST", "/partners/" + caller + "/transactions", Map.of(),
        Map.of("content-type", "application/json"), "{\"amount\": 1}", caller, Map.of(), null, null);
  }
}
