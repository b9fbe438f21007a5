package io.crosswatch.providers.auth;

import io.crosswatch.core.io.AtomicFiles;
import io.crosswatch.providers.cache.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the OAuth tokens of every provider instance in {@code <state_dir>/secrets/<PROVIDER>-
 * <instance>.json}: the folder is owner-only ({@code 0700}), each file owner-only ({@code 0600})
 * and replaced atomically, so a crash leaves the old tokens or the new ones, never a mix.
 *
 * <p>A file holds {@code access_token}, {@code refresh_token}, {@code expires_at} (epoch seconds)
 * and the provider's extras as further string keys. Providers read the store first and fall back to
 * their config block ({@link #loadOr}); they save only tokens the service has just issued, so a
 * failed authorization or refresh never replaces working tokens. Messages name files, never tokens.
 * Thread-safe: each call reads or replaces one whole file.
 */
public final class TokenStore {
  /** The folder under the state dir that holds the token files. */
  public static final String FOLDER = "secrets";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Set<PosixFilePermission> FOLDER_PERMS =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_PERMS =
      PosixFilePermissions.fromString("rw-------");
  private static final String ACCESS = "access_token";
  private static final String REFRESH = "refresh_token";
  private static final String EXPIRES = "expires_at";

  private final Path dir;

  /** A store in {@code <stateDir>/secrets}; nothing is created until the first save. */
  public TokenStore(Path stateDir) {
    this.dir = Objects.requireNonNull(stateDir, "stateDir").resolve(FOLDER);
  }

  /** The file of one instance, e.g. {@code secrets/TRAKT-default.json}. */
  public Path file(String provider, String instance) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(instance, "instance");
    return dir.resolve(Names.fileName(provider, instance));
  }

  /**
   * The stored tokens of one instance; empty when none were stored.
   *
   * @throws TokenStoreException when the file exists but cannot be read or is not a token file
   */
  public Optional<Tokens> load(String provider, String instance) throws TokenStoreException {
    Path file = file(provider, instance);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new TokenStoreException(
          file + ": cannot read the token file (" + e.getClass().getSimpleName() + ")", e);
    }
    tighten(file);
    return Optional.of(parse(file, bytes));
  }

  /** The stored tokens, else {@code fallback} (usually the config block's keys). */
  public Tokens loadOr(String provider, String instance, Tokens fallback)
      throws TokenStoreException {
    Objects.requireNonNull(fallback, "fallback");
    return load(provider, instance).orElse(fallback);
  }

  /**
   * Replaces the tokens of one instance atomically with an owner-only file. Save only tokens the
   * service has just issued: whatever was stored before is gone afterwards.
   *
   * @throws TokenStoreException when the file cannot be written; the old file is then unchanged
   */
  public void save(String provider, String instance, Tokens tokens) throws TokenStoreException {
    Objects.requireNonNull(tokens, "tokens");
    Path file = file(provider, instance);
    byte[] bytes = MAPPER.writeValueAsBytes(toJson(tokens));
    try {
      createFolder();
      AtomicFiles.write(file, out -> out.write(bytes), FILE_PERMS);
    } catch (IOException e) {
      throw new TokenStoreException(
          file
              + ": cannot save the tokens ("
              + e.getClass().getSimpleName()
              + "); check the "
              + "state dir's permissions and free space",
          e);
    }
  }

  /** Deletes the tokens of one instance; true when there were any. */
  public boolean delete(String provider, String instance) throws TokenStoreException {
    Path file = file(provider, instance);
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new TokenStoreException(file + ": cannot delete the token file", e);
    }
  }

  private static ObjectNode toJson(Tokens tokens) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put(ACCESS, tokens.accessToken());
    o.put(REFRESH, tokens.refreshToken());
    o.put(EXPIRES, tokens.expiresAt());
    tokens
        .extras()
        .forEach(
            (k, v) -> {
              if (!k.equals(ACCESS) && !k.equals(REFRESH) && !k.equals(EXPIRES)) {
                o.put(k, v);
              }
            });
    return o;
  }

  private static Tokens parse(Path file, byte[] bytes) throws TokenStoreException {
    JsonNode root;
    try {
      root = MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      // The parser's own message may quote the file's content, so only its position is kept.
      throw invalid(file, "not valid JSON" + at(e.getLocation()), null);
    }
    if (root == null || !root.isObject()) {
      throw invalid(file, "must hold a JSON object", null);
    }
    String access = text(file, root, ACCESS);
    String refresh = text(file, root, REFRESH);
    JsonNode expires = root.get(EXPIRES);
    long expiresAt = 0;
    if (expires != null && !expires.isNull()) {
      if (!expires.isIntegralNumber() || !expires.canConvertToLong() || expires.longValue() < 0) {
        throw invalid(file, EXPIRES + " must be a whole number of epoch seconds ≥ 0", null);
      }
      expiresAt = expires.longValue();
    }
    Map<String, String> extras = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String key = e.getKey();
      if (!key.equals(ACCESS) && !key.equals(REFRESH) && !key.equals(EXPIRES)) {
        JsonNode v = e.getValue();
        if (v.isValueNode() && !v.isNull()) {
          extras.put(key, v.asString());
        }
      }
    }
    return new Tokens(access, refresh, expiresAt, extras);
  }

  private static String text(Path file, JsonNode root, String key) throws TokenStoreException {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isString()) {
      throw invalid(file, key + " must be a string", null);
    }
    return v.stringValue().strip();
  }

  private static TokenStoreException invalid(Path file, String problem, Throwable cause) {
    return new TokenStoreException(
        file + ": not a valid token file: " + problem + "; authorize again or delete the file",
        cause);
  }

  private static String at(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private void createFolder() throws IOException {
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER_PERMS));
      } else {
        Files.createDirectories(dir);
      }
    }
    if (posix && !Files.getPosixFilePermissions(dir).equals(FOLDER_PERMS)) {
      // Created by the umask narrower or wider than asked, or by hand: make it owner-only.
      Files.setPosixFilePermissions(dir, FOLDER_PERMS);
    }
  }

  /** Makes a token file that someone opened up owner-only again; best effort. */
  private static void tighten(Path file) {
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
          && !Files.getPosixFilePermissions(file).equals(FILE_PERMS)) {
        Files.setPosixFilePermissions(file, FILE_PERMS);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Reading works regardless; the next save writes the file owner-only.
    }
  }
}
