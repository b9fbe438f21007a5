package io.crosswatch.providers.mediabrowser;

/**
 * Builds {@code JELLYFIN} providers (Jellyfin 10.9 or later) from the {@code jellyfin} config
 * block: {@code server}, {@code access_token}, {@code user_id}, {@code username}, {@code
 * device_id}, {@code watchlist} ({@code mode}: {@code favorites} or {@code playlist}, {@code
 * playlist_name}, {@code libraries}), {@code history}/{@code ratings} ({@code libraries}), {@code
 * verify_ssl}, {@code timeout} (seconds) and {@code concurrency} (writes in flight, default 4).
 */
public final class JellyfinProviderFactory extends MediaBrowserProviderFactory {

  /** The factory {@link java.util.ServiceLoader} uses. */
  public JellyfinProviderFactory() {
    super(Dialect.JELLYFIN);
  }

  @Override
  public int listOrder() {
    return 70;
  }
}
