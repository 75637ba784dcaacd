package dev.portcullis.engine.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.store.Json;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local program as the function: the event JSON on stdin, the authoriser response JSON on
 * stdout. A handler signals an error the way the Lambda runtime reports one,
 * {@code {"errorMessage": "Unauthorized"}}, or by exiting non-zero. stderr goes into the evidence.
 */
final class CommandLambdaInvoker implements LambdaInvoker {
  private static final int LOG_LIMIT = 2_000;
  private final LambdaFunction.Command command;

  CommandLambdaInvoker(LambdaFunction.Command command) {
    this.command = command;
  }

  @Override
  public Result invoke(Call call) {
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(command.command());
      if (command.workingDirectory() != null) {
        builder.directory(new File(command.workingDirectory()));
      }
      process = builder.start();
    } catch (IOException e) {
      return new Result.Unreachable("command " + command.command() + " could not start: " + e.getMessage(), "");
    }
    CompletableFuture<byte[]> out = drain(process.getInputStream());
    CompletableFuture<byte[]> err = drain(process.getErrorStream());
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(Json.mapper().writeValueAsBytes(call.event()));
    } catch (IOException e) {
      // The program may exit without reading its input; what it printed still counts.
    }
    return await(process, out, err);
  }

  private Result await(Process process, CompletableFuture<byte[]> out, CompletableFuture<byte[]> err) {
    try {
      if (!process.waitFor(command.timeoutMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return new Result.Unreachable("command did not answer within " + command.timeoutMillis()
            + " ms (API Gateway gives up and answers 500)", text(err.getNow(new byte[0])));
      }
      String stdout = new String(out.get(1, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
      String log = text(err.get(1, TimeUnit.SECONDS));
      return parse(stdout, process.exitValue(), log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return new Result.Unreachable("interrupted while waiting for the command", "");
    } catch (Exception e) {
      return new Result.Unreachable("command output could not be read: " + e.getMessage(), "");
    }
  }

  private static Result parse(String stdout, int exit, String log) {
    Map<String, Object> payload;
    try {
      payload = stdout.isEmpty() ? null : Json.mapper().readValue(stdout, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      payload = null;
    }
    if (payload != null && payload.get("errorMessage") instanceof String message) {
      return new Result.Raised(message, log);
    }
    if (exit != 0) {
      return new Result.Raised("process exited with status " + exit, log);
    }
    if (payload == null) {
      return new Result.Raised("stdout is not a JSON object: " + Masking.mask(stdout), log);
    }
    return new Result.Returned(payload, log);
  }

  /** On its own virtual thread, so a chatty stderr cannot block stdout (or the common pool). */
  private static CompletableFuture<byte[]> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        stream.transferTo(buffer);
        return buffer.toByteArray();
      } catch (IOException e) {
        return new byte[0];
      }
    }, task -> Thread.ofVirtual().name("lambda-command-io").start(task));
  }

  private static String text(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8).strip();
    return s.length() > LOG_LIMIT ? s.substring(0, LOG_LIMIT) + "…" : s;
  }
}
