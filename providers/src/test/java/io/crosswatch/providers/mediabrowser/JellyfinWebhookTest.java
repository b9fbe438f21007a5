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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JellyfinWebhookTest {
  private final FakeTime time = FakeTime.standard();
  private final JellyfinWebhook webhook = new JellyfinWebhook("default", time, ShowIdsLookup.NONE);

  private List<PlaybackEvent> parse(String body) throws MalformedWebhookException {
    return webhook.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPausedProgressOfAnEpisodeIsAPauseWithItsSeriesAndNumbers() throws Exception {
    List<PlaybackEvent> events = parse(WebhookFixtures.text("jellyfin-episode-progress.json"));

    assertThat(events).hasSize(1);
    PlaybackEvent e = events.get(0);
    assertThat(e.source()).isEqualTo("JELLYFIN");
    assertThat(e.user()).isEqualTo("bob");
    assertThat(e.state()).isEqualTo(PlaybackState.PAUSED);
    assertThat(e.progressPercent()).isEqualTo(50.0);
    assertThat(e.session()).isEqualTo("9c3f6a1b2d4e4f5a8b7c6d5e4f3a2b1c");
    assertThat(e.at()).isEqualTo(Instant.parse("2026-03-01T20:15:00Z"));
    assertThat(e.item().type()).isEqualTo(MediaType.EPISODE);
    assertThat(e.item().show().title()).isEqualTo("Breaking Bad");
    assertThat(e.item().season()).isEqualTo(1);
    assertThat(e.item().number()).isEqualTo(1);
    assertThat(e.item().ids().asMap())
        .containsEntry(IdKind.TVDB, "349232")
        .containsEntry(IdKind.IMDB, "tt0959621")
        .containsEntry(IdKind.JELLYFIN, "a1b2c3d4e5f60718293a4b5c6d7e8f90");
  }

  @Test
  void aProgressThatIsNotPausedIsPlaying() throws Exception {
    String body =
        WebhookFixtures.text("jellyfin-episode-progress.json")
            .replace("\"IsPaused\": \"True\"", "\"IsPaused\": \"False\"");

    assertThat(parse(body).get(0).state()).isEqualTo(PlaybackState.PLAYING);
  }

  @Test
  void aStartIsPlaying() throws Exception {
    String body =
        WebhookFixtures.text("jellyfin-episode-progress.json")
            .replace("PlaybackProgress", "PlaybackStart");

    assertThat(parse(body).get(0).state()).isEqualTo(PlaybackState.PLAYING);
  }

  @Test
  void aMovieStopIsAStopAtItsPositionWithIdsInAnyLetterCase() throws Exception {
    PlaybackEvent e = parse(WebhookFixtures.text("jellyfin-movie-stop.json")).get(0);

    assertThat(e.state()).isEqualTo(PlaybackState.STOPPED);
    assertThat(e.progressPercent()).isEqualTo(95.0);
    assertThat(e.item().type()).isEqualTo(MediaType.MOVIE);
    assertThat(e.item().title()).isEqualTo("The Matrix");
    assertThat(e.item().year()).isEqualTo(1999);
    assertThat(e.item().ids().asMap())
        .containsEntry(IdKind.IMDB, "tt0133093")
        .containsEntry(IdKind.TMDB, "603");
  }

  @Test
  void aStopPlayedToCompletionWithoutPositionIsAtTheEnd() throws Exception {
    String body =
        WebhookFixtures.text("jellyfin-movie-stop.json")
            .replace("\"PlaybackPositionTicks\": 77520000000,", "");

    assertThat(parse(body).get(0).progressPercent()).isEqualTo(100.0);
  }

  @Test
  void aTitleWithoutProviderIdsKeepsItsServerId() throws Exception {
    String body =
        WebhookFixtures.text("jellyfin-movie-stop.json")
            .replace("\"Provider_Imdb\": \"tt0133093\",", "")
            .replace("\"Provider_Tmdb\": \"603\",", "");

    assertThat(parse(body).get(0).item().ids().asMap()).containsOnlyKeys(IdKind.JELLYFIN);
  }

  @Test
  void otherNotificationsAndAudioAreNoReports() throws Exception {
    assertThat(parse(WebhookFixtures.text("jellyfin-item-added.json"))).isEmpty();
    assertThat(parse(WebhookFixtures.text("jellyfin-audio-start.json"))).isEmpty();
  }

  @Test
  void aTemplateThatRendersInvalidJsonIsMalformedWithoutQuotingIt() {
    String body =
        "{\"NotificationType\": \"PlaybackStop\", \"IsPaused\": True, \"k\": \"secret9\"}";

    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageContaining("Jellyfin webhook body is not valid JSON")
        .hasMessageNotContaining("secret9");
  }

  @Test
  void aPlaybackWithoutUserNameIsMalformed() {
    String body =
        WebhookFixtures.text("jellyfin-movie-stop.json")
            .replace("\"NotificationUsername\": \"bob\",", "");

    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageContaining("NotificationUsername");
  }

  @Test
  void aJsonArrayIsMalformed() {
    assertThatThrownBy(() -> parse("[]"))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageContaining("not a JSON object");
  }
}
