package dev.portcullis.engine.identity.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The third-party SRP vectors in {@code shared/oracles/cognito-srp-vectors.json} (see the oracles
 * README): computed by amazon-cognito-identity-js and the npm cognito-srp server, not by this project.
 */
public final class SrpVectors {

  /**
   * One USER_SRP_AUTH login with every value fixed.
   *
   * @param bLeadingZeroByte edge flag: B's top byte is zero, so its unpadded hex is shorter
   * @param bHighBit edge flag: B's top bit is set, so padHex prefixes 00
   */
  public record Vector(
      String poolName, String userIdForSrp, String password, String salt, String a, String b,
      String srpA, String srpB, String secretBlock, String timestamp, String signature,
      boolean bLeadingZeroByte, boolean sLeadingZeroByte, boolean bHighBit) {

    @Override
    public String toString() {
      return userIdForSrp + " salt=" + salt + " B=" + srpB.substring(0, 8) + "..."
          + (bLeadingZeroByte ? " [B leading zero byte]" : "") + (sLeadingZeroByte ? " [S leading zero byte]" : "")
          + (bHighBit ? " [B high bit]" : "");
    }
  }

  private SrpVectors() {}

  /** Where shared/ is: surefire passes it; from an IDE fall back to ../shared beside the project root. */
  public static Path sharedDirectory() {
    String configured = System.getProperty("portcullis.shared");
    if (configured != null) {
      return Path.of(configured);
    }
    Path fromRoot = Path.of("..", "shared");
    return Files.isDirectory(fromRoot) ? fromRoot : Path.of("..", "..", "shared");
  }

  public static List<Vector> all() {
    Path file = sharedDirectory().resolve("oracles/cognito-srp-vectors.json");
    try {
      List<Vector> vectors = new ArrayList<>();
      for (JsonNode c : new ObjectMapper().readTree(file.toFile())) {
        JsonNode edge = c.path("edge");
        vectors.add(new Vector(text(c, "poolName"), text(c, "userIdForSrp"), text(c, "password"), text(c, "salt"),
            text(c, "a"), text(c, "b"), text(c, "SRP_A"), text(c, "SRP_B"), text(c, "SECRET_BLOCK"),
            text(c, "TIMESTAMP"), text(c, "PASSWORD_CLAIM_SIGNATURE"), edge.path("B_leading_zero_byte").asBoolean(),
            edge.path("S_leading_zero_byte").asBoolean(), edge.path("B_high_bit").asBoolean()));
      }
      return vectors;
    } catch (IOException e) {
      throw new UncheckedIOException("SRP vectors " + file.toAbsolutePath()
          + " cannot be read; set -Dportcullis.shared to the shared/ folder", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalStateException("SRP vector " + node.path("userIdForSrp") + " has no text field " + field);
    }
    return value.asText();
  }
}
