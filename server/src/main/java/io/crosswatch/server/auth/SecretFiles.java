package io.crosswatch.server.auth;

import io.crosswatch.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes the JSON objects of {@code <state_dir>/secrets} (folder 0700, files 0600). */
final class SecretFiles {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private SecretFiles() {}

  /**
   * The object in {@code file}; an empty one when there is no file.
   *
   * @param repair what to do when the file is damaged, e.g. "delete it and set the password again"
   */
  static ObjectNode read(Path file, String repair) {
    if (!Files.exists(file)) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (!node.isObject()) {
        throw new IllegalStateException(file + " is damaged (not a JSON object); " + repair);
      }
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalStateException(file + " is damaged (not JSON); " + repair, e);
    }
  }

  /** Replaces {@code file} atomically with {@code root}, readable by its owner only. */
  static void write(Path file, ObjectNode root) {
    try {
      Path dir = file.getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      byte[] bytes = MAPPER.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
      AtomicFiles.writeOwnerOnly(file, out -> out.write(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
