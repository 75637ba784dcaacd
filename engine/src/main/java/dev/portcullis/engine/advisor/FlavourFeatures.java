package dev.portcullis.engine.advisor;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Gateway.Flavor;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Route.AuthorizationType;
import java.util.ArrayList;
import java.util.List;

/**
 * Features one flavour has and the other lacks (spec/apigw-facts.md §6, §7 and §4.5): an imported
 * configuration, or a what-if that switches the flavour, may carry them over.
 */
final class FlavourFeatures {
  private FlavourFeatures() {}

  static List<String> misplaced(Gateway g) {
    List<String> found = new ArrayList<>();
    if (g.flavor() == Flavor.HTTP) {
      if (!g.usagePlans().isEmpty()) {
        found.add("usage plans " + g.usagePlans().stream().map(p -> p.name()).toList() + " (REST only)");
      }
      if (g.resourcePolicy() != null) {
        found.add("a resource policy (REST only)");
      }
      if (g.apiKeySource() == Gateway.ApiKeySource.AUTHORIZER) {
        found.add("apiKeySource AUTHORIZER (REST only)");
      }
      for (Route r : g.routes()) {
        if (r.apiKeyRequired()) {
          found.add("apiKeyRequired on " + r.key() + " (REST only; HTTP APIs have no API keys)");
        }
        if (r.authorization() == AuthorizationType.COGNITO_USER_POOLS) {
          found.add("COGNITO_USER_POOLS on " + r.key() + " (REST only; use JWT on the pool's issuer)");
        }
      }
      for (Authorizer a : g.authorizers()) {
        if (a instanceof Authorizer.Cognito) {
          found.add("Cognito authoriser '" + a.name() + "' (REST only)");
        }
        if (a instanceof Authorizer.Lambda l && l.eventType() == Authorizer.LambdaType.TOKEN) {
          found.add("TOKEN Lambda authoriser '" + a.name() + "' (REST only; HTTP APIs send REQUEST events)");
        }
        if (a instanceof Authorizer.Lambda l && l.validationRegex() != null) {
          found.add("identityValidationExpression on '" + a.name() + "' (REST TOKEN only)");
        }
        identitySourcePrefix(a, "method.request.", "REST syntax", found);
      }
    } else {
      for (Route r : g.routes()) {
        if (r.authorization() == AuthorizationType.JWT) {
          found.add("JWT authorization on " + r.key() + " (an HTTP API authoriser)");
        }
      }
      for (Authorizer a : g.authorizers()) {
        if (a instanceof Authorizer.Jwt) {
          found.add("JWT authoriser '" + a.name() + "' (an HTTP API authoriser)");
        }
        if (a instanceof Authorizer.Lambda l && l.simpleResponses()) {
          found.add("simple responses on '" + a.name() + "' (HTTP API payload 2.0 only)");
        }
        if (a instanceof Authorizer.Lambda l && "2.0".equals(l.payloadFormat())) {
          found.add("payload format 2.0 on '" + a.name() + "' (HTTP API only)");
        }
        identitySourcePrefix(a, "$request.", "HTTP API syntax", found);
      }
    }
    return found;
  }

  private static void identitySourcePrefix(Authorizer a, String wrongPrefix, String what, List<String> found) {
    List<String> sources = switch (a) {
      case Authorizer.Lambda l -> l.identitySources();
      case Authorizer.Jwt j -> List.of(j.identitySource());
      case Authorizer.Cognito c -> List.of(c.identitySource());
    };
    sources.stream().filter(s -> s.startsWith(wrongPrefix))
        .forEach(s -> found.add("identity source " + s + " on '" + a.name() + "' (" + what + ")"));
  }

  static String fix(Flavor flavor) {
    return flavor == Flavor.HTTP
        ? "Move the route to a REST API, or use what HTTP APIs have: JWT authorisers on the pool's issuer instead of Cognito, "
            + "a Lambda REQUEST authoriser instead of API keys, route throttling instead of usage plans."
        : "Move the route to an HTTP API, or use what REST APIs have: a Cognito authoriser or a Lambda authoriser verifying "
            + "the JWT, and method.request.* identity sources.";
  }
}
