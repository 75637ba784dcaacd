package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The trace's ruling step says what a browser would see: a REST 401 without CORS headers is a CORS
 * error in the page (spec §1.1: gateway responses carry only the headers they are given).
 */
class BrowserViewTraceTest {

  @Test
  void aRest401WithoutCorsHeadersReadsAsACorsErrorInTheBrowser() throws Exception {
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    List<Gateway> gateways = demo.gateways().stream().map(g -> {
      Gateway.Builder b = g.newBuilder().localPort(0);
      return g.name().equals("payments")
          ? b.cors(new Gateway.Cors(List.of("*"), List.of("GET"), List.of("Authorization"), null, null, false)).build()
          : b.build();
    }).toList();
    Workspace ws = demo.newBuilder().gateways(gateways).build();
    SavedRequest fromPage = SavedRequest.builder("me from a page", "payments", "GET", "/me").caller("anonymous")
        .headers(Map.of("Origin", "https://app.example.com")).build();

    try (Session session = Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      Trace trace = session.run(fromPage, null, ChallengeHandler.none());
      Step.Ruling ruling = trace.steps().stream().filter(Step.Ruling.class::isInstance).map(Step.Ruling.class::cast)
          .findFirst().orElseThrow();
      assertThat(ruling.outcome()).isEqualTo(Outcome.WARN);
      assertThat(ruling.summary()).startsWith("Denied 401 UNAUTHORIZED")
          .contains("In a browser: a browser page at https://app.example.com would not see this 401 UNAUTHORIZED")
          .contains("CORS error instead");
    }
  }
}
