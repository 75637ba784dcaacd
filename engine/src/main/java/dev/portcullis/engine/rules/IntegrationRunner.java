package dev.portcullis.engine.rules;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.model.Integration;
import java.util.Map;

/**
 * Produces the integration's answer for an allowed request. The local gateway runs echo, mock and
 * http integrations ({@link #standard()}); a predictor can plug in one that never leaves the process.
 */
@FunctionalInterface
public interface IntegrationRunner {

  /** The integration's response; {@code event} is the proxy event it receives. */
  Response run(Integration integration, IncomingRequest request, RouteMatch match, Map<String, Object> event);

  /** What the integration answered, before the gateway adds its own headers. */
  record Response(int status, Map<String, String> headers, String body, String evidence) {
    public Response {
      headers = Map.copyOf(headers);
      body = body == null ? "" : body;
    }
  }

  /** Echo, mock and http, the last through {@link java.net.http.HttpClient}. */
  static IntegrationRunner standard() {
    return new Integrations();
  }

  /**
   * As {@link #standard()}, but an http integration is not called: for a predictor whose requests go
   * to a gateway that calls the backend itself (a second call would repeat whatever the backend does
   * for a POST). Its answer is a stand-in 200 whose evidence says {@value #NOT_CALLED}.
   */
  static IntegrationRunner leavingHttpToTheGateway() {
    return new Integrations(false);
  }

  /** In the evidence of an http integration {@link #leavingHttpToTheGateway()} did not call. */
  String NOT_CALLED = "not called here";
}
