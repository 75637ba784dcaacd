/**
 * Runs a command (installer/build.sh) with PORTCULLIS_JDK set to the JDK this program runs on. Maven
 * itself may run on an older Java; exec-maven-plugin starts this with the toolchain's java, so the
 * packaging uses exactly the JDK 21+ that maven-toolchains-plugin selected for the build.
 */
public final class WithToolchainJdk {
  public static void main(String[] command) throws Exception {
    ProcessBuilder process = new ProcessBuilder(command).inheritIO();
    process.environment().put("PORTCULLIS_JDK", System.getProperty("java.home"));
    System.exit(process.start().waitFor());
  }
}
