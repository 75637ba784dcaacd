/**
 * Token verification for API Gateway's two token authorisers (apigw-facts §2 and §3): the HTTP API
 * {@code JWT} authoriser and the REST {@code COGNITO_USER_POOLS} authoriser.
 *
 * <p>{@link dev.portcullis.engine.rules.jwt.TokenAuthorizer} runs the checks in order and answers
 * with a {@link dev.portcullis.engine.rules.jwt.TokenVerdict}; a refusal is a value, never an
 * exception. Keys come from a {@link dev.portcullis.engine.rules.jwt.JwksSource}, which tests and
 * the pipeline may replace. nimbus-jose-jwt and {@code java.net.http} stay inside this package.
 */
package dev.portcullis.engine.rules.jwt;
