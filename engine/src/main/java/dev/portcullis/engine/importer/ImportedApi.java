package dev.portcullis.engine.importer;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.UsagePlan;
import java.util.List;
import java.util.Objects;

/**
 * One API a source defines, in source terms: routes with their protection, authorisers as defined,
 * usage plans, resource policy. {@link WorkspaceAssembler} turns it into a gateway.
 *
 * @param region null when the source does not say
 * @param apiKeySource null for the default (HEADER)
 * @param settings CORS, gateway responses, stage variables and endpoint type, as far as the source says them
 */
public record ImportedApi(
    String name,
    Gateway.Flavor flavor,
    String region,
    String apiId,
    String stage,
    String baseUrl,
    Gateway.ApiKeySource apiKeySource,
    List<ImportedRoute> routes,
    List<ImportedAuthorizer> authorizers,
    List<UsagePlan> usagePlans,
    PolicyDocument resourcePolicy,
    ApiSettings settings) {

  public ImportedApi {
    Objects.requireNonNull(name, "an imported API needs a name");
    Objects.requireNonNull(flavor, () -> "API '" + name + "' needs a flavor");
    routes = routes == null ? List.of() : List.copyOf(routes);
    authorizers = authorizers == null ? List.of() : List.copyOf(authorizers);
    usagePlans = usagePlans == null ? List.of() : List.copyOf(usagePlans);
    settings = settings == null ? ApiSettings.NONE : settings;
  }

  /** An API whose source sets none of the {@link ApiSettings}. */
  public ImportedApi(String name, Gateway.Flavor flavor, String region, String apiId, String stage, String baseUrl,
      Gateway.ApiKeySource apiKeySource, List<ImportedRoute> routes, List<ImportedAuthorizer> authorizers,
      List<UsagePlan> usagePlans, PolicyDocument resourcePolicy) {
    this(name, flavor, region, apiId, stage, baseUrl, apiKeySource, routes, authorizers, usagePlans, resourcePolicy, null);
  }

  public ImportedApi withSettings(ApiSettings newSettings) {
    return new ImportedApi(name, flavor, region, apiId, stage, baseUrl, apiKeySource, routes, authorizers, usagePlans,
        resourcePolicy, newSettings);
  }

  public ImportedApi withName(String newName) {
    return new ImportedApi(newName, flavor, region, apiId, stage, baseUrl, apiKeySource, routes, authorizers, usagePlans, resourcePolicy, settings);
  }

  public ImportedApi withAuthorizers(List<ImportedAuthorizer> newAuthorizers) {
    return new ImportedApi(name, flavor, region, apiId, stage, baseUrl, apiKeySource, routes, newAuthorizers, usagePlans, resourcePolicy);
  }

  public ImportedApi withUsagePlans(List<UsagePlan> plans) {
    return new ImportedApi(name, flavor, region, apiId, stage, baseUrl, apiKeySource, routes, authorizers, plans, resourcePolicy, settings);
  }
}
