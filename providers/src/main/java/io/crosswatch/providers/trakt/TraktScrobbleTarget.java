package io.crosswatch.providers.trakt;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.core.scrobble.ScrobbleAction;
import io.crosswatch.core.scrobble.ScrobbleOutcome;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import io.crosswatch.providers.scrobble.ScrobbleAnswers;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Trakt as a scrobbling sink: {@code POST /scrobble/start|pause|stop} with the progress and the
 * movie, or the episode (by its ids, or by its show's ids with season and number). Trakt dates a
 * play itself (now), turns a stop below 80 % into a pause, and answers 409 to a stop of a title it
 * just scrobbled, which counts as recorded. The calls are writes, paced one per second with the
 * account's other writes; a 429 or 5xx is a retriable failure (with Retry-After), a refused token a
 * permanent one.
 */
final class TraktScrobbleTarget implements ScrobbleTarget {
  private final TraktApi api;
  private final String label;

  TraktScrobbleTarget(TraktApi api, String label) {
    this.api = api;
    this.label = label;
  }

  @Override
  public ScrobbleOutcome scrobble(
      ScrobbleAction action, Item item, double progressPercent, Instant at)
      throws ProviderException {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(item, "item");
    Optional<ObjectNode> body = TraktProgress.body(item);
    if (body.isEmpty()) {
      throw ProviderException.permanent(
          Kind.REJECTED,
          label
              + " scrobble "
              + action.key()
              + " of "
              + describe(item)
              + ": no id Trakt can look up (imdb, tmdb, tvdb, trakt); the server has none for it");
    }
    body.get().put("progress", ScrobbleAnswers.progress(progressPercent));
    HttpAnswer answer =
        api.answer(ApiRequest.post("/scrobble/" + action.key(), body.get().toString()));
    return ScrobbleAnswers.outcome(answer, item, "Trakt", api::failure);
  }

  private static String describe(Item item) {
    String ids = item.ids().toString();
    if (item.show() != null && item.season() != null && item.number() != null) {
      return String.format(
          Locale.ROOT,
          "%s S%02dE%02d %s",
          item.show().title() == null ? "episode" : item.show().title(),
          item.season(),
          item.number(),
          ids);
    }
    return (item.title() == null ? item.type().key() : item.title()) + " " + ids;
  }
}
