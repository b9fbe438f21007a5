package io.crosswatch.providers.importer;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemJson;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trakt's JSON export files: arrays of rows shaped like its API's ({@code {"type": "movie",
 * "movie": {...}, "watched_at" | "listed_at" | "rating"+"rated_at": ...}}). A row's time field says
 * its feature: plays, watchlist entries or ratings.
 */
final class TraktExportFormat {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private TraktExportFormat() {}

  static void read(List<ExportFile> files, Imported out) {
    for (ExportFile file : files) {
      if (!file.is(".json")) {
        continue;
      }
      JsonNode rows;
      try {
        rows =
            MAPPER.readTree(
                file.text().startsWith("\uFEFF") ? file.text().substring(1) : file.text());
      } catch (JacksonException e) {
        out.bad(file.name(), e.getLocation().getLineNr(), "not JSON: " + e.getOriginalMessage());
        continue;
      }
      if (rows == null || !rows.isArray()) {
        out.bad(file.name(), 1, "not a Trakt export (an array of rows expected)");
        continue;
      }
      for (int i = 0; i < rows.size(); i++) {
        try {
          row(rows.get(i), out);
        } catch (IllegalArgumentException e) {
          out.badEntry(file.name(), i + 1, e.getMessage());
        }
      }
    }
  }

  private static void row(JsonNode row, Imported out) {
    Item item = item(row);
    if (row.hasNonNull("watched_at")) {
      out.add(Feature.HISTORY, item.withWatchedAt(time(row, "watched_at")));
    } else if (row.hasNonNull("rating")) {
      JsonNode rating = row.get("rating");
      if (!rating.canConvertToInt() || rating.asInt() < 1 || rating.asInt() > 10) {
        throw new IllegalArgumentException("rating " + rating + " is not 1–10");
      }
      out.add(Feature.RATINGS, item.withRating(rating.asInt(), time(row, "rated_at")));
    } else if (row.has("listed_at")) {
      out.add(Feature.WATCHLIST, item.withListedAt(time(row, "listed_at")));
    } else {
      throw new IllegalArgumentException("no watched_at, listed_at or rating: unknown kind of row");
    }
  }

  private static Item item(JsonNode row) {
    String type = row.path("type").asString("");
    MediaType kind =
        MediaType.fromKey(type)
            .orElseThrow(() -> new IllegalArgumentException("unknown type \"" + type + "\""));
    JsonNode media = row.get(type);
    if (media == null || !media.isObject()) {
      throw new IllegalArgumentException("type " + type + " without a \"" + type + "\" object");
    }
    Ids ids = ItemJson.ids(media.get("ids"), type + ".ids");
    String title = media.path("title").isString() ? media.get("title").asString() : null;
    Integer year = media.path("year").canConvertToInt() ? media.get("year").asInt() : null;
    if (kind == MediaType.MOVIE || kind == MediaType.SHOW) {
      return kind == MediaType.MOVIE ? Item.movie(title, year, ids) : Item.show(title, year, ids);
    }
    JsonNode show = row.get("show");
    if (show == null || !show.isObject()) {
      throw new IllegalArgumentException(type + " without its show");
    }
    ShowRef ref =
        new ShowRef(
            show.path("title").asString(null),
            show.path("year").canConvertToInt() ? show.get("year").asInt() : null,
            ItemJson.ids(show.get("ids"), "show.ids"));
    if (kind == MediaType.SEASON) {
      return Item.season(ref, media.path("number").asInt(), ids);
    }
    return Item.episode(
        ref, media.path("season").asInt(), media.path("number").asInt(), title, ids);
  }

  private static Instant time(JsonNode row, String field) {
    JsonNode value = row.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return ItemJson.parseInstant(value.asString(), field);
  }
}
