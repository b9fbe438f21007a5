package io.crosswatch.providers.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
  @TempDir Path stateDir;

  private TokenStore store() {
    return new TokenStore(stateDir);
  }

  @Test
  void savedTokensComeBackWithTheirExtras() throws Exception {
    Tokens tokens =
        new Tokens("access-1234", "refresh-5678", 1_800_000_000L, Map.of("user_id", "42"));

    store().save("TRAKT", "default", tokens);

    assertThat(store().load("TRAKT", "default")).contains(tokens);
  }

  @Test
  void tokensLiveInSecretsProviderInstanceJson() {
    assertThat(store().file("TRAKT", "work"))
        .isEqualTo(stateDir.resolve("secrets").resolve("TRAKT-work.json"));
  }

  @Test
  void theFileIsOwnerOnlyInAnOwnerOnlyFolder() throws Exception {
    store().save("SIMKL", "default", Tokens.of("access-1234", "", 0));

    Path file = store().file("SIMKL", "default");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void aFolderSomeoneOpenedUpIsMadeOwnerOnlyAgainOnSave() throws Exception {
    Path secrets = Files.createDirectories(stateDir.resolve("secrets"));
    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwxr-xr-x"));

    store().save("TRAKT", "default", Tokens.of("access-1234", "refresh-5678", 0));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
        .isEqualTo("rwx------");
  }

  @Test
  void aSaveReplacesTheFileWholeAndLeavesNoTemporaryFiles() throws Exception {
    store().save("TRAKT", "default", Tokens.of("old-access", "old-refresh", 100));
    store().save("TRAKT", "default", Tokens.of("new-access", "new-refresh", 200));

    assertThat(store().load("TRAKT", "default"))
        .contains(Tokens.of("new-access", "new-refresh", 200));
    try (var files = Files.list(stateDir.resolve("secrets"))) {
      assertThat(files)
          .extracting(p -> p.getFileName().toString())
          .containsExactly("TRAKT-default.json");
    }
  }

  @Test
  void missingTokensAreEmptyAndTheFallbackIsUsed() throws Exception {
    Tokens fromConfig = Tokens.of("config-access", "config-refresh", 5);

    assertThat(store().load("TRAKT", "default")).isEmpty();
    assertThat(store().loadOr("TRAKT", "default", fromConfig)).isEqualTo(fromConfig);
  }

  @Test
  void storedTokensWinOverTheFallback() throws Exception {
    Tokens stored = Tokens.of("stored-access", "stored-refresh", 9);
    store().save("TRAKT", "default", stored);

    assertThat(store().loadOr("TRAKT", "default", Tokens.of("config-access", "x", 1)))
        .isEqualTo(stored);
  }

  @Test
  void aDamagedFileIsAnErrorNamingTheFileButNotItsContent() throws Exception {
    Path file = store().file("TRAKT", "default");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"access_token\": \"s3cr3t-token-value\" ");

    assertThatThrownBy(() -> store().load("TRAKT", "default"))
        .isInstanceOf(TokenStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not valid JSON")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void aTokenOfTheWrongTypeIsAnError() throws Exception {
    Path file = store().file("TRAKT", "default");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"access_token\": 12345, \"expires_at\": \"soon\"}");

    assertThatThrownBy(() -> store().load("TRAKT", "default"))
        .isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("access_token must be a string");
  }

  @Test
  void aFileOpenedUpByHandIsMadeOwnerOnlyWhenRead() throws Exception {
    store().save("TRAKT", "default", Tokens.of("access-1234", "refresh-5678", 0));
    Path file = store().file("TRAKT", "default");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    store().load("TRAKT", "default");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void instanceNamesCannotLeaveTheSecretsFolder() {
    Path file = store().file("TRAKT", "../../etc/passwd");

    assertThat(file.getParent()).isEqualTo(stateDir.resolve("secrets"));
    assertThat(file.getFileName().toString()).startsWith("TRAKT-%2E").doesNotContain("/");
  }

  @Test
  void deleteRemovesTheFile() throws Exception {
    store().save("TRAKT", "default", Tokens.of("access-1234", "refresh-5678", 0));

    assertThat(store().delete("TRAKT", "default")).isTrue();
    assertThat(store().load("TRAKT", "default")).isEmpty();
    assertThat(store().delete("TRAKT", "default")).isFalse();
  }

  @Test
  void tokensNeverShowInToString() {
    Tokens tokens = new Tokens("access-1234", "refresh-5678", 7, Map.of("user_id", "42"));

    assertThat(tokens.toString()).doesNotContain("access-1234", "refresh-5678").contains("***");
  }

  @Test
  void expiryIsMeasuredAgainstAMargin() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Tokens tokens = Tokens.of("a", "r", now.plus(Duration.ofMinutes(30)).getEpochSecond());

    assertThat(tokens.expiresWithin(now, Duration.ofHours(1))).isTrue();
    assertThat(tokens.expiresWithin(now, Duration.ofMinutes(10))).isFalse();
    assertThat(tokens.expiredAt(now)).isFalse();
    assertThat(tokens.expiredAt(now.plus(Duration.ofMinutes(30)))).isTrue();
    assertThat(Tokens.of("a", "r", 0).expiresWithin(now, Duration.ofDays(999))).isFalse();
  }
}
