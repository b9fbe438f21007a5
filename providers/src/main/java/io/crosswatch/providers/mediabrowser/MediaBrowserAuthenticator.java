package io.crosswatch.providers.mediabrowser;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.providers.http.ApiRequest;
import io.crosswatch.providers.http.HttpAnswer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Logs a user in to a Jellyfin or Emby server ({@code POST /Users/AuthenticateByName}) for {@code
 * cw auth jellyfin|emby}. Get one from {@link JellyfinProviderFactory#authenticator} or {@link
 * EmbyProviderFactory#authenticator}. A login files the new token under the configured {@code
 * device_id} and revokes that device's previous token, so store the new one right away.
 */
public final class MediaBrowserAuthenticator {

  /**
   * A successful login.
   *
   * @param userId the user's id, for {@code user_id}
   * @param userName the user's name as the server spells it
   * @param accessToken the new token, for {@code access_token}
   * @param serverId the server's id
   * @param deviceId the device id the token is filed under, for {@code device_id}
   */
  public record Login(
      String userId, String userName, String accessToken, String serverId, String deviceId) {
    public Login {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(accessToken, "accessToken");
    }

    /** What {@code cw auth} stores: the token with the user, server and device ids. */
    public Tokens tokens() {
      Map<String, String> extras = new LinkedHashMap<>();
      extras.put(MediaBrowserProviderFactory.USER_ID_KEY, userId);
      extras.put(MediaBrowserProviderFactory.DEVICE_ID_KEY, deviceId == null ? "" : deviceId);
      extras.put("username", userName == null ? "" : userName);
      extras.put("server_id", serverId == null ? "" : serverId);
      return new Tokens(accessToken, "", 0, extras);
    }

    @Override
    public String toString() {
      // Never print the token, whatever ends up logging this record.
      return "Login[userId=" + userId + ", userName=" + userName + ", serverId=" + serverId + "]";
    }
  }

  private final MediaBrowserApi api;
  private final String deviceId;

  MediaBrowserAuthenticator(MediaBrowserApi api, String deviceId) {
    this.api = api;
    this.deviceId = deviceId;
  }

  /**
   * Logs in with a user name and password (neither is ever printed).
   *
   * @throws ProviderException kind AUTH for a wrong name or password; UNAVAILABLE (retriable) when
   *     the server cannot be reached or fails
   */
  public Login authenticate(String username, String password) throws ProviderException {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    ObjectNode body = MediaBrowserApi.MAPPER.createObjectNode();
    body.put("Username", username);
    body.put("Pw", password);
    HttpAnswer answer =
        api.send(ApiRequest.post("/Users/AuthenticateByName", body.toString()).withClientRetries());
    if (answer.status() == 401) {
      throw ProviderException.permanent(
          Kind.AUTH, answer.describe() + ": wrong user name or password for " + username);
    }
    if (!answer.isSuccess()) {
      throw api.failure(answer);
    }
    JsonNode json = api.json(answer);
    String userId = json.path("User").path("Id").asString("");
    String token = json.path("AccessToken").asString("");
    if (userId.isEmpty() || token.isEmpty()) {
      throw new ProviderException(
          Kind.UNAVAILABLE,
          answer.call().describe() + ": unexpected answer: no User.Id or AccessToken",
          false,
          null);
    }
    return new Login(
        userId,
        json.path("User").path("Name").asString(username),
        token,
        json.path("ServerId").asString(""),
        deviceId);
  }
}
