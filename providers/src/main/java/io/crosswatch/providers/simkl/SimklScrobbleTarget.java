package io.crosswatch.providers.simkl;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.scrobble.ScrobbleOutcome;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.scrobble.ScrobbleAnswers;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * SIMKL as a scrobbling sink: {@code POST /scrobble/start|pause|stop} with the progress percentage.
 * SIMKL records a stop at 80 % or more as a watch and keeps a lower one as a paused playback. A 409
 * (the same viewing already recorded) counts as done; 429 and 5xx are retriable (429 with its
 * {@code Retry-After}); a refused token is a permanent failure.
 */
final class SimklScrobbleTarget implements ScrobbleTarget {
  private final SimklApi api;
  private final String label;

  SimklScrobbleTarget(SimklApi api, String label) {
    this.api = api;
    this.label = label;
  }

  @Override
  public ScrobbleOutcome scrobble(
      ScrobbleAction action, Item item, double progressPercent, Instant at)
      throws ProviderException {
    ObjectNode body =
        SimklScrobbleBody.of(item, progressPercent)
            .orElseThrow(
                () ->
                    ScrobbleAnswers.noIds(
                        label,
                        action,
                        item,
                        "SIMKL can look the title up by (a movie needs an imdb, tmdb or simkl"
                            + " id; an episode its show's ids, season and number)"));
    HttpAnswer answer = api.answer(ApiRequest.post("/scrobble/" + action.key(), body.toString()));
    return ScrobbleAnswers.outcome(answer, item, "SIMKL", api::failure);
  }
}
