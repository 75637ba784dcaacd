package dev.portcullis.engine.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.portcullis.engine.model.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads and writes workspace files.
 *
 * <p>Reading checks {@code schemaVersion} first (newer files are refused, older ones migrated),
 * then binds and validates; every failure names the file, line and column. Writing goes to a temp
 * file beside the target and is renamed over it, so a crash never leaves half a file; a target that
 * no longer parses is moved aside, never overwritten.
 */
public final class WorkspaceStore {
  private final Clock clock;

  private WorkspaceStore(Clock clock) {
    this.clock = clock;
  }

  public static WorkspaceStore create(Clock clock) {
    return new WorkspaceStore(clock);
  }

  public Workspace load(Path file) throws WorkspaceException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new WorkspaceException(file, file + ": cannot be read (" + e.getClass().getSimpleName() + ").", e);
    }
    return parse(file, bytes);
  }

  /** Parses workspace JSON; {@code file} is only used to name the source in messages. */
  public Workspace parse(Path file, byte[] bytes) throws WorkspaceException {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(bytes);
    } catch (IOException e) {
      throw new WorkspaceException(file, describe(file, e), withoutContent(e));
    }
    if (tree == null || !tree.isObject()) {
      throw new WorkspaceException(file, List.of(file + ": is not a workspace (expected a JSON object with schemaVersion).") );
    }
    checkVersion(file, tree);
    Workspace workspace;
    // Unknown fields are collected (and skipped) so one load lists them all, with the validator's problems after them.
    List<String> problems = new java.util.ArrayList<>();
    UnknownFields unknown = new UnknownFields();
    try {
      workspace = Json.mapper().readerFor(Workspace.class).withHandler(unknown).readValue(withoutSchemaPointer(bytes, tree));
    } catch (IOException e) {
      problems.addAll(unknown.sentences(file, bytes));
      problems.add(describe(file, e));
      throw new WorkspaceException(file, problems);
    }
    problems.addAll(unknown.sentences(file, bytes));
    WorkspaceValidator.problems(workspace).stream().map(p -> file + ": " + p).forEach(problems::add);
    if (!problems.isEmpty()) {
      throw new WorkspaceException(file, problems);
    }
    return workspace;
  }

  /** The cause --verbose shows: the kind of failure and where, never the parser's message (it quotes the file). */
  private static Throwable withoutContent(IOException e) {
    JsonLocation loc = e instanceof JsonProcessingException jpe ? jpe.getLocation() : null;
    return new IOException(e.getClass().getSimpleName() + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()));
  }

  /** Editors complete and validate a file whose {@code $schema} names the shipped schema; the pointer itself is no field. */
  private static byte[] withoutSchemaPointer(byte[] bytes, JsonNode tree) throws WorkspaceException {
    if (!tree.has("$schema")) {
      return bytes;
    }
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("$schema");
    return Json.write(tree).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Records each unknown field (and skips it); {@link #sentences} words them as {@link #describe} would, with their lines. */
  private static final class UnknownFields extends com.fasterxml.jackson.databind.deser.DeserializationProblemHandler {
    private record Unknown(String pointer, String text) {}

    private final List<Unknown> found = new java.util.ArrayList<>();

    @Override
    public boolean handleUnknownProperty(com.fasterxml.jackson.databind.DeserializationContext ctxt, com.fasterxml.jackson.core.JsonParser p,
        com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
      String pointer = p.getParsingContext().pathAsPointer().toString();
      String at = pointer.replaceAll("/(\\d+)", "[$1]").replace('/', '.').replaceFirst("^\\.", "");
      String known = deserializer.getKnownPropertyNames() == null ? "" : deserializer.getKnownPropertyNames().stream().map(Object::toString)
          .sorted().collect(Collectors.joining(", "));
      Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
      found.add(new Unknown(pointer, (at.isEmpty() ? "" : " (at " + at + ")") + ": unknown field '" + propertyName + "' in " + familyName(type)
          + " (known fields: " + known + ")."));
      p.skipChildren();
      return true;
    }

    /** Records read from buffered tokens have no location, so one streaming pass finds each field's line. */
    List<String> sentences(Path file, byte[] bytes) {
      if (found.isEmpty()) {
        return List.of();
      }
      java.util.Map<String, JsonLocation> lines = new java.util.HashMap<>();
      java.util.Set<String> wanted = found.stream().map(Unknown::pointer).collect(Collectors.toSet());
      try (com.fasterxml.jackson.core.JsonParser p = Json.mapper().getFactory().createParser(bytes)) {
        for (var t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String here = p.getParsingContext().pathAsPointer().toString();
            if (wanted.contains(here)) {
              lines.putIfAbsent(here, p.currentTokenLocation());
            }
          }
        }
      } catch (IOException e) {
        // the file parsed once already; without lines the sentences still name the place
      }
      return found.stream().map(u -> {
        JsonLocation loc = lines.get(u.pointer());
        return file + (loc == null ? "" : ", line " + loc.getLineNr() + ", column " + loc.getColumnNr()) + u.text();
      }).toList();
    }
  }

  private static void checkVersion(Path file, JsonNode tree) throws WorkspaceException {
    JsonNode version = tree.get("schemaVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new WorkspaceException(file, List.of(file + ": has no schemaVersion (expected \"schemaVersion\": "
          + Workspace.CURRENT_SCHEMA_VERSION + " at the top); is it a Portcullis workspace?"));
    }
    int v = version.asInt();
    if (v > Workspace.CURRENT_SCHEMA_VERSION) {
      throw new WorkspaceException(file, List.of(file + ": schemaVersion " + v + " was written by a newer Portcullis; this one reads up to "
          + Workspace.CURRENT_SCHEMA_VERSION + ". Update Portcullis to open it."));
    }
    if (v < 1) {
      throw new WorkspaceException(file, List.of(file + ": schemaVersion " + v + " is not a version Portcullis ever wrote (expected 1 to "
          + Workspace.CURRENT_SCHEMA_VERSION + ")."));
    }
    // Version 1 is the first format: nothing to migrate yet. Migrations go here, oldest first.
  }

  /** Writes atomically. A target that exists but does not parse is kept beside it as {@code NAME.corrupt-TIME}. */
  public void save(Workspace workspace, Path file) throws IOException {
    write(file, Json.write(workspace), !WorkspaceExporter.literalSecrets(workspace).isEmpty());
  }

  /** The bytes {@link #save} would write. */
  public static String render(Workspace workspace) {
    return Json.write(workspace);
  }

  /** The {@code $id} of the schema the engine ships ({@code dev/portcullis/schema/workspace-1.schema.json}). */
  public static final String SCHEMA_ID = "https://portcullis.dev/schema/workspace-1.schema.json";

  /**
   * As {@link #save}, with a {@code "$schema"} pointer to the engine's schema first, so an editor that maps
   * {@link #SCHEMA_ID} to the shipped file completes and validates it (imports write new files so).
   */
  public void saveWithSchemaPointer(Workspace workspace, Path file) throws IOException {
    write(file, renderWithSchemaPointer(workspace), !WorkspaceExporter.literalSecrets(workspace).isEmpty());
  }

  /** The bytes {@link #saveWithSchemaPointer} would write. */
  public static String renderWithSchemaPointer(Workspace workspace) {
    String json = render(workspace);
    return "{\n  \"$schema\": \"" + SCHEMA_ID + "\"," + json.substring(json.indexOf('{') + 1);
  }

  void write(Path file, String content) throws IOException {
    write(file, content, false);
  }

  /**
   * Writes through a symbolic link to the file it names (the link stays), keeps an existing file's
   * permissions, and gives a new file 0600 only when {@code secretsInside} (literals), else 0644.
   */
  void write(Path file, String content, boolean secretsInside) throws IOException {
    Path target = linkTarget(file.toAbsolutePath());
    if (Files.isDirectory(target)) {
      throw new IOException(file + " is a folder, not a workspace file; choose a file name.");
    }
    Path dir = target.getParent();
    Files.createDirectories(dir);
    java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = null;
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class);
    if (posix) {
      mode = Files.exists(target) ? Files.getPosixFilePermissions(target)
          : java.nio.file.attribute.PosixFilePermissions.fromString(secretsInside ? "rw-------" : "rw-r--r--");
    }
    if (Files.exists(target) && !parses(target)) {
      String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).format(clock.instant().atZone(clock.getZone()));
      Files.copy(target, dir.resolve(target.getFileName() + ".corrupt-" + stamp), StandardCopyOption.REPLACE_EXISTING);
    }
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      if (mode != null) {
        Files.setPosixFilePermissions(temp, mode);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The file a chain of symbolic links ends at (which may not exist yet); a plain path is itself. */
  private static Path linkTarget(Path path) throws IOException {
    Path p = path;
    for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++) {
      Path link = Files.readSymbolicLink(p);
      p = (link.isAbsolute() ? link : p.getParent().resolve(link)).normalize();
    }
    if (Files.isSymbolicLink(p)) {
      throw new IOException(path + " is a loop of symbolic links.");
    }
    return p;
  }

  private boolean parses(Path file) {
    try {
      parse(file, Files.readAllBytes(file));
      return true;
    } catch (WorkspaceException | IOException e) {
      return false;
    }
  }

  /** One sentence for a Jackson failure: file, line, column, what was wrong or expected. */
  static String describe(Path file, IOException e) {
    if (!(e instanceof JsonProcessingException jpe)) {
      return file + ": cannot be read (" + e.getMessage() + ").";
    }
    JsonLocation loc = jpe.getLocation();
    String where = loc == null ? "" : ", line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    String path = jpe instanceof JsonMappingException jme && !jme.getPath().isEmpty() ? " (at " + path(jme) + ")" : "";
    return file + where + path + ": " + what(jpe);
  }

  private static String what(JsonProcessingException e) {
    if (e instanceof InvalidTypeIdException t) {
      String family = familyName(t.getBaseType().getRawClass());
      return "unknown " + family + " type '" + t.getTypeId() + "' (expected one of " + TypeNames.of(t.getBaseType().getRawClass()) + ").";
    }
    if (e instanceof UnrecognizedPropertyException u) {
      String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
      return "unknown field '" + u.getPropertyName() + "' in " + familyName(u.getReferringClass()) + " (known fields: " + known + ").";
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return v.getCause().getMessage() + ".";
    }
    String msg = e.getOriginalMessage();
    if (msg.contains("end-of-input")) {
      return "the file ends too early (truncated?): " + shapeOnly(firstLine(msg)) + ".";
    }
    return (e instanceof com.fasterxml.jackson.core.JsonParseException ? shapeOnly(firstLine(msg)) : firstLine(msg)) + ".";
  }

  /**
   * A parse message with the file's own text taken out: Jackson quotes the token it choked on
   * ({@code Unrecognized token 'root'}), which for a link to a secret file is the secret.
   */
  static String shapeOnly(String msg) {
    return msg.replaceAll("'[^']*'( \\(code \\d+\\))?", "(text from the file)")
        .replaceAll("\\(\\(text from the file\\)\\)", "(text from the file)");
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining()).replaceFirst("^\\.", "");
  }

  private static String familyName(Class<?> type) {
    String simple = type.getSimpleName();
    return switch (simple) {
      case "Authorizer" -> "authoriser";
      case "LambdaFunction" -> "Lambda function";
      case "CredentialSource" -> "credential source";
      default -> simple.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    };
  }

  private static String firstLine(String msg) {
    int nl = msg.indexOf('\n');
    return (nl < 0 ? msg : msg.substring(0, nl)).replaceAll("\\.$", "");
  }
}
