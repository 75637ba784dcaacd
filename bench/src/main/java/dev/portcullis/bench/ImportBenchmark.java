package dev.portcullis.bench;

import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.importer.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 13's "a template with 2,000 routes (imported in under 5 s, measured in a benchmark)": the
 * whole {@link Importer#importFile} (read, map, assemble the workspace with its stand-ins, callers
 * and one saved request per route) of an OpenAPI 3 export with 2,000 operations and of a SAM
 * template whose functions' events make 2,000 routes behind a Lambda REQUEST authoriser and a
 * Cognito one. {@link Cold} is the first import in a fresh JVM, as a CLI run sees it.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class ImportBenchmark {
  private Sources sources;

  /** The two 2,000-route files, written once per fork to a temporary folder. */
  static final class Sources {
    final Path dir;
    final Path openApi;
    final Path sam;

    Sources() throws Exception {
      dir = Files.createTempDirectory("portcullis-import-bench");
      openApi = dir.resolve("big-openapi.yaml");
      sam = dir.resolve("big-sam.yaml");
      StringBuilder o = new StringBuilder("openapi: 3.0.1\ninfo: {title: big}\ncomponents:\n  securitySchemes:\n"
          + "    sig: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}\npaths:\n");
      for (int i = 0; i < 1000; i++) {
        o.append("  /r").append(i).append("/{id}:\n    get:\n      security: [{sig: []}]\n    post:\n      security: []\n");
      }
      Files.writeString(openApi, o);
      StringBuilder s = new StringBuilder("""
          Transform: AWS::Serverless-2016-10-31
          Parameters:
            PoolArn: {Type: String}
          Resources:
            Big:
              Type: AWS::Serverless::Api
              Properties:
                StageName: prod
                Auth:
                  DefaultAuthorizer: Gate
                  Authorizers:
                    Gate:
                      FunctionArn: !GetAtt GateFunction.Arn
                      FunctionPayloadType: REQUEST
                      Identity: {Headers: [x-api-key], ReauthorizeEvery: 300}
                    Users:
                      UserPoolArn: !Ref PoolArn
            GateFunction:
              Type: AWS::Serverless::Function
              Properties: {CodeUri: gate/, Handler: index.handler, Runtime: nodejs20.x}
          """);
      for (int f = 0; f < 20; f++) {
        s.append("  Fn").append(f).append(":\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: fn/\n"
            + "      Handler: index.handler\n      Runtime: nodejs20.x\n      Events:\n");
        for (int e = 0; e < 100; e++) {
          int n = f * 100 + e;
          s.append("        E").append(n).append(": {Type: Api, Properties: {RestApiId: !Ref Big, Path: '/items").append(n)
              .append("/{id}', Method: ").append(e % 2 == 0 ? "get" : "post")
              .append(e % 4 == 1 ? ", Auth: {Authorizer: Users, AuthorizationScopes: [items/write]}" : "").append("}}\n");
        }
      }
      Files.writeString(sam, s);
    }

    void delete() throws Exception {
      Files.deleteIfExists(openApi);
      Files.deleteIfExists(sam);
      Files.deleteIfExists(dir);
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    sources = new Sources();
    require(openApi2000Routes());
    require(sam2000Routes());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    sources.delete();
  }

  static void require(ImportResult r) {
    if (r.workspace() == null || r.workspace().gateways().get(0).routes().size() != 2000) {
      throw new IllegalStateException("the benchmark's source did not import to 2,000 routes");
    }
  }

  @Benchmark
  public ImportResult openApi2000Routes() throws Exception {
    return Importer.create().importFile(sources.openApi);
  }

  @Benchmark
  public ImportResult sam2000Routes() throws Exception {
    return Importer.create().importFile(sources.sam);
  }

  /** The first import in a fresh JVM (classes loaded, nothing compiled yet): what one CLI run pays. */
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = 10, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
  @State(Scope.Benchmark)
  public static class Cold {
    private Sources sources;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      sources = new Sources();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      sources.delete();
    }

    @Benchmark
    public ImportResult samFirstImport() throws Exception {
      return Importer.create().importFile(sources.sam);
    }
  }
}
