package io.crosswatch.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.ConfigKeyTokens;
import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.core.config.secrets.Fernet;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexSection;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CrossWatch user brings their config: CrossWatch's default config (the shape of its published
 * defaults, in {@code crosswatch/default-config.json}) with a PLEX → TRAKT pair added and its
 * secrets stored encrypted ({@code "enc:v1:…"}, Fernet).
 *
 * <p>{@code cw validate} prints at most one line per block for the keys crosswatch does not use
 * plus a line for each CrossWatch setting it does not follow; {@code --verbose} lists every key.
 * With the key in {@code CW_CONFIG_KEY} or in {@code .cw_master_key} beside the config, a run signs
 * in to the fake Trakt and Plex and syncs; a wrong or missing key is an invalid config naming the
 * value's path and where keys are looked for. No decrypted value appears in output, events or
 * files.
 */
class CrossWatchDefaultConfigTest {
  /** The key of the Fernet spec's test vectors (github.com/fernet/spec). */
  private static final String SPEC_KEY = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";

  /** A passphrase-style key, as a user may have set for CrossWatch. */
  private static final String PASSPHRASE = "my own crosswatch passphrase";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant T1 = Instant.parse("2026-02-01T20:00:00Z");

  /** Every decrypted value of the config: none may show up anywhere. */
  private static final List<String> PLAINTEXTS =
      List.of(
          FakeTraktServer.ACCESS_TOKEN,
          FakeTraktServer.REFRESH_TOKEN,
          FakeTraktServer.CLIENT_SECRET,
          FakePlex.TOKEN);

  @TempDir Path dir;
  private Workspace ws;
  private FakePlex plex;
  private FakeTraktServer trakt;
  private List<PlexTitle> library;

  @BeforeEach
  void start() {
    ws = new Workspace(dir);
    plex = FakePlex.builder().clock(ws.clock()).build().start();
    trakt =
        FakeTraktServer.builder().clock(ws.clock()).writeInterval(Duration.ZERO).build().start();
    PlexSection movies = plex.catalogue().addMovieSection("Movies");
    library = plex.catalogue().generateMovies(movies, 3);
    trakt.catalogue().generateMovies(3);
  }

  @AfterEach
  void stop() {
    plex.close();
    trakt.close();
  }

  /** CrossWatch's defaults with the fakes' addresses, encrypted secrets and a PLEX → TRAKT pair. */
  private void writeConfig(Fernet key) {
    ObjectNode root = defaults();
    ObjectNode p = (ObjectNode) root.get("plex");
    p.put("server_url", plex.serverUrl().toString());
    p.put("discover_url", plex.discoverUrl().toString());
    p.put("plex_tv_url", plex.plexTvUrl().toString());
    p.put("account_token", enc(key, FakePlex.TOKEN));
    p.put("client_id", "crosswatch-test");
    ObjectNode t = (ObjectNode) root.get("trakt");
    t.put("client_id", FakeTraktServer.CLIENT_ID);
    t.put("client_secret", enc(key, FakeTraktServer.CLIENT_SECRET));
    t.put("access_token", enc(key, FakeTraktServer.ACCESS_TOKEN));
    t.put("refresh_token", enc(key, FakeTraktServer.REFRESH_TOKEN));
    t.put("expires_at", 4_102_444_800L);
    t.put("base_url", trakt.baseUrl().toString());
    ObjectNode runtime = (ObjectNode) root.get("runtime");
    runtime.put("state_dir", "state");
    runtime.put("apply_chunk_pause_ms", 0);
    runtime.put("debug_http", true);
    ((ArrayNode) root.get("pairs")).add(crossWatchPair());
    ws.write("config.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }

  /** A pair as CrossWatch saves it: every feature spelled out, ratings with its filters. */
  private static ObjectNode crossWatchPair() {
    ObjectNode pair = JSON.createObjectNode();
    pair.put("id", "plex-trakt");
    pair.put("source", "PLEX");
    pair.put("target", "TRAKT");
    pair.put("mode", "one-way");
    pair.put("enabled", true);
    pair.put("source_instance", "default");
    pair.put("target_instance", "default");
    ObjectNode features = pair.putObject("features");
    features.putObject("watchlist").put("enable", true).put("add", true).put("remove", false);
    ObjectNode ratings =
        features.putObject("ratings").put("enable", true).put("add", true).put("remove", false);
    ratings.putArray("types").add("movies").add("shows");
    ratings.put("mode", "only_new");
    ratings.put("from_date", "");
    features.putObject("history").put("enable", true).put("add", true).put("remove", false);
    return pair;
  }

  private static ObjectNode defaults() {
    try (InputStream in =
        CrossWatchDefaultConfigTest.class.getResourceAsStream("/crosswatch/default-config.json")) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String enc(Fernet key, String plain) {
    byte[] iv = new byte[16];
    iv[0] = (byte) plain.length();
    return "enc:v1:" + key.encrypt(plain.getBytes(StandardCharsets.UTF_8), 1_767_225_600L, iv);
  }

  private static Fernet specKey() {
    return Fernet.ofEncodedKey(SPEC_KEY).orElseThrow();
  }

  private CliRun validate(String... extra) {
    List<String> args = new ArrayList<>(List.of("validate", "--config", ws.config().toString()));
    args.addAll(List.of(extra));
    return ws.cw(args.toArray(String[]::new));
  }

  private static List<String> warnings(CliRun run) {
    return run.err()
        .lines()
        .filter(l -> l.startsWith("warning: "))
        .map(l -> l.substring(9))
        .toList();
  }

  /** The top-level block a warning line is about ({@code ""} for the unknown-blocks line). */
  private static String blockOf(String line) {
    Matcher m = Pattern.compile("^([A-Za-z_]+)[.\\[:]").matcher(line);
    return m.find() ? m.group(1) : "";
  }

  @Test
  void validateSaysAtMostOneLinePerBlockAboutUnusedKeysAndALineForEachSettingNotFollowed() {
    writeConfig(specKey());
    ws.env(Map.of("CW_CONFIG_KEY", SPEC_KEY));

    CliRun validate = validate();

    assertThat(validate.code()).as(validate.toString()).isZero();
    List<String> lines = warnings(validate);
    assertThat(validate.err().lines()).allMatch(l -> l.startsWith("warning: "));
    List<String> notFollowed = lines.stream().filter(l -> l.contains("is not followed")).toList();
    assertThat(notFollowed)
        .containsExactlyInAnyOrder(
            "sync.drop_guard: false is not followed; a side whose snapshot shrinks below"
                + " runtime.suspect_shrink_ratio of its last known size is neither written to nor"
                + " removed from",
            "sync.allow_mass_delete: true is not followed; removals over sync.max_remove_ratio"
                + " are held back",
            "sync.blackbox: is not followed; transient failures (rate limits, 5xx, timeouts) are"
                + " retried and stay planned, never parked; only items a service rejects 3 runs"
                + " in a row are parked for 30 days (cw state)",
            "pairs[0].features.ratings.mode: \"only_new\" is not followed; every rating is"
                + " planned (\"mode\": \"from_date\" with \"from_date\": \"YYYY-MM-DD\" plans only"
                + " ratings from that day on)");
    Map<String, List<String>> unusedByBlock = new LinkedHashMap<>();
    lines.stream()
        .filter(l -> !l.contains("is not followed"))
        .forEach(l -> unusedByBlock.computeIfAbsent(blockOf(l), b -> new ArrayList<>()).add(l));
    assertThat(unusedByBlock.values()).allSatisfy(group -> assertThat(group).hasSize(1));
    assertThat(unusedByBlock.get("trakt"))
        .singleElement()
        .asString()
        .matches("trakt: \\d+ keys crosswatch does not use, ignored");
    assertThat(unusedByBlock.get(""))
        .singleElement()
        .asString()
        .startsWith("2")
        .contains("top-level blocks crosswatch does not use, ignored: ")
        .contains("app_auth")
        .contains("anime_mapping");
    assertThat(lines).hasSizeLessThan(20);
    assertThat(validate.out()).startsWith("config OK: 1 pair; ").contains("--verbose");
  }

  @Test
  void verboseListsEveryKeyTheSummaryCounted() {
    writeConfig(specKey());
    ws.env(Map.of("CW_CONFIG_KEY", SPEC_KEY));

    List<String> summary = warnings(validate());
    CliRun verbose = validate("--verbose");

    assertThat(verbose.code()).as(verbose.toString()).isZero();
    List<String> every = warnings(verbose);
    assertThat(every)
        .contains(
            "trakt.scope: unknown key, ignored",
            "trakt._pending_device: unknown key, ignored",
            "sync.blackbox: is not followed; transient failures (rate limits, 5xx, timeouts) are"
                + " retried and stay planned, never parked; only items a service rejects 3 runs"
                + " in a row are parked for 30 days (cw state)",
            "ui: unknown key, ignored",
            "app_auth: unknown key, ignored",
            "runtime.apply_chunk_size_by_provider.KODI: provider KODI is not available in this"
                + " build; ignored");
    for (String line : summary) {
      Matcher counted = Pattern.compile("^(\\w+): (\\d+) keys crosswatch").matcher(line);
      if (counted.find()) {
        String block = counted.group(1);
        assertThat(every.stream().filter(l -> l.startsWith(block + ".") && l.contains("ignored")))
            .as(block)
            .hasSize(Integer.parseInt(counted.group(2)));
      }
    }
    assertThat(every).hasSizeGreaterThan(3 * summary.size());
  }

  @Test
  void withTheKeyInTheEnvironmentARunSignsInAndNothingDecryptedIsWrittenOrPrinted()
      throws IOException {
    writeConfig(specKey());
    ws.env(Map.of("CW_CONFIG_KEY", SPEC_KEY));
    plex.user().rate(library.get(1), 8.0, T1);
    plex.user().addToWatchlist(library.get(2), T1);

    CliRun run = ws.run();

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(trakt.user().ratings())
        .extracting(r -> r.title().title())
        .containsExactly("Movie 2");
    assertThat(trakt.user().watchlist()).hasSize(1);
    assertThat(run.err()).contains("GET").contains("sync/"); // debug_http lines were printed
    assertThat(run.err().lines().filter(l -> l.contains("keys crosswatch does not use")))
        .isNotEmpty();
    assertThat(run.err().lines().filter(l -> l.startsWith("warning: sync.allow_mass_delete")))
        .hasSize(1);
    assertNothingDecryptedIn(run);
  }

  @Test
  void aPassphraseInTheKeyFileBesideTheConfigWorksToo() throws IOException {
    Fernet fromPassphrase = ConfigKeyTokens.fromPassphrase(PASSPHRASE);
    writeConfig(fromPassphrase);
    ws.write(".cw_master_key", PASSPHRASE + "\n");
    plex.user().rate(library.get(0), 6.0, T1);

    CliRun run = ws.run();

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(trakt.user().ratings())
        .extracting(r -> r.title().title())
        .containsExactly("Movie 1");
    assertNothingDecryptedIn(run);
  }

  @Test
  void aWrongKeyIsAnInvalidConfigNamingThePathAndWhereKeysAreLookedFor() {
    writeConfig(specKey());
    ws.env(Map.of("CROSSWATCH_CONFIG_KEY", "not the key"));

    CliRun run = ws.run();
    CliRun validate = validate();

    for (CliRun r : List.of(run, validate)) {
      assertThat(r.code()).as(r.toString()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .contains(
              "trakt.access_token: is encrypted (\"enc:v1:…\") and cannot be decrypted with the"
                  + " key from CROSSWATCH_CONFIG_KEY")
          .contains("plex.account_token: is encrypted")
          .contains("CW_CONFIG_KEY, CROSSWATCH_CONFIG_KEY and " + ws.path(".cw_master_key"));
    }
    assertThat(trakt.requests()).isEmpty();
    assertThat(ws.stateDir().resolve("state.db")).doesNotExist();
  }

  @Test
  void aMissingKeyIsAnInvalidConfigNamingThePathAndWhereKeysAreLookedFor() {
    writeConfig(specKey());

    CliRun run = ws.run();

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(
            "trakt.access_token: is encrypted (\"enc:v1:…\") and no key was found (looked in"
                + " CW_CONFIG_KEY, CROSSWATCH_CONFIG_KEY and "
                + ws.path(".cw_master_key")
                + ")")
        .contains("trakt.refresh_token: is encrypted")
        .contains("trakt.client_secret: is encrypted");
    assertThat(trakt.requests()).isEmpty();
  }

  private void assertNothingDecryptedIn(CliRun run) throws IOException {
    for (String secret : PLAINTEXTS) {
      assertThat(run.out()).doesNotContain(secret);
      assertThat(run.err()).doesNotContain(secret);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).anyMatch(f -> f.toString().endsWith(".jsonl"));
    for (Path file : files) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String secret : PLAINTEXTS) {
        assertThat(bytes).as(file + " holds a decrypted value").doesNotContain(secret);
      }
    }
  }
}
