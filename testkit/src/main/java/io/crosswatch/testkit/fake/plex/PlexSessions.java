package io.crosswatch.testkit.fake.plex;

import io.crosswatch.core.model.MediaType;
import io.crosswatch.testkit.fake.TextWebSocketServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake server's playbacks: tests play a title for an account and pause, resume, move or stop
 * it; every change is pushed to the notification websocket as a {@code playing} notification (as
 * Plex does: {@code PlaySessionStateNotification} with session key, rating key, offset and state),
 * and {@code GET /status/sessions} lists the playbacks not stopped, with their account.
 * Thread-safe.
 */
public final class PlexSessions {
  private final TextWebSocketServer socket;
  private final Map<String, Playback> active = new LinkedHashMap<>();
  private int nextKey = 1;

  PlexSessions(TextWebSocketServer socket) {
    this.socket = socket;
  }

  /** One playback a test drives. */
  public final class Playback {
    private final String sessionKey;
    private final PlexUser user;
    private final PlexTitle title;
    private long offsetMs;
    private String state = "playing";
    private ObjectNode lastNotification;

    private Playback(String sessionKey, PlexUser user, PlexTitle title, long offsetMs) {
      this.sessionKey = sessionKey;
      this.user = user;
      this.title = title;
      this.offsetMs = offsetMs;
    }

    /** The session key Plex gives this playback. */
    public String sessionKey() {
      return sessionKey;
    }

    /**
     * The {@code PlaySessionStateNotification} the server sent for this playback's last change (a
     * copy), as a websocket client would have received it.
     */
    public ObjectNode lastNotification() {
      synchronized (PlexSessions.this) {
        return lastNotification.deepCopy();
      }
    }

    /** Pauses at a share (0 to 1) of the title's duration. */
    public Playback pauseAt(double share) {
      return change("paused", share);
    }

    /** Plays at a share (0 to 1) of the duration: a resume, a seek or a periodic update. */
    public Playback playAt(double share) {
      return change("playing", share);
    }

    /** Stops at a share (0 to 1) of the duration; the session is gone afterwards. */
    public void stopAt(double share) {
      change("stopped", share);
    }

    /**
     * Ends the playback without a notification, as one that stopped while a client's websocket was
     * down: only {@code /status/sessions} no longer lists it.
     */
    public void vanish() {
      synchronized (PlexSessions.this) {
        active.remove(sessionKey);
      }
    }

    private Playback change(String newState, double share) {
      synchronized (PlexSessions.this) {
        state = newState;
        offsetMs = Math.round(share * duration(title));
        if (newState.equals("stopped")) {
          active.remove(sessionKey);
        }
      }
      notifyState(this);
      return this;
    }
  }

  /** Starts playing {@code title} for {@code user} at a share (0 to 1) of its duration. */
  public Playback play(PlexUser user, PlexTitle title, double share) {
    Objects.requireNonNull(user, "user");
    if (title.type() != MediaType.MOVIE && title.type() != MediaType.EPISODE) {
      throw new IllegalArgumentException("only movies and episodes play, not " + title);
    }
    Playback p;
    synchronized (this) {
      p = new Playback(Integer.toString(nextKey++), user, title, 0);
      p.offsetMs = Math.round(share * duration(title));
      active.put(p.sessionKey, p);
    }
    notifyState(p);
    return p;
  }

  /** The playbacks not stopped. */
  public synchronized List<Playback> playing() {
    return new ArrayList<>(active.values());
  }

  /** The {@code /status/sessions} container: each playback with its account and player. */
  synchronized ObjectNode statusSessions() {
    ObjectNode container = PlexJson.NODES.objectNode();
    ArrayNode list = container.putArray("Metadata");
    for (Playback p : active.values()) {
      ObjectNode m = list.addObject();
      m.setAll(PlexJson.libraryEntry(p.title, PlexUser.ViewState.NONE, false));
      m.put("sessionKey", p.sessionKey);
      m.put("viewOffset", p.offsetMs);
      m.putObject("User")
          .put("id", Long.toString(p.user.accountId()))
          .put("title", p.user.username());
      m.putObject("Player")
          .put("title", "Living Room")
          .put("machineIdentifier", "player-" + p.sessionKey)
          .put("state", p.state);
      m.putObject("Session").put("id", "s" + p.sessionKey);
    }
    container.put("size", list.size());
    return container;
  }

  private void notifyState(Playback p) {
    ObjectNode message = PlexJson.NODES.objectNode();
    ObjectNode container = message.putObject("NotificationContainer");
    container.put("type", "playing");
    container.put("size", 1);
    ObjectNode n = container.putArray("PlaySessionStateNotification").addObject();
    synchronized (this) {
      n.put("sessionKey", p.sessionKey);
      n.put("clientIdentifier", "player-" + p.sessionKey);
      n.put("guid", "");
      n.put("ratingKey", p.title.ratingKey());
      n.put("url", "");
      n.put("key", "/library/metadata/" + p.title.ratingKey());
      n.put("viewOffset", p.offsetMs);
      n.put("playQueueItemID", 1);
      n.put("state", p.state);
      p.lastNotification = n.deepCopy();
    }
    socket.broadcast(message.toString());
  }

  private static long duration(PlexTitle t) {
    return t.type() == MediaType.MOVIE ? PlexJson.MOVIE_MS : PlexJson.EPISODE_MS;
  }
}
