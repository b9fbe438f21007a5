package io.crosswatch.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A config written for CrossWatch carries a block for every service, most of them left empty, and
 * keys crosswatch does not know: it loads with every provider this build has, warns about what it
 * does not know, and runs the pairs it can.
 */
class CrossWatchConfigTest {
  private static final String CROSSWATCH_STYLE =
      """
      {
        "plex": {"server_url": "", "account_token": "", "client_id": "", "account_id": "",
                 "history": {"libraries": []}, "ratings": {"libraries": []}},
        "jellyfin": {"server": "", "access_token": "", "user_id": "", "username": "",
                     "device_id": "", "verify_ssl": false},
        "emby": {"server": "", "access_token": "", "user_id": "", "username": "",
                 "device_id": "", "verify_ssl": false},
        "trakt": {"client_id": "", "client_secret": "", "access_token": "",
                  "refresh_token": "", "expires_at": 0},
        "simkl": {"client_id": "", "client_secret": "", "access_token": ""},
        "mdblist": {"api_key": ""},
        "file": {"path": "a.json", "instances": {"b": {"path": "b.json"}}},
        "scheduling": {"enabled": false, "mode": "hourly"},
        "ui": {"theme": "dark"},
        "pairs": [
          {"id": "backup", "source": "FILE", "target": "FILE", "target_instance": "b",
           "mode": "one-way", "features": {"watchlist": true}},
          {"id": "later", "enabled": false, "source": "JELLYFIN", "target": "TRAKT",
           "mode": "one-way", "features": {"history": true}}
        ]
      }
      """;

  @TempDir Path dir;

  /** A workspace with {@code config} and a FILE {@code a.json} holding one watchlist title. */
  private Workspace workspace(String config) {
    Workspace ws = new Workspace(dir);
    ws.write("config.json", config);
    ws.write("a.json", Docs.doc("watchlist", Docs.listed(1, Workspace.START)));
    return ws;
  }

  @Test
  void loadsWithWarningsAndRunsThePairsItCan() {
    Workspace ws = workspace(CROSSWATCH_STYLE);

    CliRun validate = ws.cw("validate", "--config", ws.config().toString());
    // The config names no state dir; the test's own keeps it away from the user's.
    CliRun run = ws.run("--state-dir", ws.stateDir().toString());

    assertThat(validate.code()).as(validate.toString()).isZero();
    // Blocks crosswatch does not know share one line; the keys it skips are one line per block.
    assertThat(validate.err()).contains("ui").contains("simkl.client_secret: unknown key");
    assertThat(validate.err().lines()).hasSizeLessThanOrEqualTo(2);
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(ws.titles("b.json", "watchlist")).containsExactly(Docs.title(1));
  }

  private static final String WITH_ANILIST_PAIR =
      """
      {
        "anilist": {"client_id": "", "client_secret": "", "access_token": "", "user": {}},
        "file": {"path": "a.json", "instances": {"b": {"path": "b.json"}}},
        "pairs": [
          {"id": "anime", "source": "ANILIST", "target": "FILE", "target_instance": "b",
           "mode": "one-way", "features": {"watchlist": true}},
          {"id": "backup", "source": "FILE", "target": "FILE", "target_instance": "b",
           "mode": "one-way", "features": {"watchlist": true}}
        ]
      }
      """;

  @Test
  void aPairOfAServiceThisBuildLacksIsSkippedWithAWarningAndTheOthersRun() {
    Workspace ws = workspace(WITH_ANILIST_PAIR);

    CliRun validate = ws.cw("validate", "--config", ws.config().toString());
    CliRun run = ws.run("--state-dir", ws.stateDir().toString());

    assertThat(validate.code()).as(validate.toString()).isZero();
    assertThat(validate.err())
        .contains(
            "pairs[0].source: provider ANILIST is not available in this build;"
                + " the pair will be skipped");
    assertThat(run.code()).as(run.toString()).isZero();
    JsonNode anime = run.summary().get("pairs").get(0);
    assertThat(anime.get("id").asString()).isEqualTo("anime");
    assertThat(anime.get("status").asString()).isEqualTo("skipped");
    assertThat(anime.get("reason").asString())
        .isEqualTo("provider ANILIST is not available in this build");
    assertThat(run.summary().get("pairs").get(1).get("status").asString()).isEqualTo("ok");
    assertThat(ws.titles("b.json", "watchlist")).containsExactly(Docs.title(1));
  }

  @Test
  void aMisspeltProviderIsAConfigErrorEvenInACrossWatchConfig() {
    Workspace ws = workspace(WITH_ANILIST_PAIR.replace("\"ANILIST\"", "\"ANILIS\""));

    CliRun run = ws.run("--state-dir", ws.stateDir().toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("pairs[0].source: unknown provider \"ANILIS\" (known: FILE,");
    assertThat(ws.dir().resolve("b.json")).doesNotExist();
  }
}
