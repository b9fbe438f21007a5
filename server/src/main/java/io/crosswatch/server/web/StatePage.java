package io.crosswatch.server.web;

import io.crosswatch.core.state.ParkedItem;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.core.state.UnresolvedItem;
import io.crosswatch.server.web.StateView.ItemRow;
import io.crosswatch.server.web.StateView.TombstoneRow;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The state page: unresolved and parked items with their reasons, tombstones, and clearing them.
 */
final class StatePage {
  private static final int DEFAULT_TTL_DAYS = 30;

  private final PageServices services;

  StatePage(PageServices services) {
    this.services = services;
  }

  void show(Context ctx) {
    render(ctx, "");
  }

  /** {@code POST /state/clear-unresolved} with an optional {@code pair}: as {@code cw state}. */
  void clearUnresolved(Context ctx) {
    String pair = blankToNull(ctx.formParam("pair"));
    int[] cleared =
        services.withState(
            store -> new int[] {store.clearUnresolved(pair), store.clearParked(pair)});
    render(
        ctx,
        "Cleared "
            + cleared[0]
            + " unresolved and "
            + cleared[1]
            + " parked items"
            + (pair == null ? "." : " of pair " + pair + ".")
            + " The next run tries them again.");
  }

  /** {@code POST /state/prune-tombstones}: forgets tombstones older than the config's TTL. */
  void pruneTombstones(Context ctx) {
    int days = ttlDays(services.maskedConfig());
    int pruned =
        services.withState(
            store -> store.pruneTombstones(Instant.now().minus(Duration.ofDays(days))));
    render(ctx, "Forgot " + pruned + " tombstones older than " + days + " days.");
  }

  private void render(Context ctx, String notice) {
    JsonNode config = services.maskedConfig();
    List<String> pairIds = new ArrayList<>();
    config.path("pairs").forEach(p -> pairIds.add(p.path("id").asString("")));
    StateView view = services.withState(store -> view(store, pairIds, ttlDays(config), notice));
    Html.render(ctx, "state.jte", Map.of("view", view));
  }

  private static StateView view(
      StateStore store, List<String> pairIds, int ttlDays, String notice) {
    List<ItemRow> unresolved = new ArrayList<>();
    TreeSet<String> withItems = new TreeSet<>();
    for (UnresolvedItem u : store.unresolved(null)) {
      unresolved.add(
          new ItemRow(
              u.pairId(),
              u.feature().key(),
              u.side().key(),
              u.item().label(),
              u.reason(),
              Html.time(u.at())));
      withItems.add(u.pairId());
    }
    List<ItemRow> parked = new ArrayList<>();
    for (ParkedItem p : store.allParked(null)) {
      parked.add(
          new ItemRow(
              p.pairId(),
              p.feature().key(),
              p.side().key(),
              p.item().label(),
              p.reason(),
              Html.time(p.until())));
      withItems.add(p.pairId());
    }
    List<TombstoneRow> tombstones = new ArrayList<>();
    for (String pair : pairIds) {
      if (!pair.isEmpty()) {
        store
            .allTombstones(pair)
            .forEach(
                t ->
                    tombstones.add(
                        new TombstoneRow(pair, t.item().label(), Html.time(t.removedAt()))));
      }
    }
    return new StateView(unresolved, parked, tombstones, List.copyOf(withItems), ttlDays, notice);
  }

  private static int ttlDays(JsonNode config) {
    return config.path("sync").path("tombstone_ttl_days").asInt(DEFAULT_TTL_DAYS);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
