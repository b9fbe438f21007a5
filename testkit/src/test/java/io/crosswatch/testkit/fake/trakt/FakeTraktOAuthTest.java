package io.crosswatch.testkit.fake.trakt;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.FakeTime;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeTraktOAuthTest {
  private static final String CLIENT =
      "\"client_id\":\""
          + FakeTraktServer.CLIENT_ID
          + "\",\"client_secret\":\""
          + FakeTraktServer.CLIENT_SECRET
          + "\"";

  private final FakeTime time = FakeTime.standard();
  private final FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start();
  private final TraktCalls calls = new TraktCalls(trakt.baseUrl());

  @AfterEach
  void stop() {
    trakt.close();
  }

  private JsonNode deviceCode() {
    HttpResponse<String> r =
        calls.post("/oauth/device/code", "{\"client_id\":\"" + FakeTraktServer.CLIENT_ID + "\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    return TraktCalls.json(r);
  }

  private HttpResponse<String> poll(JsonNode code) {
    time.advance(Duration.ofSeconds(code.get("interval").asLong()));
    return calls.post(
        "/oauth/device/token",
        "{\"code\":\"" + code.get("device_code").asString() + "\"," + CLIENT + "}");
  }

  private HttpResponse<String> refresh(String refreshToken) {
    return calls.post(
        "/oauth/token",
        "{\"refresh_token\":\""
            + refreshToken
            + "\","
            + CLIENT
            + ",\"grant_type\":\"refresh_token\"}");
  }

  private int getWith(String accessToken) {
    calls.headers.put("Authorization", "Bearer " + accessToken);
    return calls.get("/sync/watchlist").statusCode();
  }

  @Test
  void aDeviceCodeIsPendingUntilApprovedThenUsed() {
    trakt.oauth().approveAfter(1);
    JsonNode code = deviceCode();

    assertThat(code.get("verification_url").asString()).isEqualTo(TraktOAuth.VERIFICATION_URL);
    assertThat(code.get("user_code").asString()).isEqualTo(trakt.oauth().lastUserCode().get());
    assertThat(poll(code).statusCode()).isEqualTo(400);
    HttpResponse<String> approved = poll(code);
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(poll(code).statusCode()).isEqualTo(409);
    assertThat(getWith(TraktCalls.json(approved).get("access_token").asString())).isEqualTo(200);
  }

  @Test
  void deniedExpiredUnknownAndTooFastPollsHaveTheirStatuses() {
    trakt.oauth().denyAfter(0);
    assertThat(poll(deviceCode()).statusCode()).isEqualTo(418);

    JsonNode expiring = deviceCode();
    time.advance(Duration.ofMinutes(10));
    assertThat(poll(expiring).statusCode()).isEqualTo(410);

    JsonNode code = deviceCode();
    assertThat(poll(code).statusCode()).isEqualTo(400);
    assertThat(
            calls
                .post(
                    "/oauth/device/token",
                    "{\"code\":\"" + code.get("device_code").asString() + "\"," + CLIENT + "}")
                .statusCode())
        .isEqualTo(429);

    assertThat(calls.post("/oauth/device/token", "{\"code\":\"nope\"," + CLIENT + "}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aRefreshTokenWorksOnceAndReplacesTheAccessToken() {
    HttpResponse<String> first = refresh(FakeTraktServer.REFRESH_TOKEN);
    JsonNode tokens = TraktCalls.json(first);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(tokens.get("expires_in").asLong()).isEqualTo(Duration.ofHours(24).toSeconds());
    assertThat(tokens.get("created_at").asLong()).isEqualTo(time.instant().getEpochSecond());
    assertThat(refresh(FakeTraktServer.REFRESH_TOKEN).statusCode()).isEqualTo(401);
    assertThat(getWith(FakeTraktServer.ACCESS_TOKEN)).isEqualTo(401);
    assertThat(getWith(tokens.get("access_token").asString())).isEqualTo(200);
    assertThat(refresh(tokens.get("refresh_token").asString()).statusCode()).isEqualTo(200);
  }

  @Test
  void issuedAccessTokensExpire() {
    TraktOAuth.Grant grant = trakt.oauth().issue(trakt.user());

    assertThat(getWith(grant.accessToken())).isEqualTo(200);
    time.advance(Duration.ofHours(24));
    assertThat(getWith(grant.accessToken())).isEqualTo(401);
  }

  @Test
  void aWrongClientSecretIsRefused() {
    HttpResponse<String> r =
        calls.post(
            "/oauth/token",
            "{\"refresh_token\":\""
                + FakeTraktServer.REFRESH_TOKEN
                + "\",\"client_id\":\""
                + FakeTraktServer.CLIENT_ID
                + "\",\"client_secret\":\"wrong\",\"grant_type\":\"refresh_token\"}");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(refresh(FakeTraktServer.REFRESH_TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void aWriteCanBeAppliedAndStillAnswerAnError() {
    TraktTitle movie = trakt.catalogue().generateMovies(1).get(0);
    trakt.failAfterApplying(1, 502, "/sync/history");

    HttpResponse<String> r =
        calls.post("/sync/history", "{\"movies\":[{\"ids\":{\"trakt\":" + movie.trakt() + "}}]}");

    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(trakt.user().plays()).hasSize(1);
    time.advance(Duration.ofSeconds(1));
    assertThat(
            calls
                .post("/sync/history", "{\"movies\":[{\"ids\":{\"trakt\":" + movie.trakt() + "}}]}")
                .statusCode())
        .isEqualTo(201);
  }
}
