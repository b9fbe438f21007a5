package io.crosswatch.core.apply;

import io.crosswatch.core.config.RuntimeSettings;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.Provider;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How one operation is cut into chunks: the size the config gives the provider ({@code
 * apply_chunk_size_by_provider}), else the provider's own preferred size for the operation, else
 * the whole operation for a local provider, else {@code apply_chunk_size}; the pause between chunks
 * ({@code apply_chunk_pause_ms}) only for providers written over the network.
 *
 * @param size items per chunk (at least 1)
 * @param pause the wait between two chunks (zero for local providers)
 * @param source where the size came from: {@code config}, {@code provider}, {@code local} or {@code
 *     default}
 */
public record ChunkSizing(int size, Duration pause, String source) {

  public ChunkSizing {
    if (size < 1) {
      throw new IllegalArgumentException("chunk size must be at least 1, got " + size);
    }
    Objects.requireNonNull(pause, "pause");
    Objects.requireNonNull(source, "source");
  }

  /** The chunking of {@code items} items of one operation written to {@code provider}. */
  public static ChunkSizing of(
      RuntimeSettings runtime, Provider provider, Feature feature, WriteOp op, int items) {
    Duration pause =
        provider.isLocal() ? Duration.ZERO : Duration.ofMillis(runtime.applyChunkPauseMs());
    OptionalInt named = runtime.namedChunkSize(provider.name());
    if (named.isPresent()) {
      return new ChunkSizing(named.getAsInt(), pause, "config");
    }
    OptionalInt preferred = provider.preferredChunkSize(feature, op);
    if (preferred.isPresent() && preferred.getAsInt() >= 1) {
      return new ChunkSizing(preferred.getAsInt(), pause, "provider");
    }
    if (provider.isLocal()) {
      return new ChunkSizing(Math.max(1, items), pause, "local");
    }
    return new ChunkSizing(runtime.applyChunkSize(), pause, "default");
  }
}
