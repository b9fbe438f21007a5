package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.listedRange;
import static io.crosswatch.app.scenario.Docs.played;
import static io.crosswatch.app.scenario.Docs.rated;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.state.Side;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.providers.file.FileProviderFactory;
import io.crosswatch.testkit.Forwarding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A feature whose two sides hold what they held after the last clean run is not read nor planned:
 * each side's snapshot digest is compared with the one stored beside its baseline. Any change of
 * the data, of the pair's settings or pending work plans it as usual.
 */
class UnchangedSidesTest {
  private static final Instant AT = Instant.parse("2026-01-10T08:00:00Z");
  private static final String PAIR =
      "\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"remove\": true},"
          + " \"history\": true, \"ratings\": true}";

  @TempDir Path dir;

  private final List<String> snapshots = new ArrayList<>();
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir).providers(() -> ProviderRegistry.of(new CountingFiles()));
    ws.config(PAIR);
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listedRange(1, 5, AT))
            .with("history", played(1, AT), played(2, AT))
            .with("ratings", rated(1, 7, AT), rated(2, 3, AT))
            .json());
    CliRun first = ws.run();
    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.applied("watchlist", "target", "add")).isEqualTo(5);
    assertThat(snapshots).isNotEmpty();
    snapshots.clear();
  }

  @Test
  void aRunAfterACleanRunReadsNoSnapshotAndSaysEveryFeatureWasUnchanged() {
    Workspace.Fingerprint a = ws.fingerprint("a.json");
    Workspace.Fingerprint b = ws.fingerprint("b.json");

    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(snapshots).isEmpty();
    for (String feature : List.of("watchlist", "history", "ratings")) {
      assertThat(unchanged(second, feature)).as(feature).isTrue();
      assertThat(second.feature(feature).get("status").asString()).isEqualTo("ok");
    }
    assertThat(second.feature("watchlist").get("source_count").asInt()).isEqualTo(5);
    assertThat(second.feature("watchlist").get("target_count").asInt()).isEqualTo(5);
    assertThat(second.feature("history").get("target_count").asInt()).isEqualTo(2);
    assertThat(second.feature("ratings").get("source_count").asInt()).isEqualTo(2);
    assertThat(second.nonZeroPlanned()).isEmpty();
    List<JsonNode> events = ws.events(second);
    assertThat(events).noneMatch(e -> e.get("event").asString().equals("snapshot"));
    assertThat(events)
        .filteredOn(e -> e.get("event").asString().equals("plan"))
        .hasSize(3)
        .allMatch(e -> e.get("unchanged").asBoolean());
    assertThat(ws.fingerprint("a.json")).isEqualTo(a);
    assertThat(ws.fingerprint("b.json")).isEqualTo(b);
  }

  @Test
  void oneChangedByteOfASourceItemPlansThatFeatureOnly() throws Exception {
    replaceInFile("a.json", "\"rating\": 7", "\"rating\": 8");

    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(unchanged(second, "ratings")).isFalse();
    assertThat(second.applied("ratings", "target", "update")).isEqualTo(1);
    assertThat(snapshots).containsOnly("default:ratings", "b:ratings");
    assertThat(unchanged(second, "watchlist")).isTrue();
    assertThat(unchanged(second, "history")).isTrue();

    snapshots.clear();
    CliRun third = ws.run();
    assertThat(unchanged(third, "ratings")).isTrue();
    assertThat(snapshots).isEmpty();
  }

  @Test
  void aTargetEditedByHandIsPlannedAndRepaired() throws Exception {
    replaceInFile("b.json", "\"rating\": 3", "\"rating\": 4");

    CliRun second = ws.run();

    assertThat(unchanged(second, "ratings")).isFalse();
    assertThat(second.applied("ratings", "target", "update")).isEqualTo(1);
  }

  @Test
  void aChangedSettingOfTheFeaturePlansIt() {
    ws.config(PAIR.replace("\"history\": true", "\"history\": {\"rewatches\": true}"));

    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(unchanged(second, "history")).isFalse();
    assertThat(snapshots).contains("default:history", "b:history");
    assertThat(unchanged(second, "watchlist")).isTrue();
  }

  @Test
  void aChangedSyncSettingPlansEveryFeature() {
    ws.config("", "\"history_match_window_sec\": 120", PAIR);

    CliRun second = ws.run();

    for (String feature : List.of("watchlist", "history", "ratings")) {
      assertThat(unchanged(second, feature)).as(feature).isFalse();
    }
  }

  @Test
  void anUnresolvedItemOfTheFeaturePlansIt() {
    try (StateStore store = SqliteStateStore.open(ws.stateDir())) {
      Item lost = Item.movie("Lost", 1999, Ids.empty());
      store.transaction(
          tx -> tx.putUnresolved("p", Feature.WATCHLIST, Side.TARGET, lost, "not_found", AT));
    }

    CliRun second = ws.run();

    assertThat(unchanged(second, "watchlist")).isFalse();
    assertThat(snapshots).contains("default:watchlist", "b:watchlist");
    assertThat(unchanged(second, "history")).isTrue();
  }

  @Test
  void aDryRunSkipsTooButStoresNoDigestOfWhatChanged() throws Exception {
    CliRun dry = ws.run("--dry-run");
    assertThat(unchanged(dry, "watchlist")).isTrue();
    assertThat(snapshots).isEmpty();

    replaceInFile("a.json", "\"rating\": 7", "\"rating\": 8");
    CliRun changedDry = ws.run("--dry-run");
    assertThat(unchanged(changedDry, "ratings")).isFalse();
    assertThat(changedDry.planned("ratings", "target", "update")).isEqualTo(1);

    CliRun real = ws.run();
    assertThat(unchanged(real, "ratings")).isFalse();
    assertThat(real.applied("ratings", "target", "update")).isEqualTo(1);
  }

  @Test
  void aDamagedStoredDigestPlansAsUsual() throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + ws.stateDir().resolve("state.db"));
        Statement st = c.createStatement()) {
      assertThat(st.executeUpdate("UPDATE baselines SET digest = 'x' || substr(digest, 2)"))
          .isEqualTo(6);
    }

    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    for (String feature : List.of("watchlist", "history", "ratings")) {
      assertThat(unchanged(second, feature)).as(feature).isFalse();
    }
    assertThat(second.nonZeroPlanned()).isEmpty();
    snapshots.clear();
    CliRun third = ws.run();
    assertThat(unchanged(third, "watchlist")).isTrue();
    assertThat(snapshots).isEmpty();
  }

  @Test
  void aTrackerTargetIsToldUnchangedByItsRevisions() throws Exception {
    ws = new Workspace(dir.resolve("tracker"));
    Files.createDirectories(ws.dir());
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\"},"
            + " \"file\": {\"path\": \"a.json\"}, \"tracker\": {},"
            + " \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \"TRACKER\","
            + " \"mode\": \"one-way\", \"features\": {\"watchlist\": true, \"ratings\": true}}]}");
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listedRange(1, 3, AT))
            .with("ratings", rated(1, 7, AT))
            .json());
    assertThat(ws.run().code()).isZero();

    CliRun second = ws.run();
    assertThat(unchanged(second, "watchlist")).isTrue();
    assertThat(unchanged(second, "ratings")).isTrue();

    replaceInFile("a.json", "\"rating\": 7", "\"rating\": 9");
    CliRun third = ws.run();
    assertThat(unchanged(third, "ratings")).isFalse();
    assertThat(third.applied("ratings", "target", "update")).isEqualTo(1);
    assertThat(unchanged(third, "watchlist")).isTrue();

    assertThat(unchanged(ws.run(), "ratings")).isTrue();
  }

  /** Whether the run's {@code feature:done} event of a feature says it was left unchanged. */
  private boolean unchanged(CliRun run, String feature) {
    List<JsonNode> done =
        ws.events(run).stream()
            .filter(e -> e.get("event").asString().equals("feature:done"))
            .filter(e -> e.get("feature").asString().equals(feature))
            .toList();
    assertThat(done).as(feature).hasSize(1);
    return done.get(0).get("unchanged").asBoolean();
  }

  private void replaceInFile(String name, String from, String to) throws Exception {
    Path file = ws.path(name);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(file, text.replaceFirst(Pattern.quote(from), to));
  }

  /** The real {@code FILE} provider, recording every snapshot read as {@code instance:feature}. */
  private final class CountingFiles implements ProviderFactory {
    private final FileProviderFactory files = new FileProviderFactory();

    @Override
    public String name() {
      return files.name();
    }

    @Override
    public List<ConfigIssue> validate(JsonNode settings, String path) {
      return files.validate(settings, path);
    }

    @Override
    public Provider create(ProviderContext context) throws ProviderException {
      return Forwarding.to(
          Provider.class,
          files.create(context),
          (method, args) -> {
            if (method.getName().equals("snapshot")) {
              synchronized (snapshots) {
                snapshots.add(context.instance() + ":" + ((Feature) args[0]).key());
              }
            }
          });
    }
  }
}
