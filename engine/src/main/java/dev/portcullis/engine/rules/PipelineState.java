package dev.portcullis.engine.rules;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.rules.iam.MethodArn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rule book's working state for one request: the input, and what the checks found so far
 * (checks, route match, grant, API key). Mutable and confined to one {@link DefaultPipeline} run.
 */
final class PipelineState {
  final IncomingRequest request;
  final Gateway gateway;
  final String requestId;
  final List<Ruling.Check> checks = new ArrayList<>(16); // a request passes more than the default ten
  RouteMatch match;
  Grant grant = new Grant.None();
  String apiKey;
  String apiKeyId;
  String usageIdentifierKey;

  PipelineState(IncomingRequest request, Gateway gateway, String requestId) {
    this.request = request;
    this.gateway = gateway;
    this.requestId = requestId;
  }

  boolean rest() {
    return gateway.flavor() == Gateway.Flavor.REST;
  }

  void pass(String id, String evidence) {
    checks.add(new Ruling.Check(id, true, evidence));
  }

  void fail(String id, String evidence) {
    checks.add(new Ruling.Check(id, false, evidence));
  }

  /** The ARN this call is authorised against: the request's own path under the stage (spec §5). */
  MethodArn methodArn() {
    String path = match.route().method().equals("$default") && !rest() ? "" : match.resourcePath();
    String verb = match.route().method().equals("$default") && !rest() ? "$default" : request.method();
    return MethodArn.of(gateway.region(), gateway.accountId(), gateway.apiId(), gateway.stage(), verb, path);
  }

  /** The ARN covering every method of this API and stage, what an API-wide policy names. */
  String apiWideArn() {
    return "arn:aws:execute-api:" + gateway.region() + ":" + gateway.accountId() + ":" + gateway.apiId() + "/"
        + gateway.stage() + "/*";
  }

  /** The route key as events carry it: {@code POST /b2b/settlements} or {@code $default}. */
  String routeKey() {
    return match == null ? null : match.route().key();
  }

  Map<String, String> pathParameters() {
    return match == null ? Map.of() : match.pathParameters();
  }
}
