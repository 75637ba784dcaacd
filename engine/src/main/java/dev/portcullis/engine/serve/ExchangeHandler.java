package dev.portcullis.engine.serve;

import java.io.IOException;

/** Answers an {@link Exchange}; runs on a virtual thread of its server, so it may block. */
@FunctionalInterface
public interface ExchangeHandler {
  void handle(Exchange exchange) throws IOException;
}
