package dev.portcullis.engine.run;

import dev.portcullis.engine.identity.AwsProfiles;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the machine a session runs on offers its callers: environment variables ({@code env:}
 * references) and AWS profiles ({@code aws-profile:}, an IAM caller's {@code profile}). The
 * system's for real use; a test's own for a stand-in of the user's account.
 */
public record Machine(Function<String, String> env, AwsProfiles profiles) {
  public Machine {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(profiles, "profiles");
  }

  /** This process's environment and the AWS CLI's files, as the CLI finds them. */
  public static Machine system() {
    return new Machine(System::getenv, AwsProfiles.system());
  }
}
