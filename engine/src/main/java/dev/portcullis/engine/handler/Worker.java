package dev.portcullis.engine.handler;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.portcullis.engine.handler.Invocation.Outcome;
import dev.portcullis.engine.store.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One warm worker: a Node.js or Python process running Portcullis's bootstrap for one function,
 * reused between calls as Lambda reuses an execution environment. Line-delimited JSON both ways;
 * the handler's output arrives as {@code log} messages, the process's own stray stderr is kept
 * apart for crash reports.
 */
final class Worker implements AutoCloseable {
  private static final int CONSOLE_LIMIT = 8_000;
  private static final Map<String, Object> EOF = Map.of("type", "eof");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
  private final StringBuilder stray = new StringBuilder();
  private final LongSupplier nanoTime;
  /** Output printed while the module loaded: it belongs to the first call, as on Lambda. */
  private final StringBuilder initConsole = new StringBuilder();
  private String version;
  private String memoryLimit;
  private double startMillis;
  private double initMillis;
  private boolean used;

  private Worker(Process process, LongSupplier nanoTime) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.nanoTime = nanoTime;
    pump();
  }

  /** Thrown when the worker could not start or its module did not load; the message is the user's sentence. */
  static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final String console;

    StartFailure(String message, String console) {
      super(message);
      this.console = console;
    }
  }

  /** Starts the process and waits for the bootstrap's {@code ready} (module loaded) or its init error. */
  static Worker start(ProcessBuilder builder, Runtimes.Found runtime, long initLimitMillis, LongSupplier nanoTime)
      throws StartFailure {
    long began = nanoTime.getAsLong();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new StartFailure(runtime.version() + " at " + runtime.executable() + " could not start: " + e.getMessage(), "");
    }
    Worker worker = new Worker(process, nanoTime);
    Map<String, Object> first = worker.next(began + TimeUnit.MILLISECONDS.toNanos(initLimitMillis), worker.initConsole);
    String type = first == null ? "timeout" : String.valueOf(first.get("type"));
    if (type.equals("ready")) {
      String reported = String.valueOf(first.get("version"));
      worker.version = reported.startsWith("v") ? "Node.js " + reported : reported;
      worker.startMillis = (nanoTime.getAsLong() - began) / 1e6;
      worker.initMillis = number(first.get("initMs"));
      worker.memoryLimit = first.get("memory") instanceof String m ? m : memoryLimitOf(builder.command());
      return worker;
    }
    worker.kill();
    String console = worker.initConsole.toString();
    throw switch (type) {
      case "initError" -> new StartFailure("the handler's module did not load (" + first.get("errorType") + ": "
          + first.get("errorMessage") + ")", console);
      case "timeout" -> new StartFailure("the worker did not finish loading the handler within " + initLimitMillis
          + " ms (Lambda's init phase is limited to 10 s)", console);
      default -> new StartFailure("the worker exited while loading the handler (exit status " + worker.exitStatus() + ")"
          + worker.strayText(), console);
    };
  }

  private void pump() {
    Thread.ofVirtual().name("handler-worker-stdout").start(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          messages.add(parse(line));
        }
      } catch (IOException e) {
        // the process is gone; EOF below says so
      }
      messages.add(EOF);
    });
    Thread.ofVirtual().name("handler-worker-stderr").start(() -> drain(process.getErrorStream()));
  }

  private void drain(InputStream err) {
    byte[] buffer = new byte[4096];
    try (err) {
      int n;
      while ((n = err.read(buffer)) > 0) {
        synchronized (stray) {
          stray.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          if (stray.length() > CONSOLE_LIMIT) {
            stray.delete(0, stray.length() - CONSOLE_LIMIT);
          }
        }
      }
    } catch (IOException e) {
      // closed with the process
    }
  }

  private static Map<String, Object> parse(String line) {
    try {
      return Json.mapper().readValue(line, MAP);
    } catch (IOException e) {
      // Written to the protocol stream behind the bootstrap's back: still the handler's output.
      return Map.of("type", "log", "stream", "stdout", "text", line + "\n");
    }
  }

  /** The next non-log message before {@code deadlineNanos}, logs appended to {@code console}; null on timeout. */
  private Map<String, Object> next(long deadlineNanos, StringBuilder console) {
    try {
      while (true) {
        long left = deadlineNanos - nanoTime.getAsLong();
        Map<String, Object> m = left <= 0 ? messages.poll() : messages.poll(left, TimeUnit.NANOSECONDS);
        if (m == null) {
          return null;
        }
        if ("log".equals(m.get("type"))) {
          append(console, String.valueOf(m.get("stream")), String.valueOf(m.get("text")));
          continue;
        }
        if (m == EOF) {
          messages.add(EOF); // stays visible to later calls
        }
        return m;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void append(StringBuilder console, String stream, String text) {
    if (console.length() > CONSOLE_LIMIT) {
      return;
    }
    if (stream.equals("stdout")) {
      console.append(text);
    } else {
      text.lines().forEach(l -> console.append('[').append(stream).append("] ").append(l).append('\n'));
    }
    if (console.length() > CONSOLE_LIMIT) {
      console.setLength(CONSOLE_LIMIT);
      console.append("… (console output cut at ").append(CONSOLE_LIMIT).append(" characters)\n");
    }
  }

  /** Runs one call. After a timeout or a crash the worker is dead and must be replaced. */
  Invocation invoke(String requestId, Map<String, Object> event, long timeoutMillis, String note) {
    boolean cold = !used;
    used = true;
    StringBuilder console = new StringBuilder(initConsole);
    initConsole.setLength(0);
    long began = nanoTime.getAsLong();
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", requestId);
    request.put("event", event);
    request.put("timeoutMs", timeoutMillis);
    try {
      byte[] line = Json.mapper().writeValueAsBytes(request);
      stdin.write(line);
      stdin.write('\n');
      stdin.flush();
    } catch (IOException e) {
      return done(new Outcome.Crashed("the worker was gone before the call (exit status " + exitStatus() + ")" + strayText()),
          cold, began, 0, console, note);
    }
    Map<String, Object> answer;
    while (true) {
      answer = next(began + TimeUnit.MILLISECONDS.toNanos(timeoutMillis), console);
      if (answer == null || answer == EOF || requestId.equals(answer.get("id")) || "crash".equals(answer.get("type"))) {
        break;
      }
    }
    if (answer == null) {
      kill();
      return done(new Outcome.TimedOut(timeoutMillis), cold, began, timeoutMillis, console, note);
    }
    if (answer == EOF) {
      return done(new Outcome.Crashed("the worker process exited with status " + exitStatus() + " while the handler ran"
          + strayText()), cold, began, 0, console, note);
    }
    double handler = number(answer.get("durationMs"));
    return switch (String.valueOf(answer.get("type"))) {
      case "result" -> done(returned(answer.get("payload")), cold, began, handler, console, note);
      case "crash" -> {
        kill();
        yield done(new Outcome.Crashed("the handler's code threw outside the invocation (" + answer.get("errorType")
            + ": " + answer.get("errorMessage") + "), which ends the worker process as it ends Lambda's runtime"),
            cold, began, handler, console, note);
      }
      default -> {
        if ("Runtime.OutOfMemory".equals(answer.get("errorType"))) {
          // the bootstrap exits after this answer, as Lambda ends the environment; end it here too, so the next call
          // cannot reach the process in the moment before it exits
          kill();
        }
        yield done(new Outcome.Raised(String.valueOf(answer.get("errorType")), String.valueOf(answer.get("errorMessage")),
            trace(answer.get("trace"))), cold, began, handler, console, note);
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static Outcome returned(Object payload) {
    return new Outcome.Returned(payload instanceof Map<?, ?> m ? (Map<String, Object>) m : null, payload);
  }

  /**
   * The handler's stack trace, its file paths under the working directory (what a function's
   * {@code codeUri} is relative to) written relative to it: a trace, a report or a screenshot does
   * not carry this machine's folders. Paths elsewhere stay as they are.
   */
  private static List<String> trace(Object trace) {
    String here = java.nio.file.Path.of("").toAbsolutePath().normalize() + java.io.File.separator;
    List<String> lines = new ArrayList<>();
    if (trace instanceof List<?> list) {
      list.forEach(l -> lines.add(String.valueOf(l).stripTrailing().replace(here, "")));
    }
    return lines;
  }

  private Invocation done(Outcome outcome, boolean cold, long began, double handlerMillis, StringBuilder console, String note) {
    double roundTrip = (nanoTime.getAsLong() - began) / 1e6;
    return new Invocation(outcome, cold, version, cold ? startMillis : 0, cold ? initMillis : 0, handlerMillis, roundTrip,
        console.toString(), note, memoryLimit);
  }

  /** Node's bootstrap reports none: its limit is the heap cap on the command line. */
  private static String memoryLimitOf(List<String> command) {
    return command.stream().filter(a -> a.startsWith("--max-old-space-size=")).findFirst()
        .map(a -> "enforced for the V8 heap only: capped at " + a.substring(a.indexOf('=') + 1)
            + " MB (--max-old-space-size), memory outside it (buffers) is not")
        .orElse("not enforced");
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0;
  }

  boolean alive() {
    return process.isAlive() && !messages.contains(EOF);
  }

  long pid() {
    return process.pid();
  }

  String exitStatus() {
    try {
      return process.waitFor(1, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private String strayText() {
    String text;
    synchronized (stray) {
      text = stray.toString().strip();
    }
    return text.isEmpty() ? "" : "; the process printed: " + text;
  }

  /** Kills the process and anything it started. */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    try {
      stdin.close(); // the bootstrap exits on end of input
      if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (IOException e) {
      // already closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill();
  }
}
