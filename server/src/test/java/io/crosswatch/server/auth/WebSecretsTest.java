package io.crosswatch.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logins file as token checks see it: read again only when it changed. */
class WebSecretsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path stateDir;

  @Test
  void aTokenCreatedOrRevokedByAnotherProcessCountsFromTheNextRequest() {
    WebSecrets service = new WebSecrets(stateDir);
    WebSecrets commandLine = new WebSecrets(stateDir);
    assertThat(service.tokenName("cwt_unknown")).isEmpty();

    String token = commandLine.createToken("script", NOW);
    assertThat(service.tokenName(token)).contains("script");

    commandLine.revokeToken("script");
    assertThat(service.tokenName(token)).isEmpty();
    assertThat(service.tokens()).isEmpty();
  }

  @Test
  void aPasswordSetByAnotherProcessIsSeenByTheService() {
    WebSecrets service = new WebSecrets(stateDir);
    assertThat(service.hasPassword()).isFalse();

    new WebSecrets(stateDir).setPassword("admin", "a long password".toCharArray());

    assertThat(service.hasPassword()).isTrue();
    assertThat(service.checkLogin("admin", "a long password".toCharArray())).isTrue();
  }

  @Test
  void changesMadeByTheSameInstanceAreSeenAtOnce() {
    WebSecrets secrets = new WebSecrets(stateDir);
    String first = secrets.createToken("one", NOW);
    String second = secrets.createToken("two", NOW);

    assertThat(secrets.tokenName(first)).contains("one");
    assertThat(secrets.tokenName(second)).contains("two");
    secrets.revokeToken("one");
    assertThat(secrets.tokenName(first)).isEmpty();
    assertThat(secrets.tokenName(second)).contains("two");
  }

  @Test
  void anUnchangedFileIsNotParsedAgainForEachTokenCheck() throws Exception {
    WebSecrets secrets = new WebSecrets(stateDir);
    String token = secrets.createToken("script", NOW);
    assertThat(secrets.tokenName(token)).contains("script");

    // Damage the file in place but keep its identity, time and size: had the check read the file
    // again, it would fail on the damaged document.
    Path file = secrets.file();
    FileTime modified = Files.getLastModifiedTime(file);
    byte[] junk = new byte[(int) Files.size(file)];
    java.util.Arrays.fill(junk, (byte) '#');
    Files.write(file, junk);
    Files.setLastModifiedTime(file, modified);

    assertThat(secrets.tokenName(token)).contains("script");

    // Once the time differs, the file is read again (and found damaged).
    Files.setLastModifiedTime(file, FileTime.from(modified.toInstant().plusSeconds(1)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> secrets.tokenName(token))
        .hasMessageContaining("is damaged");
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII)).startsWith("#");
  }
}
