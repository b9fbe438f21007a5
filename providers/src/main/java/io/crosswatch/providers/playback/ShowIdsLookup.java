package io.crosswatch.providers.playback;

import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the shows a server's episodes belong to, looked up on the server once per show (by the
 * server's key of the show) and kept: webhooks name an episode's show only by that key. A failed
 * lookup is logged and leaves the episode as it was; it is tried again next time. Thread-safe.
 */
public final class ShowIdsLookup {

  /** One lookup on the server: the show's ids by its key. */
  @FunctionalInterface
  public interface Lookup {
    Ids ids(String showKey) throws ProviderException;
  }

  /** A lookup that finds nothing, for sources without a server to ask. */
  public static final ShowIdsLookup NONE =
      new ShowIdsLookup(key -> Ids.empty(), "", DiagnosticLog.silent());

  private final Lookup lookup;
  private final String label;
  private final DiagnosticLog log;
  private final Map<String, Ids> known = new ConcurrentHashMap<>();

  public ShowIdsLookup(Lookup lookup, String label, DiagnosticLog log) {
    this.lookup = lookup;
    this.label = label;
    this.log = log;
  }

  /** The show's ids, from the server on first use; empty when the lookup fails. */
  public Ids ids(String showKey) {
    Ids ids = known.get(showKey);
    if (ids != null) {
      return ids;
    }
    try {
      ids = lookup.ids(showKey);
      known.put(showKey, ids);
      return ids;
    } catch (ProviderException | RuntimeException e) {
      log.warn(label + ": could not look up the ids of show " + showKey + ": " + e.getMessage());
      return Ids.empty();
    }
  }

  /** The episode with its show's ids added (its own win); other items and no key unchanged. */
  public Item withShowIds(Item item, String showKey) {
    if (item.type() != MediaType.EPISODE || item.show() == null || showKey == null) {
      return item;
    }
    Ids found = ids(showKey);
    if (found.isEmpty()) {
      return item;
    }
    return withShow(
        item, new ShowRef(item.show().title(), item.show().year(), item.show().ids().merge(found)));
  }

  /** The episode {@code item} with {@code show} in place of its own (no feature fields). */
  public static Item withShow(Item item, ShowRef show) {
    return new Item(
        item.type(),
        item.title(),
        item.year(),
        item.ids(),
        show,
        item.season(),
        item.number(),
        null,
        null,
        null,
        null);
  }
}
