package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.matrix.CellResult;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixRunner;
import dev.portcullis.engine.matrix.MatrixSpec;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.Variables;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's {@code aws-dev} environment is a complete example that stops only where the user's AWS
 * account is needed, before anything goes on the network, with one sentence on what to fill in.
 */
class DemoAwsDevTest {
  private static Workspace demo;

  @BeforeAll
  static void load() throws Exception {
    demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
  }

  @Test
  void everySavedRequestStopsOnTheApiIdToFillInAndSendsNothing() {
    try (Session session = Session.remote(demo, "aws-dev", Clock.systemUTC(), (w, l) -> Optional.empty())) {
      for (SavedRequest r : demo.requests()) {
        Trace trace = session.run(r, null, ChallengeHandler.none());
        String variable = r.gateway() + "ApiId";
        assertThat(trace.verdict().result()).as(r.name()).isEqualTo(Verdict.Result.INCOMPLETE);
        assertThat(trace.verdict().sentence()).as(r.name())
            .contains("gateway '" + r.gateway() + "' baseUrl is an example still to be completed: set " + variable
                + " in environment aws-dev to the id of your " + r.gateway())
            .contains("get-")
            .doesNotContain("has no baseUrl").doesNotContain("fill in:");
        assertThat(trace.step(Step.Kind.ACQUIRE)).as("nothing is sent, not even a login").isEmpty();
        assertThat(trace.step(Step.Kind.SEND)).isEmpty();
      }
    }
  }

  @Test
  void theMatrixOnAwsDevIsAllErrorsWithTheSameSentence() {
    try (Session session = Session.remote(demo, "aws-dev", Clock.systemUTC(), (w, l) -> Optional.empty())) {
      Matrix matrix = MatrixRunner.create(session).run(MatrixSpec.all(), (d, t, c) -> { }, () -> false);

      assertThat(matrix.cells()).isNotEmpty().allSatisfy(c -> {
        assertThat(c.result()).isEqualTo(CellResult.ERROR);
        assertThat(c.trace().verdict().sentence()).contains("is an example still to be completed: set " + c.gateway() + "ApiId");
      });
    }
  }

  @Test
  void onceFilledInTheBaseUrlsAreExecuteApiUrlsOfEachApisRegionAndStage() {
    Variables filled = Variables.of(demo, "aws-dev", null, Map.of("paymentsApiId", "a1b2c3d4e5", "b2bApiId", "b2b0000001",
        "mobileApiId", "mob0000001"));
    Target.Remote aws = new Target.Remote();

    assertThat(aws.baseUrl(demo.gateway("payments").orElseThrow(), filled))
        .hasToString("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod");
    assertThat(aws.baseUrl(demo.gateway("b2b").orElseThrow(), filled)).hasToString("https://b2b0000001.execute-api.eu-west-1.amazonaws.com");
    assertThat(aws.baseUrl(demo.gateway("mobile").orElseThrow(), filled)).hasToString("https://mob0000001.execute-api.us-east-1.amazonaws.com");
  }
}
