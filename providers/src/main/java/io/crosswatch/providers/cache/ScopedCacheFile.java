package io.crosswatch.providers.cache;

import io.crosswatch.core.io.AtomicFiles;
import io.crosswatch.core.provider.DiagnosticLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One small JSON cache file of a provider instance, stamped with a format version and a scope (the
 * data source it belongs to), holding one named section. A missing, damaged (warned) or foreign
 * file reads as an empty section; a failed write is a warning, since a cache is an optimisation.
 *
 * @param file the file, usually {@link SnapshotStore#file} of a provider-specific name
 * @param version the format version; a file of another version is foreign
 * @param scope what the data belongs to; a file of another scope is foreign
 * @param section the name of the root's member holding the data
 * @param subject what the file holds in messages, e.g. {@code "the play times"}
 * @param label who speaks in messages, e.g. {@code "PLEX:default"}
 */
public record ScopedCacheFile(
    Path file, int version, String scope, String section, String subject, String label) {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** What a read found. */
  public record Contents(JsonNode section, boolean replace) {
    /**
     * Checks the parts are given.
     *
     * @param section the section, a missing node when the file offered none
     * @param replace whether the file is damaged or foreign, so worth writing afresh
     */
    public Contents {
      Objects.requireNonNull(section, "section");
    }
  }

  /** Checks that every part is given. */
  public ScopedCacheFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(label, "label");
  }

  /** The section of the file when it is readable and of this version and scope. */
  public Contents read(DiagnosticLog log) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      return new Contents(MissingNode.getInstance(), false);
    } catch (IOException | JacksonException e) {
      log.warn(label + ": " + subject + " " + file + " cannot be read; they are rebuilt");
      return new Contents(MissingNode.getInstance(), true);
    }
    if (root == null
        || root.path("version").asInt(0) != version
        || !scope.equals(root.path("scope").asString(""))) {
      return new Contents(MissingNode.getInstance(), true);
    }
    return new Contents(root.path(section), false);
  }

  /**
   * Replaces the file (owner-only, atomically) with the section {@code fill} writes; on failure
   * warns, naming {@code consequence}, and returns false.
   */
  public boolean write(Consumer<ObjectNode> fill, DiagnosticLog log, String consequence) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", version);
    root.put("scope", scope);
    fill.accept(root.putObject(section));
    byte[] bytes = MAPPER.writeValueAsBytes(root);
    try {
      AtomicFiles.writeOwnerOnly(file, out -> out.write(bytes));
      return true;
    } catch (IOException e) {
      log.warn(
          label
              + ": cannot save "
              + subject
              + " "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); "
              + consequence);
      return false;
    }
  }
}
