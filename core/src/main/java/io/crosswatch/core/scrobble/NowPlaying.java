package io.crosswatch.core.scrobble;

import io.crosswatch.core.model.Item;
import java.time.Instant;

/** One playback in progress, as the dashboard shows it. */
public record NowPlaying(
    String source,
    String instance,
    String user,
    Item item,
    PlaybackState state,
    double progressPercent,
    Instant updatedAt) {}
