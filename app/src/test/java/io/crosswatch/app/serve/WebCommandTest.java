package io.crosswatch.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.server.auth.WebSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebCommandTest {
  @TempDir Path dir;

  @Test
  void passwdStoresOnlyASaltedSlowHashInAnOwnerOnlyFile() throws Exception {
    Workspace ws = new Workspace(dir).config("\"mode\": \"one-way\"");

    CliRun r =
        ws.cwWithInput(
            "s3cret-pass\n",
            "web",
            "passwd",
            "--config",
            ws.config().toString(),
            "--password-stdin");

    assertThat(r.code()).as(r.toString()).isZero();
    Path file = ws.stateDir().resolve("secrets").resolve("web.json");
    String text = Files.readString(file);
    assertThat(text).doesNotContain("s3cret-pass").contains("\"user\":\"admin\"");
    assertThat(text).contains("PBKDF2WithHmacSHA256").contains("\"iterations\":600000");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    WebSecrets secrets = new WebSecrets(ws.stateDir());
    assertThat(secrets.checkLogin("admin", "s3cret-pass".toCharArray())).isTrue();
    assertThat(secrets.checkLogin("admin", "wrong".toCharArray())).isFalse();
    assertThat(secrets.checkLogin("root", "s3cret-pass".toCharArray())).isFalse();
  }

  @Test
  void passwdWithoutAPasswordOnStandardInputIsAUsageError() {
    Workspace ws = new Workspace(dir).config("\"mode\": \"one-way\"");

    CliRun r =
        ws.cwWithInput(
            "",
            "web",
            "passwd",
            "--user",
            "me",
            "--state-dir",
            ws.stateDir().toString(),
            "--password-stdin");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no password given");
  }

  @Test
  void aTokenIsPrintedOnceStoredAsAHashListedByNameAndRevoked() throws Exception {
    Workspace ws = new Workspace(dir).config("\"mode\": \"one-way\"");
    String state = ws.stateDir().toString();

    CliRun created = ws.cw("web", "token", "create", "grafana", "--state-dir", state);
    String token = created.out().strip();
    CliRun again = ws.cw("web", "token", "create", "grafana", "--state-dir", state);
    CliRun listed = ws.cw("web", "token", "list", "--state-dir", state);

    assertThat(created.code()).isZero();
    assertThat(token).startsWith("cwt_").hasSizeGreaterThan(40);
    assertThat(Files.readString(ws.stateDir().resolve("secrets/web.json"))).doesNotContain(token);
    assertThat(new WebSecrets(ws.stateDir()).tokenName(token)).contains("grafana");
    assertThat(again.code()).isEqualTo(2);
    assertThat(listed.out()).contains("grafana").doesNotContain(token);

    CliRun revoked = ws.cw("web", "token", "revoke", "grafana", "--state-dir", state);
    CliRun missing = ws.cw("web", "token", "revoke", "grafana", "--state-dir", state);
    assertThat(revoked.code()).isZero();
    assertThat(new WebSecrets(ws.stateDir()).tokenName(token)).isEmpty();
    assertThat(missing.code()).isEqualTo(1);
  }

  @Test
  void serveRefusesANonLoopbackAddressWithoutAPassword() {
    Workspace ws = new Workspace(dir).config("\"mode\": \"one-way\"");

    CliRun r = ws.cw("serve", "--config", ws.config().toString(), "--listen", "0.0.0.0:0");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("refusing to listen on 0.0.0.0:0 without a web password")
        .contains("cw web passwd");
  }

  @Test
  void serveRefusesAMalformedListenAddress() {
    Workspace ws = new Workspace(dir).config("\"mode\": \"one-way\"");

    CliRun r = ws.cw("serve", "--config", ws.config().toString(), "--listen", "nowhere");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--listen").contains("HOST:PORT");
  }
}
