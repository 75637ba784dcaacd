package dev.portcullis.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("spec §7 item 6: route matching")
class RouteMatcherTest {
  private static Route route(String method, String path) {
    return new Route(method, path, null, null, null, false, null, null);
  }

  private static final List<Route> ROUTES = List.of(route("GET", "/pets"), route("GET", "/pets/{id}"),
      route("ANY", "/pets/{id}"), route("GET", "/pets/mine"), route("ANY", "/files/{proxy+}"),
      route("GET", "/files/{proxy+}"), route("GET", "/files/readme"), route("POST", "/"));

  private static final Gateway REST = new Gateway("rest", Gateway.Flavor.REST, null, null, "api", "prod", null, 0, null,
      ROUTES, null, null, null);
  private static final Gateway HTTP = new Gateway("http", Gateway.Flavor.HTTP, null, null, "api", "$default", null, 0,
      null, concat(ROUTES, route("$default", "$default")), null, null, null);

  private static List<Route> concat(List<Route> a, Route b) {
    List<Route> all = new java.util.ArrayList<>(a);
    all.add(b);
    return all;
  }

  @ParameterizedTest(name = "spec §7: REST {0} {1} -> {2}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      GET    | /prod/pets              | GET /pets
      GET    | /prod/pets/7            | GET /pets/{id}
      DELETE | /prod/pets/7            | ANY /pets/{id}
      GET    | /prod/pets/mine         | GET /pets/mine
      GET    | /prod/files/a/b/c.txt   | GET /files/{proxy+}
      PUT    | /prod/files/a/b         | ANY /files/{proxy+}
      GET    | /prod/files/readme      | GET /files/readme
      GET    | /prod/files             | none
      POST   | /prod                   | POST /
      POST   | /prod/                  | POST /
      GET    | /pets                   | none
      GET    | /staging/pets           | none
      GET    | /prod/pets/7/toys       | none
      PATCH  | /prod/pets              | none
      """)
  void restRoutes(String method, String path, String expected) {
    Optional<RouteMatch> match = RouteMatcher.match(REST, method, path);
    assertThat(match.map(m -> m.route().key()).orElse(null)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "spec §7: HTTP $default stage {0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      GET    | /pets/7        | GET /pets/{id}
      GET    | /prod/pets     | $default
      PATCH  | /pets          | $default
      GET    | /files/x       | GET /files/{proxy+}
      """)
  void httpRoutesHaveNoStagePrefixAndFallBackToDefault(String method, String path, String expected) {
    assertThat(RouteMatcher.match(HTTP, method, path).map(m -> m.route().key())).contains(expected);
  }

  @ParameterizedTest(name = "spec §4.1: path parameters are decoded: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      /prod/pets/a%20b      | id    | a b
      /prod/pets/a+b        | id    | a+b
      /prod/files/x/y%2Fz   | proxy | x/y/z
      """)
  void pathParametersAreDecoded(String path, String name, String value) {
    assertThat(RouteMatcher.match(REST, "GET", path).orElseThrow().pathParameters()).containsEntry(name, value);
  }
}
