package io.crosswatch.providers.mdblist;

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
import io.crosswatch.testkit.fake.mdblist.FakeMdblistServer;
import io.crosswatch.testkit.fake.mdblist.MdblistScrobbles;
import io.crosswatch.testkit.fake.mdblist.MdblistTitle;
import io.crosswatch.testkit.fake.mdblist.MdblistUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MdblistScrobbleTargetTest {
  private final FakeTime time = FakeTime.standard();
  private final FakeMdblistServer mdb = FakeMdblistServer.builder().clock(time).build().start();
  private final List<MdblistTitle> movies = mdb.catalogue().generateMovies(3);
  private final MdblistTitle show = mdb.catalogue().generateShow(1);
  private final RecordingLog log = new RecordingLog();
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    mdb.close();
  }

  private Provider provider(String key) {
    return MdblistTestbed.provider(mdb, key, time, stateDir, log);
  }

  private ScrobbleTarget sink() {
    return provider(FakeMdblistServer.API_KEY).scrobbleTarget().orElseThrow();
  }

  private static Item movie(MdblistTitle t) {
    return Item.movie(t.title(), t.year(), Ids.of(IdKind.IMDB, t.imdb()));
  }

  @Test
  void theFactoryDeclaresASinkAndEveryInstanceIsOne() {
    assertThat(new MdblistProviderFactory().scrobbleRoles()).containsExactly(ScrobbleRole.SINK);
    assertThat(provider(FakeMdblistServer.API_KEY).scrobbleTarget()).isPresent();
  }

  @Test
  void startPauseAndStopAreSentWithTheirProgress() throws Exception {
    ScrobbleTarget sink = sink();

    sink.scrobble(ScrobbleAction.START, movie(movies.get(0)), 0.5, time.instant());
    sink.scrobble(ScrobbleAction.PAUSE, movie(movies.get(0)), 41.237, time.instant());
    ScrobbleOutcome stop =
        sink.scrobble(ScrobbleAction.STOP, movie(movies.get(0)), 50, time.instant());

    assertThat(stop).isEqualTo(ScrobbleOutcome.SENT);
    assertThat(mdb.scrobbles().calls())
        .extracting(MdblistScrobbles.Call::action, MdblistScrobbles.Call::progress)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("start", 0.5),
            org.assertj.core.groups.Tuple.tuple("pause", 41.24),
            org.assertj.core.groups.Tuple.tuple("stop", 50.0));
    assertThat(mdb.user().plays()).isEmpty(); // a stop at 50 % is no play
  }

  @Test
  void aFinishedEpisodeIsOnePlayAndTheRepeatIsAlreadyRecorded() throws Exception {
    Item episode =
        Item.episode(
            new ShowRef(show.title(), show.year(), Ids.of(IdKind.TMDB, show.tmdb())),
            2,
            5,
            null,
            Ids.empty());
    ScrobbleTarget sink = sink();

    ScrobbleOutcome first = sink.scrobble(ScrobbleAction.STOP, episode, 96, time.instant());
    ScrobbleOutcome again = sink.scrobble(ScrobbleAction.STOP, episode, 96, time.instant());

    assertThat(first).isEqualTo(ScrobbleOutcome.SENT);
    assertThat(again).isEqualTo(ScrobbleOutcome.ALREADY_RECORDED);
    assertThat(mdb.user().plays())
        .extracting(MdblistUser.Play::season, MdblistUser.Play::number)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 5));
  }

  @Test
  void aSpentQuotaIsRetriableAfterTheWaitMdblistAsksFor() {
    mdb.faults().rateLimitNext(1, 120);

    assertThatThrownBy(
            () -> sink().scrobble(ScrobbleAction.STOP, movie(movies.get(1)), 90, time.instant()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            });
    assertThat(mdb.user().plays()).isEmpty();
  }

  @Test
  void anOutageIsRetriable() {
    mdb.faults().failNext(1, 502);

    assertThatThrownBy(
            () -> sink().scrobble(ScrobbleAction.START, movie(movies.get(1)), 3, time.instant()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue());
  }

  @Test
  void aRefusedKeyIsPermanentAndNeverShown() {
    assertThatThrownBy(
            () ->
                provider("wrong-key")
                    .scrobbleTarget()
                    .orElseThrow()
                    .scrobble(ScrobbleAction.START, movie(movies.get(1)), 3, time.instant()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH);
              assertThat(e.getMessage()).doesNotContain("wrong-key");
            });
  }

  @Test
  void anItemWithoutUsableIdsIsRefusedWithoutACall() {
    assertThatThrownBy(
            () ->
                sink()
                    .scrobble(
                        ScrobbleAction.STOP,
                        Item.movie("Bare", 2000, Ids.empty()),
                        95,
                        time.instant()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).contains("MDBLIST:default").contains("no id");
            });
    assertThat(mdb.count("POST /scrobble/stop")).isZero();
  }
}
