package io.crosswatch.providers.mediabrowser;

/**
 * Builds {@code EMBY} providers from the {@code emby} config block, with the same keys as {@link
 * JellyfinProviderFactory}; {@code server} may end with {@code /emby}, else the prefix is probed.
 */
public final class EmbyProviderFactory extends MediaBrowserProviderFactory {

  /** The factory {@link java.util.ServiceLoader} uses. */
  public EmbyProviderFactory() {
    super(Dialect.EMBY);
  }

  @Override
  public int listOrder() {
    return 80;
  }
}
