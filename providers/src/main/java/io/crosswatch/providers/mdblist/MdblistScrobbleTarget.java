package io.crosswatch.providers.mdblist;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.scrobble.ScrobbleOutcome;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.scrobble.ScrobbleAnswers;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * MDBList as a scrobbling sink: {@code POST /scrobble/start|pause|stop} with the progress
 * percentage and a movie ({@code {"movie": {"ids"}}}) or an episode as its show with season and
 * number ({@code {"show": {"ids", "season": {"number", "episode": {"number"}}}}}). MDBList's
 * documentation of these calls was not found; the shapes are those open-source clients send. A 409
 * counts as already recorded; 429 (with {@code Retry-After}) and 5xx are retriable; a refused key
 * is permanent. Each call spends the daily quota like any other.
 */
final class MdblistScrobbleTarget implements ScrobbleTarget {
  private final MdblistApi api;
  private final String label;

  MdblistScrobbleTarget(MdblistApi api, String label) {
    this.api = api;
    this.label = label;
  }

  @Override
  public ScrobbleOutcome scrobble(
      ScrobbleAction action, Item item, double progressPercent, Instant at)
      throws ProviderException {
    ObjectNode body =
        body(item)
            .orElseThrow(
                () ->
                    ScrobbleAnswers.noIds(
                        label,
                        action,
                        item,
                        "MDBList can look the title up by (imdb, tmdb, tvdb or trakt; an episode"
                            + " needs its show's, with season and number)"));
    body.put("progress", ScrobbleAnswers.progress(progressPercent));
    HttpAnswer answer = api.answer(ApiRequest.post("/scrobble/" + action.key(), body.toString()));
    return ScrobbleAnswers.outcome(answer, item, "MDBList", api::failure);
  }

  private static Optional<ObjectNode> body(Item item) {
    ObjectNode body = MdblistApi.MAPPER.createObjectNode();
    if (item.type() == MediaType.MOVIE && MdblistItems.hasSyncIds(item.ids())) {
      body.putObject("movie").set("ids", MdblistItems.idsJson(item.ids()));
      return Optional.of(body);
    }
    if (item.type() == MediaType.EPISODE
        && item.show() != null
        && MdblistItems.hasSyncIds(item.show().ids())
        && item.season() != null
        && item.number() != null) {
      ObjectNode show = body.putObject("show");
      show.set("ids", MdblistItems.idsJson(item.show().ids()));
      show.putObject("season")
          .put("number", item.season())
          .putObject("episode")
          .put("number", item.number());
      return Optional.of(body);
    }
    return Optional.empty();
  }
}
