package io.crosswatch.core.run;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.plan.Plan;
import io.crosswatch.core.plan.PlannedUnresolved;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.TitleResolution;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Before planning, gives the items of one side that carry only a title and a year (an export
 * file's) the ids of the other side's service, through its title search. Items its search cannot
 * pin down stay as they are and are reported unresolved with the search's reason; where the other
 * side has no search they stay {@code no_ids}.
 */
final class IdlessTitles {
  private final Map<Item, String> reasons = new IdentityHashMap<>();

  /** The side's items with those the searcher resolved replaced by their resolved form. */
  List<Item> resolve(Provider searcher, List<Item> items) throws ProviderException {
    List<Item> idless = new ArrayList<>();
    for (Item item : items) {
      if (searchable(item)) {
        idless.add(item);
      }
    }
    if (idless.isEmpty()) {
      return items;
    }
    Optional<List<TitleResolution>> answers = searcher.resolve(idless);
    if (answers.isEmpty()) {
      return items;
    }
    Map<Item, TitleResolution> byItem = new IdentityHashMap<>();
    for (int i = 0; i < idless.size(); i++) {
      byItem.put(idless.get(i), answers.get().get(i));
    }
    List<Item> resolved = new ArrayList<>(items.size());
    for (Item item : items) {
      TitleResolution answer = byItem.get(item);
      if (answer == null) {
        resolved.add(item);
      } else if (answer.resolved() != null) {
        resolved.add(answer.resolved());
      } else {
        reasons.put(item, answer.reason());
        resolved.add(item);
      }
    }
    return resolved;
  }

  /** The plan with the search's reasons in place of {@code no_ids} for the items it tried. */
  Plan relabel(Plan plan) {
    if (reasons.isEmpty()) {
      return plan;
    }
    List<PlannedUnresolved> unresolved = new ArrayList<>();
    for (PlannedUnresolved u : plan.unresolved()) {
      String reason = reasons.get(u.item());
      unresolved.add(reason == null ? u : new PlannedUnresolved(u.side(), u.item(), reason));
    }
    return new Plan(
        plan.source(), plan.target(), plan.deletedOnSource(), plan.deletedOnTarget(), unresolved);
  }

  private static boolean searchable(Item item) {
    return !item.hasUsableIds()
        && item.title() != null
        && (item.type() == MediaType.MOVIE || item.type() == MediaType.SHOW);
  }
}
