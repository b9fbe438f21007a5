package io.crosswatch.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.ConfigException;
import io.crosswatch.core.config.ConfigLoader;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.ProviderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigFormTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CONFIG =
      """
      {"runtime": {"apply_chunk_size": 100, "debug": false},
       "sync": {"max_remove_ratio": 0.5},
       "file": {"path": "library.json", "instances": {"backup": {"path": "backup.json"}}},
       "trakt": {"client_id": "abc", "client_secret": "***", "expires_at": 0},
       "pairs": [
         {"id": "lib-to-backup", "source": "FILE", "target": "FILE", "target_instance": "backup",
          "mode": "one-way",
          "features": {"watchlist": true,
                       "history": {"enable": true, "add": true, "remove": false, "rewatches": true}}},
         {"id": "second", "enabled": false, "source": "FILE", "target": "TRACKER",
          "features": {"ratings": {"enable": true, "add": true, "remove": true}}}
       ]}
      """;

  private static final String SCROBBLE =
      """
      {"plex": {}, "jellyfin": {"instances": {"den": {}}}, "trakt": {}, "pairs": [],
       "scrobble": {"enabled": true,
         "sources": [{"provider": "PLEX", "via": "webhook", "users": ["alice", "bob"]},
                     {"provider": "JELLYFIN", "instance": "den", "via": "watch", "users": ["carol"]}],
         "sinks": [{"provider": "TRAKT"}]}}
      """;

  @TempDir Path dir;

  private final ConfigFormBuilder builder =
      new ConfigFormBuilder(
          List.copyOf(ProviderRegistry.load().names()),
          Arrays.stream(Feature.values()).map(Feature::key).toList(),
          List.of("PLEX", "JELLYFIN", "EMBY"),
          List.of("TRAKT", "SIMKL"),
          Map.of());

  @Test
  void aFormSentBackUnchangedLeavesTheConfigAsItWas() {
    JsonNode base = JSON.readTree(CONFIG);
    ConfigView form = form(base);

    JsonNode edited = new ConfigFormReader(form, browserSends(form)).apply(base);

    assertThat(edited).isEqualTo(base);
  }

  @Test
  void everyInputIsNamedByTheJsonPathItEdits() {
    ConfigView form = form(JSON.readTree(CONFIG));

    assertThat(ConfigFormBuilder.anchors(form))
        .contains(
            "runtime.apply_chunk_size",
            "pairs[0].mode",
            "pairs[1].enabled",
            "pairs[0].features.history.remove",
            "file.instances.backup.path",
            "trakt.client_secret");
    assertThat(field(form, "trakt.client_secret").kind()).isEqualTo(FormField.Kind.SECRET);
    assertThat(field(form, "pairs[1].enabled").checked()).isFalse();
    assertThat(field(form, "pairs[0].target_instance").value()).isEqualTo("backup");
  }

  @Test
  void typedValuesAreWrittenAtTheirPathsAndAnEmptiedInputFallsBackToTheDefault() {
    JsonNode base = JSON.readTree(CONFIG);
    ConfigView form = form(base);
    Map<String, List<String>> sent = browserSends(form);
    sent.put("runtime.apply_chunk_size", List.of("250"));
    sent.put("sync.max_remove_ratio", List.of(""));
    sent.put("pairs[0].mode", List.of("two-way"));
    sent.remove("pairs[0].features.watchlist.enable");
    sent.put("runtime.debug", List.of("true"));

    JsonNode edited = new ConfigFormReader(form, sent).apply(base);

    assertThat(edited.at("/runtime/apply_chunk_size").asInt()).isEqualTo(250);
    assertThat(edited.at("/runtime/apply_chunk_size").isNumber()).isTrue();
    assertThat(edited.at("/sync").has("max_remove_ratio")).isFalse();
    assertThat(edited.at("/pairs/0/mode").asString()).isEqualTo("two-way");
    assertThat(edited.at("/pairs/0/features/watchlist"))
        .isEqualTo(JSON.readTree("{\"enable\": false, \"add\": true, \"remove\": false}"));
    assertThat(edited.at("/pairs/0/features/history/rewatches").asBoolean()).isTrue();
    assertThat(edited.at("/runtime/debug").asBoolean()).isTrue();
  }

  @Test
  void aPairIsDeletedWithItsBoxAndANewOneIsAddedWhenGivenAnIdASourceAndATarget() {
    JsonNode base = JSON.readTree(CONFIG);
    ConfigView form = form(base);
    Map<String, List<String>> sent = browserSends(form);
    sent.put("pairs[0]._delete", List.of("true"));
    sent.put("pairs[2].id", List.of("to-tracker"));
    sent.put("pairs[2].source", List.of("FILE"));
    sent.put("pairs[2].target", List.of("TRACKER"));

    JsonNode edited = new ConfigFormReader(form, sent).apply(base);

    assertThat(edited.path("pairs").size()).isEqualTo(2);
    assertThat(edited.at("/pairs/0/id").asString()).isEqualTo("second");
    assertThat(edited.at("/pairs/1/id").asString()).isEqualTo("to-tracker");
    assertThat(edited.at("/pairs/1/features/watchlist/enable").asBoolean()).isTrue();
    assertThat(edited.at("/pairs/1").has("enabled")).isFalse();
  }

  @Test
  void anInvalidValueIsShownAtItsInputWithTheMessageOfValidate() throws Exception {
    JsonNode base = JSON.readTree(CONFIG);
    ConfigView form = form(base);
    Map<String, List<String>> sent = browserSends(form);
    sent.put("runtime.apply_chunk_size", List.of("0"));
    sent.put("pairs[1].target", List.of("NOPE"));
    JsonNode edited = new ConfigFormReader(form, sent).apply(base);
    List<ConfigIssue> errors = validate(edited);

    ErrorPlacement placed = ErrorPlacement.place(ConfigFormBuilder.anchors(form), problems(errors));
    ConfigView shown =
        new ConfigFormBuilder(
                List.copyOf(ProviderRegistry.load().names()),
                Arrays.stream(Feature.values()).map(Feature::key).toList(),
                placed.byAnchor())
            .build(edited, List.of(), placed.unplaced(), List.of(), false);

    assertThat(errors)
        .extracting(ConfigIssue::path)
        .contains("runtime.apply_chunk_size", "pairs[1].target");
    assertThat(field(shown, "runtime.apply_chunk_size").errors())
        .containsExactly(message(errors, "runtime.apply_chunk_size"));
    assertThat(field(shown, "runtime.apply_chunk_size").value()).isEqualTo("0");
    assertThat(field(shown, "pairs[1].target").errors())
        .containsExactly(message(errors, "pairs[1].target"));
  }

  @Test
  void anErrorWithoutItsOwnInputIsShownAtTheNearestBoxAndOneOfTheWholeFileAtTheTop() {
    List<ErrorPlacement.Problem> problems =
        List.of(
            new ErrorPlacement.Problem("pairs[0].features.watchlist.rewatches", "unknown key"),
            new ErrorPlacement.Problem("pairs[1]", "source and target are the same instance"),
            new ErrorPlacement.Problem("", "not valid JSON"));

    ErrorPlacement placed =
        ErrorPlacement.place(ConfigFormBuilder.anchors(form(JSON.readTree(CONFIG))), problems);

    assertThat(placed.byAnchor().get("pairs[0].features.watchlist"))
        .containsExactly("pairs[0].features.watchlist.rewatches: unknown key");
    assertThat(placed.byAnchor().get("pairs[1]"))
        .containsExactly("source and target are the same instance");
    assertThat(placed.unplaced()).containsExactly("not valid JSON");
  }

  @Test
  void theScrobbleBlockSentBackUnchangedStaysAsItWas() {
    JsonNode base = JSON.readTree(SCROBBLE);
    ConfigView form = form(base);

    JsonNode edited = new ConfigFormReader(form, browserSends(form)).apply(base);

    assertThat(edited).isEqualTo(base);
    assertThat(field(form, "scrobble.enabled").checked()).isTrue();
    assertThat(field(form, "scrobble.sources[0].users").value()).isEqualTo("alice, bob");
    assertThat(field(form, "scrobble.sources[1].via").value()).isEqualTo("watch");
    assertThat(field(form, "scrobble.sources[2].provider").options())
        .containsExactly("", "PLEX", "JELLYFIN", "EMBY");
    assertThat(field(form, "scrobble.sinks[1].provider").options())
        .containsExactly("", "TRAKT", "SIMKL");
  }

  @Test
  void scrobbleSourcesAndSinksAreEditedAddedAndDeletedInTheirBoxes() {
    JsonNode base = JSON.readTree(SCROBBLE);
    ConfigView form = form(base);
    Map<String, List<String>> sent = browserSends(form);
    sent.put("scrobble.sources[0].users", List.of(" alice, dave ,, "));
    sent.put("scrobble.sources[0].via", List.of("watch"));
    sent.put("scrobble.sources[1]._delete", List.of("true"));
    sent.put("scrobble.sources[2].provider", List.of("EMBY"));
    sent.put("scrobble.sources[2].users", List.of("erin"));
    sent.put("scrobble.sinks[1].provider", List.of("SIMKL"));
    sent.put("scrobble.sinks[1].instance", List.of("second"));
    sent.remove("scrobble.enabled");

    JsonNode edited = new ConfigFormReader(form, sent).apply(base);

    assertThat(edited.get("scrobble"))
        .isEqualTo(
            JSON.readTree(
                """
                {"enabled": false,
                 "sources": [{"provider": "PLEX", "via": "watch", "users": ["alice", "dave"]},
                             {"provider": "EMBY", "users": ["erin"]}],
                 "sinks": [{"provider": "TRAKT"}, {"provider": "SIMKL", "instance": "second"}]}
                """));
  }

  @Test
  void aScrobbleErrorIsShownAtItsInput() throws Exception {
    JsonNode base = JSON.readTree(SCROBBLE);
    ConfigView form = form(base);
    Map<String, List<String>> sent = browserSends(form);
    sent.put("scrobble.sources[0].users", List.of(" , "));
    JsonNode edited = new ConfigFormReader(form, sent).apply(base);
    List<ConfigIssue> errors = validate(edited);

    ErrorPlacement placed = ErrorPlacement.place(ConfigFormBuilder.anchors(form), problems(errors));
    ConfigView shown =
        new ConfigFormBuilder(
                List.copyOf(ProviderRegistry.load().names()),
                Arrays.stream(Feature.values()).map(Feature::key).toList(),
                List.of("PLEX"),
                List.of("TRAKT"),
                placed.byAnchor())
            .build(edited, List.of(), placed.unplaced(), List.of(), false);

    assertThat(edited.at("/scrobble/sources/0").has("users")).isFalse();
    assertThat(field(shown, "scrobble.sources[0].users").errors())
        .containsExactly(message(errors, "scrobble.sources[0].users"))
        .allMatch(m -> m.contains("is required"));
  }

  private ConfigView form(JsonNode config) {
    return builder.build(config, List.of(), List.of(), List.of(), false);
  }

  private List<ConfigIssue> validate(JsonNode config) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, JSON.writeValueAsString(config));
    try {
      new ConfigLoader(ProviderRegistry.load()).load(file);
      return List.of();
    } catch (ConfigException e) {
      return e.errors();
    }
  }

  private static List<ErrorPlacement.Problem> problems(List<ConfigIssue> errors) {
    return errors.stream().map(e -> new ErrorPlacement.Problem(e.path(), e.message())).toList();
  }

  private static String message(List<ConfigIssue> errors, String path) {
    return errors.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow().message();
  }

  private static FormField field(ConfigView view, String name) {
    List<FormField> all = new ArrayList<>();
    view.settings().forEach(g -> all.addAll(g.fields()));
    view.providers().forEach(g -> all.addAll(g.fields()));
    view.pairs().forEach(p -> all.addAll(p.fields()));
    view.scrobble().forEach(g -> all.addAll(g.fields()));
    return all.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  /** What a browser submits for the form as shown: every text and choice, the ticked boxes. */
  private static Map<String, List<String>> browserSends(ConfigView view) {
    Map<String, List<String>> sent = new HashMap<>();
    List<FormField> fields = new ArrayList<>();
    view.settings().forEach(g -> fields.addAll(g.fields()));
    view.providers().forEach(g -> fields.addAll(g.fields()));
    view.scrobble().forEach(g -> fields.addAll(g.fields()));
    List<ConfigView.PairForm> pairs = new ArrayList<>(view.pairs());
    pairs.add(view.newPair());
    for (ConfigView.PairForm p : pairs) {
      fields.addAll(p.fields());
      p.features().forEach(r -> fields.addAll(List.of(r.enable(), r.add(), r.remove())));
    }
    for (FormField f : fields) {
      if (!f.isCheck()) {
        sent.put(f.name(), new ArrayList<>(List.of(f.value())));
      } else if (f.checked()) {
        sent.put(f.name(), new ArrayList<>(List.of("true")));
      }
    }
    return sent;
  }
}
