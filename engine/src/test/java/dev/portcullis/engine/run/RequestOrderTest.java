package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestOrderTest {
  private static SavedRequest req(String name, String... dependsOn) {
    return new SavedRequest(name, null, null, "payments", "GET", "/health", Map.of(), Map.of(), null, null, Map.of(), null, null,
        List.of(dependsOn));
  }

  private static Workspace with(SavedRequest... requests) throws Exception {
    Workspace demo = DemoWorkspace.load();
    return new Workspace(demo.schemaVersion(), demo.name(), null, demo.variables(), demo.defaultCaller(), demo.gateways(), demo.callers(),
        demo.folders(), List.of(requests), demo.environments(), demo.emulator());
  }

  @Test
  void theDemosCachedPolicyTrapDependsOnItsPost() throws Exception {
    Workspace demo = DemoWorkspace.load();
    SavedRequest trap = demo.request("transactions: cached-policy trap").orElseThrow();
    assertThat(RequestOrder.before(demo, trap)).extracting(SavedRequest::name).containsExactly("transactions as initech (POST)");
  }

  @Test
  void dependenciesComeFirstDeepestFirstEachOnceOtherwiseInTheGivenOrder() throws Exception {
    SavedRequest c = req("c", "b", "a");
    SavedRequest b = req("b", "a");
    SavedRequest a = req("a");
    SavedRequest d = req("d");
    Workspace ws = with(c, d, b, a);
    assertThat(RequestOrder.before(ws, c)).extracting(SavedRequest::name).containsExactly("a", "b");
    assertThat(RequestOrder.sorted(ws, ws.requests())).extracting(SavedRequest::name).containsExactly("a", "b", "c", "d");
    assertThat(RequestOrder.sorted(ws, List.of(d, c))).extracting(SavedRequest::name).containsExactly("d", "c");
  }

  @Test
  void aCircleOrAnUnknownNameIsASentence() throws Exception {
    Workspace circle = with(req("a", "b"), req("b", "a"));
    assertThatThrownBy(() -> RequestOrder.before(circle, circle.request("a").orElseThrow()))
        .hasMessageContaining("in a circle: a -> b -> a");
    Workspace unknown = with(req("a", "nope"));
    assertThatThrownBy(() -> RequestOrder.sorted(unknown, unknown.requests())).hasMessageContaining("request 'a' depends on 'nope'");
    assertThatThrownBy(() -> req("self", "self")).hasMessageContaining("depends on itself");
  }
}
