package io.crosswatch.core.provider;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One configured instance of a service (a JSON file, a Trakt account, a Plex server) that holds
 * watch data.
 *
 * <p>Lifecycle (calls on one instance never overlap; different instances may be called at the same
 * time from different threads, e.g. both sides' health checks or snapshots):
 *
 * <ol>
 *   <li>{@link ProviderFactory#create} builds the instance from its config block;
 *   <li>{@link #health()} is called once per run before anything else;
 *   <li>{@link #snapshot(Feature)} is called for each feature an enabled pair uses (results may be
 *       cached by the orchestrator for {@code snapshot_ttl_sec});
 *   <li>{@link #add}, {@link #remove} and {@link #update} are called with chunks of items, in plan
 *       order; every item of a chunk gets exactly one {@link ItemOutcome};
 *   <li>{@link #settle()} is called once after the last write of a run that was not a dry run;
 *   <li>{@link #close()} is called when the run ends.
 * </ol>
 *
 * <p>A failure of a whole call is a {@link ProviderException}; its {@code retriable()} answer
 * decides whether the orchestrator tries again.
 */
public interface Provider extends AutoCloseable {

  /** The upper-case provider name, e.g. {@code FILE}. */
  String name();

  /** The instance name, {@code default} unless configured under {@code instances}. */
  String instance();

  /** The features this instance can read and write. */
  Set<Feature> features();

  /** Checks connectivity, auth and feature availability; never throws. */
  HealthReport health();

  /** Everything this instance holds right now for one feature. */
  List<Item> snapshot(Feature feature) throws ProviderException;

  /** Adds items (for history: plays; for ratings: ratings). */
  WriteResult add(Feature feature, List<Item> items) throws ProviderException;

  /** Removes items (for history: the given plays; for ratings: the rating). */
  WriteResult remove(Feature feature, List<Item> items) throws ProviderException;

  /**
   * Replaces existing entries, used for rating changes. The default adds, which is what most
   * services do when a rating is written over an existing one.
   */
  default WriteResult update(Feature feature, List<Item> items) throws ProviderException {
    return add(feature, items);
  }

  /**
   * Finds this service's ids for items that carry only a title and a year (an export file's items),
   * through the service's title search: one answer per item, in order, chosen with {@link
   * TitleMatch}. Empty when the service has no search, which is the default.
   */
  default Optional<List<TitleResolution>> resolve(List<Item> items) throws ProviderException {
    return Optional.empty();
  }

  /** Request counters of this instance, for the run summary; empty for local providers. */
  default Optional<ApiUsage> apiUsage() {
    return Optional.empty();
  }

  /**
   * Called once at the end of every run that is not a dry run (on instances that were only read
   * too), after its last write and before {@link #close}: a provider that keeps snapshots across
   * runs brings the ones its writes made stale up to date here, so that the next run finds nothing
   * changed. Problems are warnings (the next run then reads again); it never throws. The default
   * does nothing.
   */
  default void settle() {}

  /** Releases resources; the default does nothing. */
  @Override
  default void close() {}

  /** {@code NAME:instance}, as used in the summary and in messages. */
  default String label() {
    return name() + ":" + instance();
  }
}
