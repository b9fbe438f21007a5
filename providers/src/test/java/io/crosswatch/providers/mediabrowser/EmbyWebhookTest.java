package io.crosswatch.providers.mediabrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.scrobble.MalformedWebhookException;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.providers.playback.ShowIdsLookup;
import io.crosswatch.providers.playback.WebhookFixtures;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.MultipartBody;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbyWebhookTest {
  private final FakeTime time = FakeTime.standard();
  private final EmbyWebhook webhook = new EmbyWebhook("default", time, ShowIdsLookup.NONE);

  private List<PlaybackEvent> parse(String body) throws MalformedWebhookException {
    return webhook.parse("application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aMoviePauseIsAPauseWithProviderIdsSessionAndDate() throws Exception {
    List<PlaybackEvent> events = parse(WebhookFixtures.text("emby-movie-pause.json"));

    assertThat(events).hasSize(1);
    PlaybackEvent e = events.get(0);
    assertThat(e.source()).isEqualTo("EMBY");
    assertThat(e.user()).isEqualTo("alice");
    assertThat(e.state()).isEqualTo(PlaybackState.PAUSED);
    assertThat(e.progressPercent()).isEqualTo(30.0);
    assertThat(e.session()).isEqualTo("0f2b6c8d4e1a4b7c9d3e5f7a9b1c3d5e");
    assertThat(e.at()).isEqualTo(Instant.parse("2026-03-02T19:05:11Z"));
    assertThat(e.item().type()).isEqualTo(MediaType.MOVIE);
    assertThat(e.item().ids().asMap())
        .containsEntry(IdKind.IMDB, "tt0133093")
        .containsEntry(IdKind.TMDB, "603")
        .containsEntry(IdKind.EMBY, "101");
  }

  @Test
  void anEpisodeStopCarriesSeriesSeasonAndNumber() throws Exception {
    PlaybackEvent e = parse(WebhookFixtures.text("emby-episode-stop.json")).get(0);

    assertThat(e.state()).isEqualTo(PlaybackState.STOPPED);
    assertThat(e.progressPercent()).isEqualTo(95.0);
    assertThat(e.item().type()).isEqualTo(MediaType.EPISODE);
    assertThat(e.item().show().title()).isEqualTo("Breaking Bad");
    assertThat(e.item().season()).isEqualTo(1);
    assertThat(e.item().number()).isEqualTo(1);
    assertThat(e.item().ids().value(IdKind.TVDB)).isEqualTo("349232");
  }

  @ParameterizedTest
  @CsvSource({
    "playback.start, PLAYING",
    "playback.unpause, PLAYING",
    "playback.pause, PAUSED",
    "playback.stop, STOPPED"
  })
  void eachPlaybackEventHasItsState(String event, PlaybackState state) throws Exception {
    String body =
        WebhookFixtures.text("emby-movie-pause.json")
            .replace("\"playback.pause\"", "\"" + event + "\"");

    assertThat(parse(body)).extracting(PlaybackEvent::state).containsExactly(state);
  }

  @Test
  void aBodyPostedAsMultipartDataIsReadToo() throws Exception {
    MultipartBody body = MultipartBody.of("data", WebhookFixtures.text("emby-movie-pause.json"));

    assertThat(webhook.parse(body.contentType(), body.bytes())).hasSize(1);
  }

  @Test
  void ratingsAndOtherEventsAreNoReports() throws Exception {
    assertThat(parse(WebhookFixtures.text("emby-item-rate.json"))).isEmpty();
    String trailer =
        WebhookFixtures.text("emby-movie-pause.json")
            .replace("\"Type\": \"Movie\"", "\"Type\": \"Trailer\"");
    assertThat(parse(trailer)).isEmpty();
  }

  @Test
  void aPlaybackWithoutUserIsMalformed() {
    String body =
        WebhookFixtures.text("emby-movie-pause.json")
            .replace("\"User\": {\"Name\": \"alice\", ", "\"Someone\": {");

    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageContaining("User.Name");
  }

  @Test
  void aBodyThatIsNotJsonIsMalformedWithoutQuotingIt() {
    assertThatThrownBy(() -> parse("Event=playback.start&api_key=topsecret"))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageNotContaining("topsecret");
  }
}
