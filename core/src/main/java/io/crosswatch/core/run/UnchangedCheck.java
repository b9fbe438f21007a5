package io.crosswatch.core.run;

import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.PairSettings;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.state.Side;
import io.crosswatch.core.state.StateStore;
import io.crosswatch.core.state.Tombstone;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Tells whether a pair's feature can be left unplanned because neither side changed since their
 * baselines were stored: each side's digest combines the provider's snapshot digest with everything
 * else planning depends on (the pair's settings for the feature, the sync and guard settings, the
 * live tombstones). Unresolved or parked items of the feature always mean "plan".
 */
final class UnchangedCheck {
  private static final String VERSION = "cw-digest-1";

  private final Config config;
  private final StateStore store;
  private final PairSettings pair;
  private final Feature feature;
  private final Map<Side, Provider> providers;

  UnchangedCheck(
      Config config,
      StateStore store,
      PairSettings pair,
      Feature feature,
      Map<Side, Provider> providers) {
    this.config = config;
    this.store = store;
    this.pair = pair;
    this.feature = feature;
    this.providers = providers;
  }

  /**
   * Each side's digest as it would be stored beside its baseline now; a side whose provider cannot
   * tell (or failed to) is missing.
   */
  Map<Side, String> digests(Instant now) {
    String settings = settingsFingerprint(now);
    Map<Side, String> digests = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      digest(side, settings).ifPresent(d -> digests.put(side, d));
    }
    return digests;
  }

  /** The digest of one side as it would be stored now, if its provider can tell. */
  Optional<String> digest(Side side, Instant now) {
    return digest(side, settingsFingerprint(now));
  }

  /** The digest of one side: the settings' fingerprint with the provider's own digest. */
  private Optional<String> digest(Side side, String settings) {
    return providerToken(side).map(t -> sha256(settings + "\n" + side + t));
  }

  /**
   * When both sides' digests equal those stored beside their baselines and nothing of the feature
   * is pending (unresolved or parked items): how many items each side's baseline holds, as stored
   * with its digest ({@link #stored}). Empty otherwise, a damaged stored value included.
   */
  Optional<Map<Side, Integer>> unchanged(Map<Side, String> digests) {
    Map<Side, Integer> counts = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      String now = digests.get(side);
      String stored = store.baselineDigest(pair.id(), feature, side).orElse("");
      int hash = stored.lastIndexOf('#');
      if (now == null || hash < 0 || !stored.substring(0, hash).equals(now)) {
        return Optional.empty();
      }
      try {
        counts.put(side, Integer.parseInt(stored.substring(hash + 1)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    boolean unresolved = store.unresolved(pair.id()).stream().anyMatch(u -> u.feature() == feature);
    boolean parked = store.allParked(pair.id()).stream().anyMatch(p -> p.feature() == feature);
    return unresolved || parked ? Optional.empty() : Optional.of(counts);
  }

  /**
   * What is stored beside a side's baseline: its digest and how many items the baseline holds, so
   * that an unchanged feature's summary needs no count of the baseline's rows.
   */
  static String stored(String digest, int baselineItems) {
    return digest + "#" + baselineItems;
  }

  /**
   * The provider's digest of the side; for progress also that of its history, which planning resume
   * points reads too.
   */
  private Optional<String> providerToken(Side side) {
    Provider p = providers.get(side);
    StringBuilder token = new StringBuilder();
    List<Feature> read = new ArrayList<>(List.of(feature));
    if (feature == Feature.PROGRESS && p.features().contains(Feature.HISTORY)) {
      read.add(Feature.HISTORY);
    }
    for (Feature f : read) {
      Optional<String> d;
      try {
        d = p.snapshotDigest(f);
      } catch (ProviderException | RuntimeException e) {
        return Optional.empty(); // cannot tell: plan as usual
      }
      if (d.isEmpty()) {
        return Optional.empty();
      }
      token.append('\n').append(f.key()).append('=').append(d.get());
    }
    return Optional.of(token.toString());
  }

  /** Everything besides the snapshots that planning this feature depends on. */
  private String settingsFingerprint(Instant now) {
    StringBuilder sb = new StringBuilder(VERSION);
    sb.append('\n').append(feature.key()).append(' ').append(pair.mode());
    sb.append('\n').append(pair.sourceLabel()).append(" -> ").append(pair.targetLabel());
    sb.append('\n').append(pair.feature(feature));
    if (feature == Feature.RATINGS) {
      sb.append('\n')
          .append(new TreeSet<>(pair.ratingsFilter().types()))
          .append(' ')
          .append(pair.ratingsFilter().fromDate());
    }
    sb.append('\n').append(config.sync());
    sb.append('\n')
        .append(config.runtime().suspectMinPrev())
        .append(' ')
        .append(config.runtime().suspectShrinkRatio())
        .append(' ')
        .append(config.runtime().debugMods());
    Instant cutoff = now.minus(Duration.ofDays(config.sync().tombstoneTtlDays()));
    TreeSet<String> live = new TreeSet<>();
    for (Tombstone t : store.tombstones(pair.id(), feature)) {
      if (t.removedAt().isAfter(cutoff)) {
        live.add(t.key() + "@" + t.removedAt().toEpochMilli());
      }
    }
    sb.append('\n').append(sha256(String.join("\n", live)));
    return sb.toString();
  }

  private static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
