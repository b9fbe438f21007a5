package io.crosswatch.providers.simkl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.scrobble.ScrobbleOutcome;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import io.crosswatch.testkit.fake.simkl.SimklTitle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SimklScrobbleTargetTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FakeTime time = FakeTime.standard();
  private final FakeSimklServer simkl = FakeSimklServer.builder().clock(time).build().start();
  private final List<SimklTitle> movies = simkl.catalogue().generateMovies(3);
  private final SimklTitle show = simkl.catalogue().generateShow(1, 1, 4);
  private final RecordingLog log = new RecordingLog();
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    simkl.close();
  }

  private Provider provider(String token) {
    return SimklTestbed.provider(simkl, token, time, stateDir, log);
  }

  private ScrobbleTarget sink() {
    return provider(FakeSimklServer.ACCESS_TOKEN).scrobbleTarget().orElseThrow();
  }

  private static Item movie(SimklTitle t) {
    return Item.movie(t.title(), t.year(), Ids.of(IdKind.IMDB, t.imdb()));
  }

  private Item episode(int number) {
    return Item.episode(
        new ShowRef(show.title(), show.year(), Ids.of(IdKind.TVDB, show.tvdb())),
        1,
        number,
        null,
        Ids.empty());
  }

  private JsonNode lastBody(String endpoint) {
    List<RecordedRequest> sent =
        simkl.requests().stream().filter(r -> r.endpoint().equals(endpoint)).toList();
    return JSON.readTree(sent.get(sent.size() - 1).request().body());
  }

  @Test
  void theFactoryDeclaresASinkAndEveryInstanceIsOne() {
    assertThat(new SimklProviderFactory().scrobbleRoles()).containsExactly(ScrobbleRole.SINK);
    assertThat(provider(FakeSimklServer.ACCESS_TOKEN).scrobbleTarget()).isPresent();
    assertThat(provider(FakeSimklServer.ACCESS_TOKEN).playbackSource()).isEmpty();
  }

  @Test
  void aStartIsSentWithTheProgressAndTheMoviesIds() throws Exception {
    ScrobbleOutcome outcome =
        sink().scrobble(ScrobbleAction.START, movie(movies.get(0)), 12.345, time.instant());

    assertThat(outcome).isEqualTo(ScrobbleOutcome.SENT);
    JsonNode body = lastBody("POST /scrobble/start");
    assertThat(body.get("progress").asDouble()).isEqualTo(12.35);
    assertThat(body.at("/movie/ids/imdb").asString()).isEqualTo(movies.get(0).imdb());
    assertThat(body.at("/movie/title").asString()).isEqualTo(movies.get(0).title());
  }

  @Test
  void aStopAtNinetyFivePercentIsOnePlayAndTheRepeatIsAlreadyRecorded() throws Exception {
    ScrobbleTarget sink = sink();
    java.time.Instant before = time.instant();

    ScrobbleOutcome first =
        sink.scrobble(ScrobbleAction.STOP, movie(movies.get(1)), 95.0, time.instant());
    ScrobbleOutcome again =
        sink.scrobble(ScrobbleAction.STOP, movie(movies.get(1)), 95.0, time.instant());

    assertThat(first).isEqualTo(ScrobbleOutcome.SENT);
    assertThat(again).isEqualTo(ScrobbleOutcome.ALREADY_RECORDED);
    assertThat(simkl.user().entry(movies.get(1)).orElseThrow().lastWatchedAt()).isEqualTo(before);
    assertThat(simkl.count("POST /scrobble/stop")).isEqualTo(2);
  }

  @Test
  void aStopBelowEightyPercentIsKeptAsAPausedPlaybackNotAPlay() throws Exception {
    sink().scrobble(ScrobbleAction.STOP, movie(movies.get(2)), 30.0, time.instant());

    assertThat(simkl.user().entry(movies.get(2))).isEmpty();
    assertThat(simkl.user().playback().of(movies.get(2), 0, 0).orElseThrow().progress())
        .isEqualTo(30.0);
  }

  @Test
  void anEpisodeIsSentAsItsShowWithSeasonAndNumber() throws Exception {
    ScrobbleOutcome outcome =
        sink().scrobble(ScrobbleAction.STOP, episode(3), 99.0, time.instant());

    assertThat(outcome).isEqualTo(ScrobbleOutcome.SENT);
    JsonNode body = lastBody("POST /scrobble/stop");
    assertThat(body.at("/show/ids/tvdb").asLong()).isEqualTo(show.tvdb());
    assertThat(body.at("/episode/season").asInt()).isEqualTo(1);
    assertThat(body.at("/episode/number").asInt()).isEqualTo(3);
    assertThat(simkl.user().entry(show).orElseThrow().episodes()).containsOnlyKeys("1:3");
  }

  @Test
  void aRateLimitIsRetriableAfterTheWaitSimklAsksFor() {
    simkl.faults().rateLimitNext(1, 30);

    assertThatThrownBy(
            () -> sink().scrobble(ScrobbleAction.PAUSE, movie(movies.get(0)), 40, time.instant()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            });
    assertThat(simkl.user().playback().all()).isEmpty();
  }

  @Test
  void anOutageIsRetriableAndTheCallIsSentOnce() {
    simkl.faults().failNext(1, 503);

    assertThatThrownBy(
            () -> sink().scrobble(ScrobbleAction.STOP, movie(movies.get(0)), 90, time.instant()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue());
    assertThat(simkl.count("POST /scrobble/stop")).isEqualTo(1);
  }

  @Test
  void aRevokedTokenIsPermanentAndKeepsTheTokenOutOfTheMessage() {
    simkl.revokeToken(FakeSimklServer.ACCESS_TOKEN);

    assertThatThrownBy(
            () -> sink().scrobble(ScrobbleAction.START, movie(movies.get(0)), 1, time.instant()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH);
              assertThat(e.getMessage()).doesNotContain(FakeSimklServer.ACCESS_TOKEN);
            });
  }

  @Test
  void anItemWithoutIdsSimklResolvesIsRefusedWithoutACall() {
    Item bare = Item.movie("Somewhere", 2001, Ids.empty());

    assertThatThrownBy(() -> sink().scrobble(ScrobbleAction.STOP, bare, 95, time.instant()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).contains("SIMKL:default").contains("no id");
            });
    assertThat(simkl.count("POST /scrobble/stop")).isZero();
  }

  @Test
  void aTitleSimklDoesNotKnowIsAPermanentFailure() {
    Item unknown = Item.movie("Unknown", 1990, Ids.of(IdKind.IMDB, "tt0000001"));

    assertThatThrownBy(() -> sink().scrobble(ScrobbleAction.STOP, unknown, 95, time.instant()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isFalse());
  }
}
