package io.crosswatch.providers.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.scrobble.MalformedWebhookException;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.providers.playback.ShowIdsLookup;
import io.crosswatch.providers.playback.WebhookFixtures;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.MultipartBody;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlexWebhookTest {
  private final FakeTime time = FakeTime.standard();
  private final PlexWebhook webhook = new PlexWebhook("home", time, ShowIdsLookup.NONE);

  private List<PlaybackEvent> parse(String payload) throws MalformedWebhookException {
    MultipartBody body = MultipartBody.of("payload", payload, new byte[] {(byte) 0xFF, 0x0D});
    return webhook.parse(body.contentType(), body.bytes());
  }

  @Test
  void aMoviePlayIsOnePlayingReportWithTheGuidsAsIds() throws Exception {
    List<PlaybackEvent> events = parse(WebhookFixtures.text("plex-movie-play.json"));

    assertThat(events).hasSize(1);
    PlaybackEvent e = events.get(0);
    assertThat(e.source()).isEqualTo("PLEX");
    assertThat(e.instance()).isEqualTo("home");
    assertThat(e.user()).isEqualTo("alice");
    assertThat(e.state()).isEqualTo(PlaybackState.PLAYING);
    assertThat(e.progressPercent()).isZero();
    assertThat(e.at()).isEqualTo(time.instant());
    assertThat(e.via()).isEqualTo("webhook");
    assertThat(e.session()).isEqualTo("r6yfkdnfggbh2bdnvkffwbms/1936");
    assertThat(e.item().type()).isEqualTo(MediaType.MOVIE);
    assertThat(e.item().title()).isEqualTo("The Matrix");
    assertThat(e.item().year()).isEqualTo(1999);
    assertThat(e.item().ids().asMap())
        .containsEntry(IdKind.IMDB, "tt0133093")
        .containsEntry(IdKind.TMDB, "603")
        .containsEntry(IdKind.TVDB, "169")
        .containsEntry(IdKind.PLEX, "5d776b59ad5437001f79c6f8");
  }

  @Test
  void anEpisodeScrobbleIsAStopWithShowSeasonNumberAndProgress() throws Exception {
    PlaybackEvent e = parse(WebhookFixtures.text("plex-episode-scrobble.json")).get(0);

    assertThat(e.state()).isEqualTo(PlaybackState.STOPPED);
    assertThat(e.progressPercent()).isEqualTo(89.66);
    assertThat(e.item().type()).isEqualTo(MediaType.EPISODE);
    assertThat(e.item().title()).isEqualTo("Pilot");
    assertThat(e.item().show().title()).isEqualTo("Breaking Bad");
    assertThat(e.item().show().ids().value(IdKind.PLEX)).isEqualTo("5d9c086c46115600200aa2fe");
    assertThat(e.item().season()).isEqualTo(1);
    assertThat(e.item().number()).isEqualTo(1);
    assertThat(e.item().ids().value(IdKind.TVDB)).isEqualTo("349232");
  }

  @Test
  void anEpisodeOfALegacyTvAgentGetsItsShowAndPlaceFromItsGuid() throws Exception {
    String legacy =
        WebhookFixtures.text("plex-episode-scrobble.json")
            .replace(
                "\"guid\": \"plex://episode/5d9c08b2e98e47001eb0ed1b\"",
                "\"guid\": \"com.plexapp.agents.thetvdb://81189/1/1?lang=en\"")
            .replace("\"grandparentGuid\": \"plex://show/5d9c086c46115600200aa2fe\",", "")
            .replace("\"parentIndex\": 1,", "")
            .replace("\"index\": 1,", "");

    PlaybackEvent e = parse(legacy).get(0);

    assertThat(e.item().show().ids().value(IdKind.TVDB)).isEqualTo("81189");
    assertThat(e.item().season()).isEqualTo(1);
    assertThat(e.item().number()).isEqualTo(1);
    assertThat(e.item().ids().value(IdKind.TVDB)).as("the episode's own").isEqualTo("349232");
  }

  @Test
  void anEpisodesShowIdsAreLookedUpOnceByTheShowsKey() throws Exception {
    List<String> asked = new java.util.ArrayList<>();
    ShowIdsLookup shows =
        new ShowIdsLookup(
            key -> {
              asked.add(key);
              return Ids.of(IdKind.TVDB, "81189").with(IdKind.IMDB, "tt0903747");
            },
            "PLEX:home",
            new RecordingLog());
    PlexWebhook withServer = new PlexWebhook("home", time, shows);
    MultipartBody body =
        MultipartBody.of("payload", WebhookFixtures.text("plex-episode-scrobble.json"));

    withServer.parse(body.contentType(), body.bytes());
    PlaybackEvent e = withServer.parse(body.contentType(), body.bytes()).get(0);

    assertThat(asked).containsExactly("2180");
    assertThat(e.item().show().ids().asMap())
        .containsEntry(IdKind.TVDB, "81189")
        .containsEntry(IdKind.IMDB, "tt0903747")
        .containsEntry(IdKind.PLEX, "5d9c086c46115600200aa2fe");
  }

  @Test
  void aFailedShowLookupLeavesTheEpisodeAsTheWebhookSaidWithAWarning() throws Exception {
    RecordingLog log = new RecordingLog();
    ShowIdsLookup failing =
        new ShowIdsLookup(
            key -> {
              throw ProviderException.transientFailure("server unreachable", null);
            },
            "PLEX:home",
            log);
    MultipartBody body =
        MultipartBody.of("payload", WebhookFixtures.text("plex-episode-scrobble.json"));

    PlaybackEvent e =
        new PlexWebhook("home", time, failing).parse(body.contentType(), body.bytes()).get(0);

    assertThat(e.item().show().ids().asMap()).containsOnlyKeys(IdKind.PLEX);
    assertThat(log.warnings()).singleElement().asString().contains("show 2180");
  }

  @ParameterizedTest
  @CsvSource({
    "media.play, PLAYING",
    "media.resume, PLAYING",
    "media.pause, PAUSED",
    "media.stop, STOPPED",
    "media.scrobble, STOPPED"
  })
  void eachPlaybackEventHasItsState(String event, PlaybackState state) throws Exception {
    String payload =
        WebhookFixtures.text("plex-movie-play.json").replace("\"media.play\"", q(event));

    assertThat(parse(payload)).extracting(PlaybackEvent::state).containsExactly(state);
  }

  @Test
  void aScrobbleWithoutPositionCountsAsNinetyPercent() throws Exception {
    String payload =
        WebhookFixtures.text("plex-movie-play.json")
            .replace("\"media.play\"", q("media.scrobble"))
            .replace("\"viewOffset\": 0,", "");

    assertThat(parse(payload).get(0).progressPercent())
        .isEqualTo(PlexWebhook.SCROBBLE_WITHOUT_POSITION);
  }

  @Test
  void aTitleWithoutExternalGuidsIsReportedWithItsPlexIdOnly() throws Exception {
    String payload =
        WebhookFixtures.text("plex-movie-play.json")
            .replaceAll("(?s)\"Guid\": \\[.*?\\]", "\"Guid\": []")
            .replace("\"guid\": \"plex://movie/5d776b59ad5437001f79c6f8\",", "");

    PlaybackEvent e = parse(payload).get(0);

    assertThat(e.item().ids().asMap()).containsOnlyKeys(IdKind.PLEX);
    assertThat(e.item().ids().value(IdKind.PLEX)).isEqualTo("1936");
  }

  @Test
  void tracksLibraryAndRatingEventsAreNoReports() throws Exception {
    assertThat(parse(WebhookFixtures.text("plex-track-play.json"))).isEmpty();
    assertThat(parse(WebhookFixtures.text("plex-library-new.json"))).isEmpty();
    String rate =
        WebhookFixtures.text("plex-movie-play.json").replace("\"media.play\"", q("media.rate"));
    assertThat(parse(rate)).isEmpty();
  }

  @Test
  void aTrailerIsNoReport() throws Exception {
    String clip =
        WebhookFixtures.text("plex-movie-play.json")
            .replace("\"type\": \"movie\"", "\"type\": \"clip\", \"subtype\": \"trailer\"");

    assertThat(parse(clip)).isEmpty();
  }

  @Test
  void aPayloadPostedAsPlainJsonIsReadToo() throws Exception {
    byte[] json = WebhookFixtures.bytes("plex-movie-play.json");

    assertThat(webhook.parse("application/json", json)).hasSize(1);
  }

  @Test
  void aPayloadThatIsNotJsonIsMalformedAndItsTextIsNotQuoted() {
    assertThatThrownBy(() -> parse("{\"event\": \"media.play\", X-Plex-Token=abc123secret"))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageNotContaining("abc123secret");
  }

  @Test
  void aMultipartBodyWithoutPayloadIsMalformed() {
    MultipartBody body = MultipartBody.of("other", "{}");

    assertThatThrownBy(() -> webhook.parse(body.contentType(), body.bytes()))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageContaining("no payload");
  }

  @Test
  void aPlaybackWithoutAccountIsMalformed() {
    String payload =
        WebhookFixtures.text("plex-movie-play.json").replace("\"title\": \"alice\"", "\"x\": 1");

    assertThatThrownBy(() -> parse(payload))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageContaining("Account.title");
  }

  private static String q(String s) {
    return "\"" + s + "\"";
  }
}
