package dev.portcullis.app.ui.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.DemoWorkspaces;
import dev.portcullis.app.ui.WindowTest;
import dev.portcullis.app.ui.WorkbenchRobot;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Issue 14: "cancel a slow send", against an endpoint that takes 30 s to answer. */
@WindowTest
class CancelSendWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();
  private final AtomicInteger received = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer slow;

  @AfterEach
  void close() {
    release.countDown();
    slow.stop(0);
  }

  @Test
  void theSendButtonBecomesCancelAndCancellingEndsTheTraceAtOnce(FxRobot robot) throws Exception {
    // an endpoint that answers only after 30 s
    slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    slow.createContext("/", exchange -> {
      received.incrementAndGet();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    slow.start();
    String base = "http://127.0.0.1:" + slow.getAddress().getPort() + "/prod";
    robot.interact(() -> {
      app.model().openWorkspace(DemoWorkspaces.withBaseUrl(base));
      app.model().request().environmentProperty().set("aws-dev");
    });
    WorkbenchRobot.await(() -> app.model().session() != null && app.model().session().world().isEmpty());
    robot.interact(() -> app.model().selectRequest("health (no auth)"));
    WorkbenchRobot.await(() -> !robot.lookup("#send").queryAs(Button.class).isDisabled());

    robot.clickOn("#send");
    WorkbenchRobot.await(() -> robot.lookup("#cancelSend").queryAs(Button.class).isVisible() && received.get() == 1);
    long at = System.nanoTime();
    robot.clickOn("#cancelSend");

    WorkbenchRobot.await(() -> app.model().trace().traceProperty().get() != null);
    assertThat((System.nanoTime() - at) / 1_000_000).as("ms from the click to the trace").isLessThan(5_000);
    Trace trace = app.model().trace().traceProperty().get();
    assertThat(trace.verdict().result()).isEqualTo(Verdict.Result.INCOMPLETE);
    assertThat(trace.verdict().sentence()).contains("cancelled by you");
    assertThat(robot.lookup("#send").queryAs(Button.class).isVisible()).isTrue();
  }
}
