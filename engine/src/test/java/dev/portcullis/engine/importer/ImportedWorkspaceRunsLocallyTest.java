package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixCell;
import dev.portcullis.engine.matrix.MatrixRunner;
import dev.portcullis.engine.matrix.MatrixSpec;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An imported workspace works at once on the local gateway: the matrix over the anonymous caller
 * and the local twins meets every expectation, each protected route refuses the anonymous caller,
 * each route lets in the twin made for its authoriser, and no twin of another stand-in authoriser.
 */
class ImportedWorkspaceRunsLocallyTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openapi/01-localstack-openapi.cognito-auth.json", "openapi/02-localstack-openapi.spec.global-auth.json",
      "openapi/03-localstack-openapi.spec.pulumi.json",
      "openapi/04-localstack-petstore-authorizer.swagger.json", "openapi/05-tdr-create_keycloak_users.json.tpl",
      "openapi/07-ecommerce-orders-openapi.yaml", "openapi/09-serverless-samples-python-rest-swagger.yaml",
      "sam/01-sessions-http-api-template.yaml", "sam/02-multi-tenant-api-template.yaml", "sam/06-owasp-order-cognito-template.yaml",
      "sam/08-python-http-sam-template.yaml", "sam/10-apigw-usage-plans-template.yaml", "sam/golden/api_with_auth_all_maximum.input.yaml",
      "cloudformation/01-cognito-restapi-vpclink-template.yml", "cloudformation/02-apigw-rest-api-dynamodb-apikey-usageplan.yml",
      "cloudformation/03-oauth-cognito-scopes-prerequisite.yaml", "cloudformation/05-sam-cli-cfn-apigw-v2.yaml",
      "cloudformation/08-cdk-synth-httpapi-lambda-authorizer.template.json",
      "serverless-framework/01-sls-offline-jwt-authorizer-serverless.yml", "serverless-framework/02-sls-offline-request-authorizer-serverless.yml",
      "serverless-framework/03-sls-offline-restApi-authorizers-serverless.yml"})
  void theMatrixOfTheLocalTwinsMeetsEveryExpectation(String file) throws Exception {
    Workspace ws = Importer.create().importFile(CorpusExpectations.corpus(file)).workspace();
    List<String> local = ws.callers().stream().map(Caller::name).filter(n -> n.equals("anonymous") || n.endsWith("-local")).toList();
    Matrix matrix;
    try (Session session = Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      matrix = MatrixRunner.create(session).run(new MatrixSpec(local, null, 2), (d, t, c) -> { }, () -> false);
    }
    assertThat(matrix.failures()).as("failures: %s", matrix.failures().stream()
        .map(c -> c.row() + " × " + c.caller() + ": " + c.trace().verdict().sentence()).toList()).isEmpty();
    for (var g : ws.gateways()) {
      for (Route r : g.routes()) {
        String row = g.name() + " " + r.key();
        boolean open = r.authorization() == Route.AuthorizationType.NONE && !r.apiKeyRequired();
        if (open && g.resourcePolicy() != null) {
          continue; // the resource policy's conditions decide, not the route
        }
        assertThat(matrix.cell(row, "anonymous").map(MatrixCell::allowed)).as(row + " for anonymous").contains(open);
        ws.requests().stream().filter(q -> q.name().equals(row) && q.caller() != null && q.expect() != null).findFirst()
            .ifPresent(q -> assertThat(matrix.cell(row, q.caller()).map(MatrixCell::allowed)).as(row + " for " + q.caller()).contains(true));
        // the twin of another stand-in must not pass this one: each column means the authoriser it is named for
        if (r.authorizer() != null && standIn(g, r.authorizer())) {
          for (var other : g.authorizers()) {
            if (!other.name().equals(r.authorizer()) && standIn(g, other.name()) && local.contains(other.name() + "-local")) {
              assertThat(matrix.cell(row, other.name() + "-local").map(MatrixCell::allowed))
                  .as(row + " (authoriser " + r.authorizer() + ") for the twin of " + other.name()).contains(false);
            }
          }
        }
      }
    }
  }

  /** A Lambda authoriser the import replaced by a rules stand-in (no code of the user's decides). */
  private static boolean standIn(Gateway g, String authorizer) {
    return g.authorizer(authorizer).filter(a -> a instanceof Authorizer.Lambda l && l.function() instanceof LambdaFunction.Rules)
        .isPresent();
  }
}
