package io.crosswatch.testkit.fake.mediabrowser;

/** Which member of the MediaBrowser family a {@link FakeMediaBrowserServer} plays. */
public enum ServerDialect {
  /** Jellyfin 10.9+: {@code Authorization: MediaBrowser …Token="…"}, GUID item ids. */
  JELLYFIN("Jellyfin Server", "10.10.7"),
  /** Emby: {@code X-Emby-Token}, numeric item ids, paths optionally under {@code /emby}. */
  EMBY("Emby Server", "4.8.11.0");

  private final String productName;
  private final String version;

  ServerDialect(String productName, String version) {
    this.productName = productName;
    this.version = version;
  }

  /** {@code ProductName} as {@code /System/Info} reports it. */
  public String productName() {
    return productName;
  }

  /** {@code Version} as {@code /System/Info} reports it. */
  public String version() {
    return version;
  }
}
