package dev.portcullis.engine.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.store.DemoWorkspace;
import org.junit.jupiter.api.Test;

class AdvisorDemoTest {
  @Test
  void dump() throws Exception {
    Advice a = Advisor.create().advise(DemoWorkspace.load());
    a.routes().forEach(System.out::println);
    a.callers().forEach(System.out::println);
    a.findings().forEach(System.out::println);
    a.costs().forEach(System.out::println);
    assertThat(a).isNotNull();
  }
}
