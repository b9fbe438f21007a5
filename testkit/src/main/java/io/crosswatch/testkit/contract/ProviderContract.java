package io.crosswatch.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.ConfigLoader;
import io.crosswatch.core.events.RunEvents;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.provider.WriteResult;
import io.crosswatch.core.run.FeatureSummary;
import io.crosswatch.core.run.Orchestrator;
import io.crosswatch.core.run.PairSummary;
import io.crosswatch.core.run.RunListener;
import io.crosswatch.core.run.RunRequest;
import io.crosswatch.core.run.RunSummary;
import io.crosswatch.core.run.Status;
import io.crosswatch.core.scrobble.MalformedWebhookException;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.crosswatch.core.state.SqliteStateStore;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.testkit.InMemoryProvider;
import io.crosswatch.testkit.InMemoryProviderFactory;
import io.crosswatch.testkit.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every provider promises, checked against its fake service: a provider's test class extends
 * this one, says how to reach the fake and which titles the fake knows, and gets these tests.
 *
 * <ul>
 *   <li>the features an instance serves are declared by its factory and can be read;
 *   <li>items read carry only the id kinds the factory declares;
 *   <li>a snapshot read twice is equal;
 *   <li>every item of a write gets exactly one outcome;
 *   <li>a dry run of the orchestrator with the provider as target writes nothing;
 *   <li>secrets never reach the diagnostic log, even with {@code debug_http} on.
 * </ul>
 */
public abstract class ProviderContract {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SOURCE = "CONTRACT_SOURCE";

  /** A folder of its own per test: the config, the state dir and local files go here. */
  @TempDir protected Path contractDir;

  /** The log every instance made by {@link #create()} writes to, with {@code debug_http} on. */
  protected final RecordingLog log = new RecordingLog();

  private final List<Provider> created = new ArrayList<>();

  /** The factory under test. */
  protected abstract ProviderFactory factory();

  /** The settings of an instance that uses the fake service; {@code dir} is for local files. */
  protected abstract ObjectNode settings(Path dir);

  /**
   * Titles the fake service knows and holds for none of the features (plain items: the kit adds the
   * feature's time or rating), at least one.
   */
  protected abstract List<Item> titles();

  /** Every secret in the settings or issued by the fake; none may show in the log. */
  protected abstract List<String> secrets();

  /** The clock instances run by; fakes that keep time give theirs. */
  protected Clock clock() {
    return Clock.systemUTC();
  }

  /** How instances wait; fakes that keep time give their sleeper, so tests never sleep. */
  protected Sleeper sleeper() {
    return Sleeper.SYSTEM;
  }

  /**
   * The feature form of a plain title: a listing, a play, a rating, a playlist member or a resume
   * point, dated an hour ago.
   */
  protected Item forFeature(Item title, Feature feature) {
    Instant at = clock().instant().minusSeconds(3600);
    return switch (feature) {
      case WATCHLIST -> title.withListedAt(at);
      case HISTORY -> title.withWatchedAt(at);
      case RATINGS -> title.withRating(8, at);
      case PLAYLISTS -> title.withPlaylist(PlaylistRef.named("Contract")).withListedAt(at);
      case PROGRESS -> title.withProgress(2_400_000L, 7_200_000L, at);
    };
  }

  /** A new instance over the fake, closed after the test. */
  protected final Provider create() throws Exception {
    Path stateDir = Files.createDirectories(contractDir.resolve("state"));
    String block = factory().name().toLowerCase(Locale.ROOT);
    ProviderContext context =
        new ProviderContext(
            factory().name(),
            "default",
            settings(contractDir),
            block,
            contractDir,
            stateDir,
            clock(),
            true,
            log,
            sleeper(),
            new SplittableRandom(1));
    Provider provider = factory().create(context);
    created.add(provider);
    return provider;
  }

  @AfterEach
  void closeInstances() {
    created.forEach(Provider::close);
  }

  @Test
  void theFeaturesAnInstanceServesAreDeclaredByItsFactory() throws Exception {
    Provider provider = create();
    HealthReport health = provider.health();

    assertThat(health.usable()).as(health.message()).isTrue();
    assertThat(provider.features()).isNotEmpty().isSubsetOf(factory().features());
    assertThat(provider.name()).isEqualTo(factory().name());
  }

  @Test
  void theScrobbleRolesAnInstanceHasAreDeclaredByItsFactory() throws Exception {
    Provider provider = create();

    assertThat(provider.playbackSource().isPresent())
        .as("playbackSource() present exactly when the factory declares SOURCE")
        .isEqualTo(factory().scrobbleRoles().contains(ScrobbleRole.SOURCE));
    assertThat(provider.scrobbleTarget().isPresent())
        .as("scrobbleTarget() present exactly when the factory declares SINK")
        .isEqualTo(factory().scrobbleRoles().contains(ScrobbleRole.SINK));
  }

  /** Only a playback source has webhooks to parse: for other providers this makes no test. */
  @TestFactory
  Stream<DynamicTest> aSourceRefusesAnUnreadableWebhookWithoutQuotingIt() throws Exception {
    byte[] body = "{\"token\": \"webhook-secret-4711\", oops".getBytes(StandardCharsets.UTF_8);

    return create().playbackSource().stream()
        .map(
            source ->
                dynamicTest(
                    "an unreadable webhook is refused without quoting it",
                    () ->
                        assertThatThrownBy(() -> source.parseWebhook("application/json", body))
                            .isInstanceOf(MalformedWebhookException.class)
                            .hasMessageNotContaining("webhook-secret-4711")));
  }

  @Test
  void everyServedFeatureCanBeReadAndCarriesOnlyDeclaredIdKinds() throws Exception {
    seed();
    Provider provider = create();
    provider.health();

    for (Feature feature : provider.features()) {
      List<Item> items = provider.snapshot(feature);

      for (Item item : items) {
        Set<IdKind> kinds = item.ids().asMap().keySet();
        assertThat(kinds).as(feature.key() + " " + item.label()).isSubsetOf(factory().idKinds());
      }
    }
  }

  @Test
  void aSnapshotReadTwiceIsEqual() throws Exception {
    seed();
    Provider provider = create();
    provider.health();

    for (Feature feature : provider.features()) {
      assertThat(counted(provider.snapshot(feature)))
          .as(feature.key())
          .isEqualTo(counted(provider.snapshot(feature)));
    }
  }

  @Test
  void everyWrittenItemGetsExactlyOneOutcome() throws Exception {
    Provider provider = create();
    provider.health();
    for (Feature feature : provider.features()) {
      List<Item> items = items(feature);

      assertOneOutcomeEach(feature + " add", items, provider.add(feature, items));
      assertOneOutcomeEach(feature + " update", items, provider.update(feature, items));
      assertOneOutcomeEach(feature + " remove", items, provider.remove(feature, items));
    }
  }

  @Test
  void aDryRunWithTheProviderAsTargetWritesNothing() throws Exception {
    Provider before = create();
    before.health();
    Set<Feature> features = before.features();
    Map<Feature, Map<Item, Integer>> held = new HashMap<>();
    for (Feature feature : features) {
      held.put(feature, counted(before.snapshot(feature)));
    }
    InMemoryProvider source = new InMemoryProvider(SOURCE);
    for (Feature feature : features) {
      source.put(feature, items(feature));
    }
    AtomicInteger writes = new AtomicInteger();
    ProviderRegistry registry =
        ProviderRegistry.of(
            new InMemoryProviderFactory(SOURCE).register(source),
            new CountingFactory(factory(), writes));
    Path stateDir = Files.createDirectories(contractDir.resolve("dry-run-state"));
    Config config = new ConfigLoader(registry).load(config(features)).config();

    RunSummary summary;
    try (StateStore store = SqliteStateStore.open(stateDir)) {
      summary =
          new Orchestrator(
                  config,
                  registry,
                  store,
                  stateDir,
                  RunEvents.none(),
                  new RunListener() {},
                  clock(),
                  sleeper(),
                  new SplittableRandom(1))
              .run(new RunRequest("contract-dry-run", Set.of(), Set.of(), true));
    }

    PairSummary pair = summary.pairs().get(0);
    assertThat(pair.status()).as(String.valueOf(pair.reason())).isEqualTo(Status.OK);
    assertThat(pair.features())
        .allSatisfy(f -> assertThat(f.planned().target().total()).as(f.feature()).isPositive())
        .extracting(FeatureSummary::status)
        .containsOnly(Status.OK);
    assertThat(writes).as("write calls during a dry run").hasValue(0);
    Provider after = create();
    after.health();
    for (Feature feature : features) {
      assertThat(counted(after.snapshot(feature))).as(feature.key()).isEqualTo(held.get(feature));
    }
  }

  @Test
  void secretsNeverReachTheLog() throws Exception {
    Provider provider = create();
    String health = provider.health().message();
    for (Feature feature : provider.features()) {
      provider.add(feature, items(feature));
      provider.snapshot(feature);
      provider.remove(feature, items(feature));
    }
    provider.settle();

    String logged = String.join("\n", log.lines()) + "\n" + health;
    for (String secret : secrets()) {
      assertThat(secret).as("a secret of the test").isNotBlank();
      assertThat(logged).doesNotContain(secret);
    }
  }

  /**
   * Writes the titles to every served feature with one instance, as a run would (health, writes,
   * settle, close), so that a later instance reads them.
   */
  private void seed() throws Exception {
    Provider writer = create();
    writer.health();
    for (Feature feature : writer.features()) {
      WriteResult result = writer.add(feature, items(feature));
      assertThat(result.outcomes())
          .as("seeding " + feature.key() + ": titles() must be titles the fake service knows")
          .allMatch(ItemOutcome::succeeded, "succeeded");
    }
    writer.settle();
    writer.close();
  }

  private List<Item> items(Feature feature) {
    List<Item> titles = titles();
    assertThat(titles).as("titles() of the contract test").isNotEmpty();
    return titles.stream().map(t -> forFeature(t, feature)).toList();
  }

  /** The config of one one-way pair from an in-memory source to this provider's instance. */
  private Path config(Set<Feature> features) throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.set(factory().name().toLowerCase(Locale.ROOT), settings(contractDir));
    ObjectNode pair = JSON.createObjectNode();
    pair.put("id", "contract");
    pair.put("source", SOURCE);
    pair.put("target", factory().name());
    pair.put("mode", "one-way");
    ObjectNode enabled = pair.putObject("features");
    for (Feature feature : features) {
      ObjectNode f = enabled.putObject(feature.key());
      f.put("enable", true);
      f.put("add", true);
      f.put("remove", true);
    }
    ArrayNode pairs = root.putArray("pairs");
    pairs.add(pair);
    Path file = contractDir.resolve("contract-config.json");
    Files.writeString(file, JSON.writeValueAsString(root));
    return file;
  }

  private static void assertOneOutcomeEach(String what, List<Item> items, WriteResult result) {
    assertThat(result.outcomes()).as(what).hasSameSizeAs(items);
    assertThat(counted(result.outcomes().stream().map(ItemOutcome::item).toList()))
        .as(what)
        .isEqualTo(counted(items));
  }

  /** Items with how often each occurs: equal when the same items come in any order. */
  private static Map<Item, Integer> counted(List<Item> items) {
    Map<Item, Integer> counts = new HashMap<>();
    items.forEach(i -> counts.merge(i, 1, Integer::sum));
    return counts;
  }
}
