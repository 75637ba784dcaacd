package dev.portcullis.engine.identity;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.send.HttpExchanger;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.store.Variables;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Run in a JVM of its own by {@link AwsProfilesTest}, with HOME set to a test folder: the SDK reads
 * the AWS CLI's SSO cache under HOME only, and the test's own JVM must not have its environment changed.
 * Prints the acquisition's message and fix, one a line.
 */
final class SsoCacheProbe {
  private SsoCacheProbe() {}

  public static void main(String[] args) {
    ProfileFile config = ProfileFile.builder().content(Path.of(args[0])).type(ProfileFile.Type.CONFIGURATION).build();
    CredentialAcquirer acquirer = CredentialAcquirer.create(SecretResolver.create(Emulator.empty(), (w, l) -> Optional.empty()),
        Variables.of(Map.of()), HttpExchanger.create(Duration.ofSeconds(3)), Clock.systemUTC(), name -> Optional.empty(),
        AwsProfiles.of(config, null));
    Acquisition a = acquirer.acquire(new Caller.Iam("ops", null, new CredentialSource.Profile(args[1]), "eu-west-1"),
        ChallengeHandler.none(), e -> { });
    if (a instanceof Acquisition.Failed f) {
      System.out.println(f.message());
      System.out.println(f.fix());
    } else {
      System.out.println("acquired");
    }
  }
}
