package io.crosswatch.server.api;

import io.crosswatch.core.config.ConfigException;
import io.crosswatch.core.config.ConfigLoader;
import io.crosswatch.core.config.LoadedConfig;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.server.ApiProblem;
import io.crosswatch.server.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/**
 * The config file as the web sees it: read with every secret masked, written only when valid (the
 * same checks as {@code cw validate}), atomically, keeping the previous file as {@code
 * config.json.bak}.
 */
public final class ConfigService {
  /** The outcome of a save: errors (nothing written) or warnings (written). */
  public record SaveResult(List<ConfigIssue> errors, List<ConfigIssue> warnings) {
    public boolean saved() {
      return errors.isEmpty();
    }
  }

  private final Path file;
  private final ProviderRegistry registry;
  private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  public ConfigService(Path file, ProviderRegistry registry) {
    this.file = file;
    this.registry = registry;
  }

  /** Runs {@code listener} after each successful save (e.g. to restart scrobbling). */
  public void onSaved(Runnable listener) {
    listeners.add(listener);
  }

  /**
   * The config document with secrets as {@code "***"}; an empty object when there is no file yet.
   *
   * @throws ApiProblem 409 when the file on disk is not JSON
   */
  public JsonNode masked() {
    return SecretMask.masked(stored());
  }

  /**
   * Validates {@code sent} (secrets sent back as {@code "***"} keep their stored value) and, when
   * it has no errors, writes it.
   */
  public synchronized SaveResult save(JsonNode sent) {
    if (!sent.isObject()) {
      return new SaveResult(
          List.of(ConfigIssue.error("", "the config must be a JSON object")), List.of());
    }
    JsonNode doc = sent.deepCopy();
    List<String> missing = SecretMask.unmask(doc, Files.exists(file) ? stored() : null);
    if (!missing.isEmpty()) {
      return new SaveResult(
          missing.stream()
              .map(
                  p ->
                      ConfigIssue.error(
                          p, "was sent as \"***\" but no value is stored; send the secret itself"))
              .toList(),
          List.of());
    }
    byte[] bytes =
        Json.MAPPER
            .writer(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(doc)
            .concat("\n")
            .getBytes(StandardCharsets.UTF_8);
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".config-", ".json.tmp");
      try {
        Files.write(temp, bytes);
        LoadedConfig loaded;
        try {
          loaded = new ConfigLoader(registry).load(temp);
        } catch (ConfigException e) {
          return new SaveResult(e.errors(), e.issues().stream().filter(i -> !i.isError()).toList());
        }
        replace(temp);
        listeners.forEach(Runnable::run);
        return new SaveResult(List.of(), loaded.warnings());
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Keeps the current file as {@code .bak}, then renames the new one over it. */
  private void replace(Path temp) throws IOException {
    Path target = file.toAbsolutePath();
    if (Files.exists(target)) {
      Path bak = target.resolveSibling(target.getFileName() + ".bak");
      Files.copy(
          target, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      try {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
      } catch (UnsupportedOperationException e) {
        // no POSIX permissions here
      }
    } else {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // no POSIX permissions here
      }
    }
    try (var channel =
        java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private JsonNode stored() {
    if (!Files.exists(file)) {
      return Json.MAPPER.createObjectNode();
    }
    try {
      return Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (JacksonException e) {
      throw new ApiProblem(
          409, file + " is not valid JSON; fix it on disk, or replace it with PUT /api/config");
    }
  }
}
