package io.crosswatch.providers.trakt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.scrobble.ScrobbleOutcome;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktTitle;
import io.crosswatch.testkit.fake.trakt.TraktUser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraktScrobbleTargetTest {
  private final FakeTime time = FakeTime.standard();
  private final FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start();
  private final TraktTitle movie = trakt.catalogue().generateMovies(1).get(0);
  private final TraktTitle show = trakt.catalogue().generateShow(1, 1, 3);
  @TempDir Path stateDir;

  @AfterEach
  void stop() {
    trakt.close();
  }

  private ScrobbleTarget sink() {
    return TraktTestbed.provider(trakt, time, stateDir).scrobbleTarget().orElseThrow();
  }

  private Item matrix() {
    return Item.movie("The Matrix", 1999, Ids.of(IdKind.IMDB, movie.imdb()));
  }

  @Test
  void startPauseAndStopOfOneViewingRecordOnePlayDatedByTrakt() throws Exception {
    ScrobbleTarget sink = sink();
    Instant at = time.instant();

    assertThat(sink.scrobble(ScrobbleAction.START, matrix(), 1.0, at))
        .isEqualTo(ScrobbleOutcome.SENT);
    time.advance(Duration.ofMinutes(30));
    assertThat(sink.scrobble(ScrobbleAction.PAUSE, matrix(), 25.0, at))
        .isEqualTo(ScrobbleOutcome.SENT);
    assertThat(trakt.user().playback().of(movie)).isPresent();
    time.advance(Duration.ofMinutes(90));
    assertThat(sink.scrobble(ScrobbleAction.STOP, matrix(), 96.5, at))
        .isEqualTo(ScrobbleOutcome.SENT);

    assertThat(trakt.user().plays()).hasSize(1);
    TraktUser.Play play = trakt.user().plays().get(0);
    assertThat(play.title()).isEqualTo(movie);
    assertThat(play.action()).isEqualTo("scrobble");
    assertThat(play.watchedAt()).isEqualTo(time.instant());
    assertThat(trakt.user().playback().of(movie)).isEmpty();
    assertThat(trakt.count("POST /scrobble/start")).isEqualTo(1);
    assertThat(trakt.count("POST /scrobble/pause")).isEqualTo(1);
    assertThat(trakt.count("POST /scrobble/stop")).isEqualTo(1);
  }

  @Test
  void aRepeatedStopWithinTheWindowIsAlreadyRecordedAndAddsNoPlay() throws Exception {
    ScrobbleTarget sink = sink();
    sink.scrobble(ScrobbleAction.STOP, matrix(), 95.0, time.instant());
    time.advance(Duration.ofMinutes(5));

    assertThat(sink.scrobble(ScrobbleAction.STOP, matrix(), 95.0, time.instant()))
        .isEqualTo(ScrobbleOutcome.ALREADY_RECORDED);
    assertThat(trakt.user().plays()).hasSize(1);
  }

  @Test
  void aStopBelowEightyPercentLeavesAResumePointAndNoPlay() throws Exception {
    sink().scrobble(ScrobbleAction.STOP, matrix(), 30.0, time.instant());

    assertThat(trakt.user().plays()).isEmpty();
    assertThat(trakt.user().playback().of(movie).orElseThrow().progress()).isEqualTo(30.0);
  }

  @Test
  void anEpisodeIsScrobbledByItsShowSeasonAndNumber() throws Exception {
    TraktTitle episode = trakt.catalogue().episode(show, 1, 2).orElseThrow();
    Item item =
        Item.episode(
            new ShowRef("Show", null, Ids.of(IdKind.TVDB, show.tvdb())), 1, 2, "E2", Ids.empty());

    sink().scrobble(ScrobbleAction.STOP, item, 90.0, time.instant());

    assertThat(trakt.user().plays()).extracting(TraktUser.Play::title).containsExactly(episode);
  }

  @Test
  void aRateLimitIsRetriableWithTheWaitTraktAsked() {
    trakt.faults().rateLimitNext(1, 7);

    assertThatThrownBy(() -> sink().scrobble(ScrobbleAction.STOP, matrix(), 95.0, time.instant()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            });
    assertThat(trakt.user().plays()).isEmpty();
  }

  @Test
  void aServerErrorIsRetriable() {
    trakt.faults().failNext(1, 503, "/scrobble/");

    assertThatThrownBy(() -> sink().scrobble(ScrobbleAction.START, matrix(), 2.0, time.instant()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue());
  }

  @Test
  void aRevokedTokenIsAPermanentAuthFailure() {
    ScrobbleTarget sink = sink();
    trakt.revokeToken(FakeTraktServer.ACCESS_TOKEN);

    assertThatThrownBy(() -> sink.scrobble(ScrobbleAction.STOP, matrix(), 95.0, time.instant()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH);
            });
  }

  @Test
  void aTitleTraktDoesNotKnowIsAPermanentRefusal() {
    Item unknown = Item.movie("Nothing", 2001, Ids.of(IdKind.IMDB, "tt9999999"));

    assertThatThrownBy(() -> sink().scrobble(ScrobbleAction.STOP, unknown, 95.0, time.instant()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).contains("does not know");
            });
  }

  @Test
  void aTitleWithoutIdsTraktKnowsIsRefusedWithoutACall() {
    Item local = Item.movie("Home video", 2020, Ids.of(IdKind.PLEX, "123"));

    assertThatThrownBy(() -> sink().scrobble(ScrobbleAction.START, local, 5.0, time.instant()))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("no id Trakt can look up");
    assertThat(trakt.count("POST /scrobble/start")).isZero();
  }

  @Test
  void scrobbleCallsArePacedLikeOtherWrites() throws Exception {
    ScrobbleTarget sink = sink();

    sink.scrobble(ScrobbleAction.START, matrix(), 1.0, time.instant());
    sink.scrobble(ScrobbleAction.PAUSE, matrix(), 2.0, time.instant());

    assertThat(trakt.rateLimited()).isZero();
    assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }
}
