package io.crosswatch.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.ConfigException;
import io.crosswatch.core.config.ConfigLoader;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.state.Side;
import io.crosswatch.server.auth.WebhookSecrets;
import io.crosswatch.testkit.fake.MultipartBody;
import io.crosswatch.testkit.fake.mdblist.FakeMdblistServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A person using the pages in a real headless Chromium: sign in, look, run, edit, clear. */
class PagesBrowserTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path dir;
  private static PagesFixture service;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    service = new PagesFixture(dir);
    browser = Browser.start(service.base());
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @BeforeEach
  void signedOut() {
    browser.clearCookies();
  }

  @Test
  void aPageOpenedBeforeSigningInLeadsToTheLoginAndThenToTheDashboard() {
    browser.open("/config");
    assertThat(browser.path()).startsWith("/login");

    signIn(PagesFixture.PASSWORD);

    browser.waitUntil(() -> browser.path().equals("/"));
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Dashboard");
    browser.open("/config");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Config");
  }

  @Test
  void aWrongPasswordIsRefusedWithAMessageOnTheLoginPage() {
    browser.open("/login");
    signIn("not the password");

    browser.waitUntil(() -> browser.find(By.id("login-error")).isDisplayed());
    assertThat(browser.find(By.id("login-error")).getText()).contains("wrong user or password");
    assertThat(browser.path()).startsWith("/login");
  }

  @Test
  void theDashboardListsEveryPairWithItsRouteModeAndFeatures() {
    openSignedIn("/");

    List<WebElement> pairs = browser.all(By.cssSelector(".pair"));
    assertThat(pairs)
        .extracting(p -> p.getAttribute("data-pair"))
        .containsExactly("library-to-tracker", "library-to-backup", "library-to-simkl");
    String first = pairs.get(0).getText();
    assertThat(first).contains("FILE → TRACKER", "one-way", "watchlist, history, ratings");
    assertThat(first).contains("Run now", "Plan");
    assertThat(pairs.get(1).getText()).contains("FILE ⇄ FILE:backup", "two-way");
  }

  @Test
  void runNowShowsTheEventsArrivingLiveAndThenTheSummary() throws Exception {
    openSignedIn("/");
    // Each call to SIMKL takes a while, so the run lasts long enough to be watched.
    service.simkl.faults().latency(Duration.ofMillis(700));
    try {
      runNow("library-to-simkl");

      browser.waitUntil(() -> browser.path().startsWith("/runs/"));
      browser.waitUntil(() -> !browser.all(By.cssSelector("#events li.event")).isEmpty());
      assertThat(browser.all(By.id("summary-table"))).isEmpty();
      assertThat(browser.all(By.id("running"))).isNotEmpty();
      assertThat(browser.find(By.id("events")).getText()).contains("run:start");
      assertThat(browser.find(By.id("events")).getText()).doesNotContain("run:done");

      browser.waitUntil(() -> !browser.all(By.id("summary-table")).isEmpty());
    } finally {
      service.simkl.faults().clear();
    }
    assertThat(browser.find(By.id("events")).getText()).contains("feature:done", "run:done");
    assertThat(browser.find(By.id("summary-table")).getText())
        .contains("library-to-simkl", "watchlist");
    assertThat(browser.all(By.id("running"))).isEmpty();
    browser.screenshot(Path.of("target", "screenshots", "run.png"));
  }

  @Test
  void theDashboardShowsEachPairsLastResult() throws Exception {
    openSignedIn("/");
    runNow("library-to-tracker");
    browser.waitUntil(() -> !browser.all(By.id("summary-table")).isEmpty());
    assertThat(browser.find(By.id("summary-table")).getText())
        .contains("Exit 0", "library-to-tracker", "watchlist", "+3");

    browser.open("/");
    browser.waitUntil(() -> !browser.all(By.id("health-table")).isEmpty());
    String card = browser.find(By.id("pair-library-to-tracker")).getText();
    assertThat(card).contains("+5 / −0", "0 unresolved", "0 blocked");
    assertThat(browser.find(By.id("health-table")).getText()).contains("FILE:default", "ok");
    browser.screenshot(Path.of("target", "screenshots", "dashboard.png"));
    // The README's picture is replaced only when asked (-Dcw.updateScreenshots=true), so that an
    // ordinary test run leaves the working tree as it was.
    Path docs = Path.of("..", "docs");
    if (Boolean.getBoolean("cw.updateScreenshots") && Files.isDirectory(docs)) {
      browser.screenshot(docs.resolve("images").resolve("dashboard.png"));
    }
  }

  @Test
  void anInvalidValueIsShownAtItsFieldWithTheMessageOfValidateAndNothingIsSaved() throws Exception {
    byte[] before = Files.readAllBytes(service.config);
    String expected = validateMessage("apply_chunk_size", 0, "runtime.apply_chunk_size");
    openSignedIn("/config");

    type("runtime.apply_chunk_size", "0");
    browser.find(By.id("save")).click();

    browser.waitUntil(() -> !browser.all(By.id("problems")).isEmpty());
    WebElement error =
        browser.find(By.cssSelector(".field-error[data-for='runtime.apply_chunk_size']"));
    assertThat(error.getText()).isEqualTo(expected);
    WebElement input = browser.find(By.name("runtime.apply_chunk_size"));
    assertThat(input.getAttribute("value")).isEqualTo("0");
    assertThat(input.getAttribute("class")).contains("invalid");
    assertThat(Files.readAllBytes(service.config)).isEqualTo(before);
    browser.screenshot(Path.of("target", "screenshots", "config-invalid.png"));
  }

  @Test
  void aValidEditIsSavedAndTheMaskedSecretKeepsItsStoredValue() throws Exception {
    openSignedIn("/config");

    type("runtime.apply_chunk_pause_ms", "75");
    browser.find(By.name("pairs[1].features.watchlist.remove")).click();
    browser.find(By.id("save")).click();

    browser.waitUntil(() -> !browser.all(By.id("saved")).isEmpty());
    ObjectNode saved = (ObjectNode) JSON.readTree(service.config.toFile());
    assertThat(saved.at("/runtime/apply_chunk_pause_ms").asInt()).isEqualTo(75);
    assertThat(saved.at("/pairs/1/features/watchlist/remove").asBoolean()).isFalse();
    assertThat(saved.at("/trakt/client_secret").asString()).isEqualTo(PagesFixture.SECRET);
    assertThat(browser.find(By.name("runtime.apply_chunk_pause_ms")).getAttribute("value"))
        .isEqualTo("75");
  }

  @Test
  void clearingAnUnresolvedItemTakesItOffTheStatePage() throws Exception {
    service.services.withState(
        store -> {
          store.transaction(
              tx ->
                  tx.putUnresolved(
                      "library-to-tracker",
                      Feature.WATCHLIST,
                      Side.TARGET,
                      Item.movie("A Film Nobody Knows", 2001, Ids.empty()),
                      "no_ids",
                      Instant.parse("2026-01-02T03:04:05Z")));
          store.transaction(
              tx ->
                  tx.park(
                      "library-to-tracker",
                      Feature.RATINGS,
                      Side.TARGET,
                      Item.movie("A Rejected Rating", 1990, Ids.of(IdKind.IMDB, "tt0099999")),
                      "rejected as invalid",
                      Instant.parse("2099-01-02T03:04:05Z")));
          store.transaction(
              tx ->
                  tx.putTombstones(
                      "library-to-tracker",
                      Feature.WATCHLIST,
                      List.of(Item.movie("A Removed Film", 1980, Ids.of(IdKind.IMDB, "tt0088888"))),
                      Instant.parse("2026-01-01T00:00:00Z")));
          return null;
        });
    openSignedIn("/state");
    assertThat(browser.find(By.id("unresolved")).getText())
        .contains("A Film Nobody Knows", "no_ids", "library-to-tracker");
    assertThat(browser.find(By.id("parked")).getText())
        .contains("A Rejected Rating", "rejected as invalid", "2099-01-02");
    assertThat(browser.find(By.id("tombstones")).getText()).contains("A Removed Film");
    browser.screenshot(Path.of("target", "screenshots", "state.png"));

    browser.find(By.cssSelector(".clear-pair[data-pair='library-to-tracker']")).click();

    browser.waitUntil(() -> !browser.all(By.id("no-unresolved")).isEmpty());
    assertThat(browser.find(By.id("notice")).getText())
        .contains("Cleared 1 unresolved and 1 parked");
    List<io.crosswatch.core.state.UnresolvedItem> left =
        service.services.withState(store -> store.unresolved(null));
    assertThat(left).isEmpty();
  }

  @Test
  void signingInToSimklShowsTheCodeToEnterAndThenThatItWorked() throws Exception {
    openSignedIn("/providers");
    assertThat(browser.find(By.id("sign-in-simkl-default")).getText()).contains("not signed in");

    browser.find(By.cssSelector("#sign-in-simkl-default button")).click();

    browser.waitUntil(() -> !browser.all(By.id("flow-code")).isEmpty());
    assertThat(browser.find(By.id("flow-code")).getText())
        .isEqualTo(service.simkl.pins().lastUserCode().orElseThrow());
    assertThat(browser.find(By.id("flow-link")).getText()).isEqualTo("https://simkl.com/pin");
    browser.screenshot(Path.of("target", "screenshots", "providers.png"));

    service.simkl.pins().approveAfter(0);

    browser.waitUntil(() -> !browser.all(By.id("flow-outcome")).isEmpty());
    assertThat(browser.find(By.id("flow-outcome")).getText()).startsWith("Authorized");
    assertThat(browser.html()).doesNotContain(service.simkl.pins().issuedTokens().get(0));
    browser.open("/providers");
    assertThat(browser.find(By.id("sign-in-simkl-default")).getText()).contains("signed in");
    assertThat(browser.html()).doesNotContain(service.simkl.pins().issuedTokens().get(0));
  }

  @Test
  void anMdblistKeyTypedIntoItsCardIsCheckedAndSavedWithoutBeingShown() {
    openSignedIn("/providers");
    WebElement card = browser.find(By.id("sign-in-mdblist-default"));

    card.findElement(By.name("--api-key-stdin")).sendKeys(FakeMdblistServer.API_KEY);
    card.findElement(By.tagName("button")).click();

    browser.waitUntil(() -> !browser.all(By.id("flow-outcome")).isEmpty());
    assertThat(browser.find(By.id("flow-outcome")).getText()).startsWith("The api key works");
    assertThat(browser.html()).doesNotContain(FakeMdblistServer.API_KEY);
    browser.open("/providers");
    assertThat(browser.find(By.id("sign-in-mdblist-default")).getText()).contains("signed in");
  }

  @Test
  void aTitleScrobbledFromAPlexWebhookAppearsInTheDashboardsPanel() throws Exception {
    String token = new WebhookSecrets(service.stateDir).secret("PLEX", "default", Instant.now());
    String payload =
        """
        {"event": "media.play", "Account": {"title": "alice"},
         "Player": {"uuid": "p1"},
         "Metadata": {"type": "movie", "title": "Blade Runner", "year": 1982,
                      "ratingKey": "77", "viewOffset": 60000, "duration": 7020000,
                      "Guid": [{"id": "imdb://tt0083658"}]}}
        """;
    MultipartBody body = MultipartBody.of("payload", payload);
    HttpResponse<String> posted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(service.base() + "/webhook/plex?token=" + token))
                    .header("Content-Type", body.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

    openSignedIn("/");

    browser.waitUntil(() -> !browser.all(By.id("recent-scrobbles")).isEmpty());
    browser.waitUntil(
        () -> browser.find(By.id("recent-scrobbles")).getText().contains("TRACKER:default"));
    assertThat(browser.find(By.id("now-playing")).getText())
        .contains("Blade Runner (1982)", "alice on PLEX", "playing");
    assertThat(browser.find(By.id("recent-scrobbles")).getText())
        .contains("start sent", "start", "Blade Runner (1982)");
    assertThat(browser.html()).doesNotContain(token);
    browser.screenshot(Path.of("target", "screenshots", "dashboard-scrobbles.png"));
  }

  @Test
  void noPageShowsASecret() {
    openSignedIn("/");
    for (String page : List.of("/", "/config", "/state", "/providers", "/login")) {
      browser.open(page);
      assertThat(browser.html()).as(page).doesNotContain(PagesFixture.SECRET);
    }
    browser.open("/config");
    assertThat(browser.find(By.name("trakt.client_secret")).getAttribute("value")).isEqualTo("***");
  }

  private static void openSignedIn(String path) {
    browser.open("/login?next=" + path);
    signIn(PagesFixture.PASSWORD);
    browser.waitUntil(() -> browser.path().equals(path));
  }

  private static void signIn(String password) {
    type("user", PagesFixture.USER);
    type("password", password);
    browser.find(By.id("sign-in")).click();
  }

  private static void type(String name, String text) {
    WebElement input = browser.find(By.name(name));
    input.clear();
    input.sendKeys(text);
  }

  private static void runNow(String pair) {
    browser.find(By.id("pair-" + pair)).findElement(By.cssSelector("button.run-now")).click();
  }

  /** The message {@code cw validate} gives for the config with one runtime value changed. */
  private static String validateMessage(String key, int value, String path) throws Exception {
    ObjectNode changed = (ObjectNode) JSON.readTree(service.config.toFile());
    ((ObjectNode) changed.get("runtime")).put(key, value);
    Path copy = dir.resolve("changed.json");
    Files.writeString(copy, JSON.writeValueAsString(changed));
    try {
      new ConfigLoader(ProviderRegistry.load()).load(copy);
      throw new AssertionError("expected the changed config to be invalid");
    } catch (ConfigException e) {
      return e.errors().stream()
          .filter(i -> i.path().equals(path))
          .findFirst()
          .orElseThrow()
          .message();
    }
  }
}
