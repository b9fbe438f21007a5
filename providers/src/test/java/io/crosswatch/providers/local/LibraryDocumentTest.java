package io.crosswatch.providers.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LibraryDocumentTest {
  private static final Item MATRIX =
      Item.movie("The Matrix", 1999, Ids.of(IdKind.IMDB, "tt0133093"))
          .withListedAt(Instant.parse("2026-01-02T03:04:05Z"));

  @Test
  void anEmptyStreamIsAnEmptyDocument() throws Exception {
    assertThat(read("").itemCount()).isZero();
  }

  @Test
  void missingAndNullFeaturesAreEmpty() throws Exception {
    LibraryDocument.Contents contents = read("{\"history\": null}");

    assertThat(contents.items()).containsOnlyKeys(Feature.values());
    assertThat(contents.itemCount()).isZero();
  }

  @Test
  void invalidJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> read("{\n  \"watchlist\": [\n    {\"type\": \"movie\",}\n]}"))
        .isInstanceOf(DocumentFormatException.class)
        .hasMessageStartingWith("invalid JSON at line 3, column ");
  }

  @Test
  void aMalformedItemNamesItsJsonPath() {
    assertThatThrownBy(() -> read("{\"history\": [{\"type\": \"movie\"}, {\"type\": \"film\"}]}"))
        .isInstanceOf(DocumentFormatException.class)
        .hasMessageStartingWith("history[1].type: must be movie, show, season or episode");
  }

  @Test
  void aRatingNeedsAValue() {
    assertThatThrownBy(() -> read("{\"ratings\": [{\"type\": \"movie\", \"title\": \"A\"}]}"))
        .hasMessageStartingWith("ratings[0].rating: is required");
  }

  @Test
  void aFeatureMustBeAnArray() {
    assertThatThrownBy(() -> read("{\"watchlist\": {}}"))
        .hasMessage("watchlist: must be an array of items");
  }

  @Test
  void theDocumentMustBeOneObject() {
    assertThatThrownBy(() -> read("[]")).hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> read("{} {}")).hasMessageContaining("after the document's end");
  }

  @Test
  void playlistsAreReadWithTheirMembersInOrderAndWrittenBackEmptyOnesIncluded() throws Exception {
    LibraryDocument.Contents contents =
        read(
            "{\"playlists\": [{\"name\": \"Road trip\", \"description\": \"long drives\","
                + " \"items\": [{\"type\": \"movie\", \"title\": \"A\", \"ids\": {\"tmdb\": 1}},"
                + " {\"type\": \"movie\", \"title\": \"B\", \"ids\": {\"tmdb\": 2}}]},"
                + " {\"name\": \"Empty\", \"items\": []}]}");

    List<Item> members = contents.items().get(Feature.PLAYLISTS);
    assertThat(members).extracting(Item::title).containsExactly("A", "B");
    assertThat(members)
        .extracting(i -> i.playlist().name() + "#" + i.playlist().position())
        .containsExactly("Road trip#0", "Road trip#1");
    assertThat(contents.playlists())
        .extracting(PlaylistRef::name)
        .containsExactly("Road trip", "Empty");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LibraryDocument.write(out, contents.items(), Map.of(), contents.playlists());
    String text = out.toString(UTF_8);
    assertThat(text).contains("\"name\": \"Empty\"").doesNotContain("\"playlist\"");
    LibraryDocument.Contents back = read(text);
    assertThat(back.items().get(Feature.PLAYLISTS)).isEqualTo(members);
    assertThat(back.playlists()).isEqualTo(contents.playlists());
  }

  @Test
  void badPlaylistsAndResumePointsAreRejectedWithTheirPath() {
    assertThatThrownBy(() -> read("{\"playlists\": [{\"items\": []}]}"))
        .hasMessage("playlists[0].name: is required (a non-empty string)");
    assertThatThrownBy(
            () ->
                read(
                    "{\"playlists\": [{\"name\": \"A\", \"items\": []},"
                        + " {\"name\": \" a \", \"items\": []}]}"))
        .hasMessageContaining("playlists[1].name: \" a \" is already the name of playlists[0]");
    assertThatThrownBy(
            () -> read("{\"playlists\": [{\"name\": \"A\", \"items\": [{\"title\": \"x\"}]}]}"))
        .hasMessage("playlists[0].items[0].type: is required");
    assertThatThrownBy(
            () -> read("{\"progress\": [{\"type\": \"movie\", \"ids\": {\"tmdb\": 1}}]}"))
        .hasMessageContaining("progress[0].progress_ms: is required for progress");
  }

  @Test
  void writesFeaturesInOrderThenOtherKeysAndReadsThemBack() throws Exception {
    LibraryDocument.Contents original =
        read("{\"notes\": {\"a\": [1, 2]}, \"ratings\": [], \"version\": 2}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    LibraryDocument.write(out, Map.of(Feature.WATCHLIST, List.of(MATRIX)), original.extras());

    String text = out.toString(UTF_8);
    assertThat(text.indexOf("\"watchlist\"")).isLessThan(text.indexOf("\"history\""));
    assertThat(text.indexOf("\"history\"")).isLessThan(text.indexOf("\"ratings\""));
    assertThat(text.indexOf("\"ratings\"")).isLessThan(text.indexOf("\"notes\""));
    assertThat(text.indexOf("\"notes\"")).isLessThan(text.indexOf("\"version\""));
    assertThat(text)
        .isEqualTo(
            """
        {
          "watchlist": [
            {"type": "movie", "title": "The Matrix", "year": 1999, "ids": {"imdb": "tt0133093"}, \
        "listed_at": "2026-01-02T03:04:05Z"}
          ],
          "history": [],
          "ratings": [],
          "playlists": [],
          "progress": [],
          "notes": {"a": [1, 2]},
          "version": 2
        }
        """);
    LibraryDocument.Contents back = read(text);
    assertThat(back.items().get(Feature.WATCHLIST)).containsExactly(MATRIX);
    assertThat(back.extras()).isEqualTo(original.extras());
  }

  private static LibraryDocument.Contents read(String json)
      throws IOException, DocumentFormatException {
    return LibraryDocument.read(new ByteArrayInputStream(json.getBytes(UTF_8)));
  }
}
