package io.crosswatch.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ItemJsonProgressPlaylistTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static Item parse(String json) {
    return ItemJson.read(MAPPER.readTree(json), "$.progress[0]");
  }

  @Test
  void aResumePointReadsAndWritesItsThreeFields() {
    Item item =
        parse(
            "{\"type\":\"movie\",\"title\":\"M\",\"ids\":{\"imdb\":\"tt0000001\"},"
                + "\"progress_ms\":2400000,\"duration_ms\":\"8160000\","
                + "\"paused_at\":\"2026-01-02T03:04:05Z\"}");
    assertEquals(2_400_000L, item.progressMs());
    assertEquals(8_160_000L, item.durationMs());
    assertEquals(Instant.parse("2026-01-02T03:04:05Z"), item.pausedAt());
    assertEquals(item.pausedAt(), item.timeFor(Feature.PROGRESS));
    JsonNode written = ItemJson.toJson(item);
    assertEquals(2_400_000L, written.get("progress_ms").longValue());
    assertEquals("2026-01-02T03:04:05Z", written.get("paused_at").stringValue());
    assertEquals(item, ItemJson.read(written, "$"));
  }

  @Test
  void aPlaylistMemberKeepsItsPlaylistReference() {
    Item item =
        parse(
            "{\"type\":\"movie\",\"title\":\"M\",\"ids\":{\"tmdb\":603},"
                + "\"playlist\":{\"name\":\" Road Trip \",\"description\":\"d\",\"position\":3,"
                + "\"id\":17,\"read_only\":true}}");
    PlaylistRef ref = item.playlist();
    assertEquals(" Road Trip ", ref.name());
    assertEquals("road trip", ref.key());
    assertEquals(3, ref.position());
    assertEquals("17", ref.id());
    assertTrue(ref.readOnly());
    assertEquals(item, ItemJson.read(ItemJson.toJson(item), "$"));
    assertEquals("M in  Road Trip ", item.label());
  }

  @Test
  void membersOfTwoPlaylistsHaveTwoStorageKeysAndNamesDifferingInCaseOne() {
    Item movie = Item.movie("M", null, Ids.of(IdKind.TMDB, "603"));
    String a = ItemKeys.key(movie.withPlaylist(PlaylistRef.named("Road trip")), Feature.PLAYLISTS);
    String b = ItemKeys.key(movie.withPlaylist(PlaylistRef.named("road TRIP ")), Feature.PLAYLISTS);
    String c = ItemKeys.key(movie.withPlaylist(PlaylistRef.named("Other")), Feature.PLAYLISTS);
    assertEquals(a, b);
    assertTrue(!a.equals(c));
    assertEquals(ItemKeys.titleKey(movie), ItemKeys.key(movie, Feature.PROGRESS));
  }

  @Test
  void badProgressAndPlaylistValuesNameTheirPath() {
    ItemFormatException negative =
        assertThrows(
            ItemFormatException.class,
            () -> parse("{\"type\":\"movie\",\"title\":\"M\",\"progress_ms\":-5}"));
    assertTrue(negative.getMessage().contains("$.progress[0].progress_ms"), negative.getMessage());
    ItemFormatException fraction =
        assertThrows(
            ItemFormatException.class,
            () -> parse("{\"type\":\"movie\",\"title\":\"M\",\"duration_ms\":1.5}"));
    assertTrue(fraction.getMessage().contains("duration_ms"), fraction.getMessage());
    ItemFormatException show =
        assertThrows(
            ItemFormatException.class,
            () -> parse("{\"type\":\"show\",\"title\":\"S\",\"progress_ms\":70000}"));
    assertTrue(show.getMessage().contains("movie or an episode"), show.getMessage());
    ItemFormatException noName =
        assertThrows(
            ItemFormatException.class,
            () -> parse("{\"type\":\"movie\",\"title\":\"M\",\"playlist\":{\"name\":\" \"}}"));
    assertTrue(noName.getMessage().contains("$.progress[0].playlist.name"), noName.getMessage());
  }

  @Test
  void anItemWithoutTheNewFieldsLeavesThemOut() {
    Item item = Item.movie("M", 1999, Ids.of(IdKind.IMDB, "tt0000001"));
    JsonNode written = ItemJson.toJson(item);
    assertNull(written.get("progress_ms"));
    assertNull(written.get("playlist"));
  }
}
