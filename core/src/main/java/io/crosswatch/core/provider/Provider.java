package io.crosswatch.core.provider;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.scrobble.PlaybackSource;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
 *   <li>when a guard finds a snapshot suspect (far smaller than the side's baseline), {@link
 *       #discardSnapshot(Feature)} is called for that feature: a provider that keeps snapshots
 *       across runs forgets that one, so that the next run reads the feature in full;
 *   <li>{@link #remove}, {@link #update} and {@link #add} are called with chunks of items, in that
 *       order within a feature; every item of a chunk gets exactly one {@link ItemOutcome}. The
 *       chunk size is the config's size for the provider, else {@link #preferredChunkSize}, else
 *       {@code apply_chunk_size} ({@link #isLocal() local} providers: the whole operation); the
 *       pause between chunks applies only to providers that are not local;
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

  /**
   * A short token standing for what {@link #snapshot(Feature)} would answer right now, found
   * without reading and parsing every item (a hash of a file's bytes, a service's change mark): two
   * equal tokens of one instance and feature mean equal snapshots. After this instance's own writes
   * in this run the token must stand for the snapshot those writes left. Empty (the default) when
   * the instance cannot tell; the orchestrator then always reads and plans the feature. The
   * orchestrator compares it with the token it stored beside the side's baseline, and plans nothing
   * for a feature whose two sides are unchanged (see the docs on skipping unchanged sides).
   */
  default Optional<String> snapshotDigest(Feature feature) throws ProviderException {
    return Optional.empty();
  }

  /**
   * Adds items (for history: plays; for ratings: ratings; for playlists: members, each to the
   * playlist its {@link Item#playlist()} names, matched by name trimmed and without regard to case,
   * creating the playlist when the side has none of that name; for progress: resume points).
   */
  WriteResult add(Feature feature, List<Item> items) throws ProviderException;

  /**
   * Removes items (for history: the given plays; for ratings: the rating; for playlists: the
   * members from their playlists, never the playlist itself, which stays even when emptied; for
   * progress: clears the resume points).
   */
  WriteResult remove(Feature feature, List<Item> items) throws ProviderException;

  /**
   * Replaces existing entries, used for rating changes and resume points that moved; for playlists
   * an update is a reorder (see {@link #canReorder}). The default adds, which is what most services
   * do when a rating is written over an existing one.
   */
  default WriteResult update(Feature feature, List<Item> items) throws ProviderException {
    return add(feature, items);
  }

  /**
   * Whether this instance can put the members of its playlists in a given order (see {@link
   * io.crosswatch.core.model.PlaylistRef}): an add then honours the member's {@code position} when
   * it can, and an update of the playlists feature moves a member to its {@code position}. A pair
   * with {@code "order": "preserve"} reorders only targets that can; others get one warning. The
   * default is {@code false}.
   */
  default boolean canReorder(Feature feature) {
    return false;
  }

  /**
   * The cost of writing {@code items} items of a feature with one operation, when this service
   * takes one call per item (a tracker's resume point is one paced call): the plan states it. Empty
   * (the default) when the cost is unknown or small (batched writes, local providers).
   */
  default Optional<WriteCost> writeCost(Feature feature, WriteOp op, int items) {
    return Optional.empty();
  }

  /**
   * Finds this service's ids for items that carry only a title and a year (an export file's items),
   * through the service's title search: one answer per item, in order, chosen with {@link
   * TitleMatch}. Empty when the service has no search, which is the default.
   */
  default Optional<List<TitleResolution>> resolve(List<Item> items) throws ProviderException {
    return Optional.empty();
  }

  /**
   * Whether this instance writes to this machine only (a file, a local database) rather than over
   * the network. A local provider gets each operation of a feature in one chunk unless the config
   * names its chunk size, and no pause between chunks. The default is {@code false}.
   */
  default boolean isLocal() {
    return false;
  }

  /**
   * The number of items this provider takes best in one write call for a feature and operation,
   * when the service is known to take more (or fewer) than {@code apply_chunk_size} per call; a
   * provider that declares one states its evidence beside it. A size the config gives the provider
   * wins over it. The default declares none.
   */
  default OptionalInt preferredChunkSize(Feature feature, WriteOp op) {
    return OptionalInt.empty();
  }

  /**
   * Called when a guard found this instance's snapshot of a feature suspect in this run: a provider
   * that keeps snapshots across runs (a persistent cache reused while the service's change marks do
   * not move) must forget the one it returned, and must not store or re-read it when settling, so
   * that the next run reads the feature in full. Never throws; the default does nothing.
   */
  default void discardSnapshot(Feature feature) {}

  /**
   * This instance as a scrobbling source (a media server that posts webhooks or can be watched);
   * empty, the default, when it is not one. Present exactly when the factory's {@link
   * ProviderFactory#scrobbleRoles()} holds {@code SOURCE}.
   */
  default Optional<PlaybackSource> playbackSource() {
    return Optional.empty();
  }

  /**
   * This instance as a scrobbling sink (a tracker's scrobble API, a local tracker's history);
   * empty, the default, when it is not one. Present exactly when the factory's {@link
   * ProviderFactory#scrobbleRoles()} holds {@code SINK}.
   */
  default Optional<ScrobbleTarget> scrobbleTarget() {
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
