package io.crosswatch.server.auth;

import io.crosswatch.server.auth.PasswordHasher.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web logins in {@code <state_dir>/secrets/web.json} (0600): one user with a PBKDF2 password
 * hash, and API tokens kept as SHA-256 hashes only. Safe for concurrent use within one process.
 */
public final class WebSecrets {
  /** API tokens start with this, so they are recognisable in configs and scripts. */
  public static final String TOKEN_PREFIX = "cwt_";

  /** The user name when none is given. */
  public static final String DEFAULT_USER = "admin";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final CachedSecretFile secrets;

  /** The logins of one state dir. */
  public WebSecrets(Path stateDir) {
    this.secrets =
        new CachedSecretFile(
            stateDir.resolve("secrets").resolve("web.json"),
            "delete it and set the password again with cw web passwd");
  }

  /** A named API token as listed (never the token itself). */
  public record TokenInfo(String name, Instant createdAt) {}

  /** The file the logins are kept in. */
  public Path file() {
    return secrets.file();
  }

  /** Whether a password has been set. */
  public synchronized boolean hasPassword() {
    return stored().has("password");
  }

  /** Sets the user and password (replacing any previous one). */
  public synchronized void setPassword(String user, char[] password) {
    if (password.length == 0) {
      throw new IllegalArgumentException("the password is empty");
    }
    PasswordHash h = PasswordHasher.hash(password);
    ObjectNode root = read();
    root.put("user", user);
    ObjectNode p = root.putObject("password");
    p.put("algorithm", h.algorithm());
    p.put("iterations", h.iterations());
    p.put("salt", h.salt());
    p.put("hash", h.hash());
    write(root);
  }

  /** Whether {@code user} and {@code password} are the stored login. */
  public boolean checkLogin(String user, char[] password) {
    ObjectNode root;
    synchronized (this) {
      root = stored();
    }
    JsonNode p = root.get("password");
    if (p == null || !root.path("user").asString("").equals(user)) {
      // Spend the same time as a real check, so a wrong user name is not told apart by timing.
      PasswordHasher.matches(password, PasswordHasher.hash(new char[] {'x'}));
      return false;
    }
    PasswordHash stored =
        new PasswordHash(
            p.path("algorithm").asString(""),
            p.path("iterations").asInt(0),
            p.path("salt").asString(""),
            p.path("hash").asString(""));
    return PasswordHasher.matches(password, stored);
  }

  /**
   * Creates a token named {@code name} and returns it; only its hash is stored.
   *
   * @throws IllegalArgumentException when the name is taken or not a plain name
   */
  public synchronized String createToken(String name, Instant now) {
    if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "token name \"" + name + "\" must be 1-64 letters, digits, '.', '_' or '-'");
    }
    ObjectNode root = read();
    if (tokens(root).stream().anyMatch(t -> t.name().equals(name))) {
      throw new IllegalArgumentException(
          "a token named \"" + name + "\" exists; revoke it first or pick another name");
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    ObjectNode t = root.withArray("tokens").addObject();
    t.put("name", name);
    t.put("sha256", sha256(token));
    t.put("created_at", now.toString());
    write(root);
    return token;
  }

  /** The tokens, oldest first. */
  public synchronized List<TokenInfo> tokens() {
    return tokens(stored());
  }

  /** Removes a token; false when there was none of that name. */
  public synchronized boolean revokeToken(String name) {
    ObjectNode root = read();
    JsonNode list = root.get("tokens");
    if (list == null || !list.isArray()) {
      return false;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).path("name").asString("").equals(name)) {
        root.withArray("tokens").remove(i);
        write(root);
        return true;
      }
    }
    return false;
  }

  /** The name of the token {@code presented} is, if it is a live one. */
  public Optional<String> tokenName(String presented) {
    if (presented == null || !presented.startsWith(TOKEN_PREFIX)) {
      return Optional.empty();
    }
    byte[] hash = sha256(presented).getBytes(StandardCharsets.US_ASCII);
    for (JsonNode t : stored().path("tokens")) {
      byte[] stored = t.path("sha256").asString("").getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(hash, stored)) {
        return Optional.of(t.path("name").asString(""));
      }
    }
    return Optional.empty();
  }

  private static List<TokenInfo> tokens(ObjectNode root) {
    List<TokenInfo> list = new ArrayList<>();
    for (JsonNode t : root.path("tokens")) {
      list.add(
          new TokenInfo(
              t.path("name").asString(""), Instant.parse(t.path("created_at").asString())));
    }
    return list;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java lacks SHA-256", e);
    }
  }

  /** The file's content to change and write back. */
  private ObjectNode read() {
    return secrets.copy();
  }

  /** The file's content, parsed again only when the file changed (not to be changed). */
  private ObjectNode stored() {
    return secrets.stored();
  }

  private void write(ObjectNode root) {
    secrets.write(root);
  }
}
