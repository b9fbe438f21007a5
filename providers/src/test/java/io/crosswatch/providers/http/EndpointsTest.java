package io.crosswatch.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointsTest {

  @Test
  void dropsTheQueryAndReplacesIdSegments() {
    assertThat(Endpoints.template("/sync/history?page=2&limit=100")).isEqualTo("/sync/history");
    assertThat(Endpoints.template("/Users/5f0e3c2a9b8d4e7f8a6b5c4d3e2f1a0b/Items"))
        .isEqualTo("/Users/{id}/Items");
    assertThat(Endpoints.template("/movies/tt0133093/ratings")).isEqualTo("/movies/{id}/ratings");
    assertThat(Endpoints.template("/library/metadata/12345")).isEqualTo("/library/metadata/{id}");
    assertThat(Endpoints.template("/x/123e4567-e89b-12d3-a456-426614174000")).isEqualTo("/x/{id}");
  }

  @Test
  void keepsWordsAndStripsHostsOfAbsoluteUrls() {
    assertThat(Endpoints.template("https://plex.tv/api/v2/pins/42?strong=true"))
        .isEqualTo("/api/v2/pins/{id}");
    assertThat(Endpoints.template("/sync/watchlist/movies")).isEqualTo("/sync/watchlist/movies");
  }

  @Test
  void anExplicitTemplateWins() {
    assertThat(
            ApiRequest.get("/users/me/lists/my-list")
                .withTemplate("/users/me/lists/{slug}")
                .endpoint())
        .isEqualTo("/users/me/lists/{slug}");
  }
}
