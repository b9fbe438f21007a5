package io.crosswatch.providers.plex;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resume points on a Plex server: {@code viewOffset} (ms) of the library pass's movies and
 * episodes, paused at their {@code lastViewedAt}; written as a stopped playback report ({@code
 * /:/timeline?ratingKey=&key=&identifier=&time=&state=stopped&duration=}, what official clients
 * send). Plex counts a report at or past 90 % of the runtime (its default threshold) as a finished
 * viewing, so such points are not written. Plex has no call that clears a position alone: on an
 * unplayed title {@code /:/unscrobble} clears it without changing anything else; on a played title
 * it would take the play away, so that clear is refused.
 */
final class PlexProgress {
  /** Plex's default "watched" threshold: a position this far is a finished viewing. */
  static final double WATCHED_SHARE = 0.90;

  private final PlexServer server;
  private final Clock clock;

  PlexProgress(PlexServer server, Clock clock) {
    this.server = server;
    this.clock = clock;
  }

  List<Item> snapshot(PlexLibrary library, Set<String> sections) {
    List<Item> points = new ArrayList<>();
    for (PlexEntry e : library.entries()) {
      if (e.viewOffset() > 0 && e.type() != MediaType.SHOW && sections.contains(e.section())) {
        points.add(e.item().withProgress(e.viewOffset(), e.duration(), e.lastViewedAt()));
      }
    }
    return points;
  }

  ItemOutcome write(PlexLibrary library, Set<String> sections, Item point)
      throws ProviderException {
    if (point.type() != MediaType.MOVIE && point.type() != MediaType.EPISODE) {
      return ItemOutcome.failed(point, "resume points are of movies and episodes", false);
    }
    if (point.progressMs() == null || point.progressMs() <= 0) {
      return ItemOutcome.failed(point, "a resume point needs progress_ms > 0", false);
    }
    Optional<PlexEntry> entry = library.find(point, sections);
    if (entry.isEmpty()) {
      return ItemOutcome.notFound(point, PlexServerWrites.NOT_IN_LIBRARY);
    }
    PlexEntry e = entry.get();
    if (e.viewOffset() == point.progressMs()) {
      return ItemOutcome.alreadyPresent(point);
    }
    Long duration = e.duration() != null ? e.duration() : point.durationMs();
    if (duration != null && point.progressMs() >= duration * WATCHED_SHARE) {
      return ItemOutcome.failed(
          point,
          "at 90 % or more of the runtime Plex counts the title as watched; not written as a "
              + "resume point",
          false);
    }
    ApiRequest request =
        ApiRequest.get("/:/timeline")
            .withQuery("ratingKey", e.ratingKey())
            .withQuery("key", "/library/metadata/" + e.ratingKey())
            .withQuery("identifier", PlexServerWrites.IDENTIFIER)
            .withQuery("time", point.progressMs())
            .withQuery("state", "stopped");
    if (duration != null) {
      request = request.withQuery("duration", duration);
    }
    return send(point, request, library, e.ratingKey(), point.progressMs());
  }

  ItemOutcome clear(PlexLibrary library, Set<String> sections, Item point)
      throws ProviderException {
    Optional<PlexEntry> entry = library.find(point, sections);
    if (entry.isEmpty()) {
      return ItemOutcome.notFound(point, PlexServerWrites.NOT_IN_LIBRARY);
    }
    PlexEntry e = entry.get();
    if (e.viewOffset() <= 0) {
      return ItemOutcome.alreadyPresent(point);
    }
    if (e.played()) {
      return ItemOutcome.failed(
          point,
          "Plex clears a resume point only by marking the title unplayed, which would remove its "
              + "play; clear it in Plex",
          false);
    }
    ApiRequest request =
        ApiRequest.get("/:/unscrobble")
            .withQuery("key", e.ratingKey())
            .withQuery("identifier", PlexServerWrites.IDENTIFIER);
    return send(point, request, library, e.ratingKey(), 0);
  }

  private ItemOutcome send(
      Item point, ApiRequest request, PlexLibrary library, String ratingKey, long offset)
      throws ProviderException {
    HttpAnswer answer = server.api().send(request);
    if (answer.status() == 404) {
      return ItemOutcome.notFound(point, PlexServerWrites.NOT_IN_LIBRARY);
    }
    if (!answer.isSuccess()) {
      throw server.api().failure(answer);
    }
    library.update(ratingKey, x -> x.withViewOffset(offset, offset > 0 ? clock.instant() : null));
    return ItemOutcome.confirmed(point);
  }
}
