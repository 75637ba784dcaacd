package dev.portcullis.engine.importer.live;

import dev.portcullis.engine.importer.ImportContext;
import dev.portcullis.engine.importer.ImportException;
import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.importer.ImportedApi;
import dev.portcullis.engine.importer.WorkspaceAssembler;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ApiGatewayV2Exception;

/**
 * {@code aws:REGION/API_ID}: reads one API from a live account through the SDK's
 * {@link ApiGatewayClient} (REST) and {@link ApiGatewayV2Client} (HTTP), paging every list by hand
 * where the Java SDK has no paginator (import-facts §5). It needs only {@code apigateway:GET}; a
 * denied read is one sentence naming the action and the resource. API key values are never read.
 */
public final class LiveImporter {
  private static final Pattern SOURCE = Pattern.compile("aws:([a-z0-9-]+)(?:/([A-Za-z0-9]+))?");
  private final AwsCredentialsProvider credentials;
  private final URI endpointOverride;

  private LiveImporter(AwsCredentialsProvider credentials, URI endpointOverride) {
    this.credentials = credentials;
    this.endpointOverride = endpointOverride;
  }

  /** Against real AWS (or, with {@code endpointOverride}, a stand-in answering the same control-plane API). */
  public static LiveImporter create(AwsCredentialsProvider credentials, URI endpointOverride) {
    return new LiveImporter(credentials, endpointOverride);
  }

  /**
   * With the user's credentials: a named profile of ~/.aws/config (SSO, role, keys), or the SDK's
   * default chain when {@code profile} is null.
   */
  public static LiveImporter forAccount(String profile) {
    AwsCredentialsProvider provider = profile == null
        ? software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build()
        : software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider.builder().profileName(profile).build();
    return new LiveImporter(provider, null);
  }

  public static boolean isLiveSource(String source) {
    return source.startsWith("aws:");
  }

  /** Imports {@code aws:REGION/API_ID}; {@code aws:REGION} alone answers with the APIs there to choose from. */
  public ImportResult importSource(String source) throws ImportException {
    Matcher m = SOURCE.matcher(source);
    if (!m.matches()) {
      throw new ImportException(source + ": a live source is written aws:REGION/API_ID (e.g. aws:eu-west-1/a1b2c3d4e5), or aws:REGION to list the APIs.");
    }
    String region = m.group(1);
    try (ApiGatewayClient v1 = v1(region); ApiGatewayV2Client v2 = v2(region)) {
      LiveReader reader = new LiveReader(v1, v2, region);
      if (m.group(2) == null) {
        List<String> apis = reader.list();
        throw new ImportException(apis.isEmpty() ? source + ": there are no REST or HTTP APIs in " + region + " for these credentials."
            : source + ": name one API of the " + apis.size() + " there (id, kind, name), e.g. " + apis.get(0).split(" ")[0] + ":\n  "
                + String.join("\n  ", apis));
      }
      // "aws:..." is no valid path everywhere (Windows): the context gets a safe stand-in and shows the source as given
      ImportContext ctx = new ImportContext(Path.of(source.replaceAll("[^A-Za-z0-9._-]", "-")), source, region);
      ImportedApi api = reader.read(m.group(2), ctx);
      return new ImportResult(new WorkspaceAssembler(ctx).assemble(api.name(), List.of(api)), ctx.report("live account (" + region + ")"));
    } catch (ApiGatewayException | ApiGatewayV2Exception e) {
      throw new ImportException(LiveReader.sentence(source, e), e);
    } catch (SdkClientException e) {
      throw new ImportException(source + ": API Gateway could not be reached or the credentials could not be found (" + firstLine(e.getMessage()) + ").", e);
    }
  }

  private ApiGatewayClient v1(String region) {
    var b = ApiGatewayClient.builder().region(Region.of(region)).credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(30)));
    if (endpointOverride != null) {
      b.endpointOverride(endpointOverride);
    }
    return b.build();
  }

  private ApiGatewayV2Client v2(String region) {
    var b = ApiGatewayV2Client.builder().region(Region.of(region)).credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(30)));
    if (endpointOverride != null) {
      b.endpointOverride(endpointOverride);
    }
    return b.build();
  }

  static String firstLine(String s) {
    if (s == null) {
      return "no details";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
