package dev.portcullis.engine.trace.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.store.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Splits and decodes a compact JWT by hand, so that each way it can be malformed gets its own
 * sentence (nimbus would only say "Invalid serialized unsecured/JWS/JWE object").
 */
record JwtParts(ObjectNode header, ObjectNode claims, String problem, String fix) {
  private static final String COPY_FIX =
      "Copy the whole token again: three base64url parts separated by dots, nothing before or after.";

  boolean decoded() {
    return problem == null;
  }

  static JwtParts decode(String token) {
    if (token.isEmpty()) {
      return fail("There is no token to inspect.", "Acquire a token first, or paste one.");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length == 5) {
      return fail("This is an encrypted token (JWE, five parts); it cannot be read without the recipient's key, and API Gateway authorisers do not accept it.",
          "Send the signed ID or access token instead.");
    }
    if (parts.length != 3) {
      return fail("This is not a JWT: it has " + parts.length + " part" + (parts.length == 1 ? "" : "s")
          + " separated by dots, a JWT has three (header.payload.signature).", COPY_FIX);
    }
    ObjectNode header = object(parts[0]);
    if (header == null) {
      return fail(partProblem("header", parts[0]), COPY_FIX);
    }
    ObjectNode claims = object(parts[1]);
    if (claims == null) {
      return fail(partProblem("payload", parts[1]), COPY_FIX);
    }
    return new JwtParts(header, claims, null, null);
  }

  private static JwtParts fail(String problem, String fix) {
    return new JwtParts(null, null, problem, fix);
  }

  private static String partProblem(String name, String part) {
    byte[] bytes = base64(part);
    if (bytes == null) {
      return "The token's " + name + " is not valid base64url (only A-Z, a-z, 0-9, '-' and '_' are allowed).";
    }
    return "The token's " + name + " decodes, but not to a JSON object.";
  }

  private static ObjectNode object(String part) {
    byte[] bytes = base64(part);
    if (bytes == null) {
      return null;
    }
    try {
      JsonNode node = Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
      return node instanceof ObjectNode object ? object : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null; // the caller turns this into a sentence about the part
    }
  }

  private static byte[] base64(String part) {
    try {
      return part.isEmpty() ? null : Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
