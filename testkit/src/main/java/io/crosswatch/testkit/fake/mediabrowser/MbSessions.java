package io.crosswatch.testkit.fake.mediabrowser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The playing sessions of the fake server, as {@code GET /Sessions} lists them: tests start a
 * playback of an item for a user and move it (pause, resume, seek, stop); the list also holds an
 * idle session, as the calling client's own one would be. Thread-safe.
 */
public final class MbSessions {
  private final MbLibrary library;
  private final MbJson json;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Playback> active = new LinkedHashMap<>();

  MbSessions(MbLibrary library, MbJson json) {
    this.library = library;
    this.json = json;
  }

  /** One playback a test drives; it is listed until {@link #stop()}. */
  public final class Playback {
    private final String id;
    private final MbUser user;
    private final MbItem item;
    private long positionTicks;
    private boolean paused;

    private Playback(String id, MbUser user, MbItem item, long positionTicks) {
      this.id = id;
      this.user = user;
      this.item = item;
      this.positionTicks = positionTicks;
    }

    /** The session's id. */
    public String id() {
      return id;
    }

    /** Pauses at the current position. */
    public Playback pause() {
      synchronized (MbSessions.this) {
        paused = true;
      }
      return this;
    }

    /** Plays on from the current position. */
    public Playback resume() {
      synchronized (MbSessions.this) {
        paused = false;
      }
      return this;
    }

    /** Moves to a share of the item's runtime, from 0 to 1. */
    public Playback moveTo(double share) {
      synchronized (MbSessions.this) {
        positionTicks = Math.round(share * library.runTimeTicks(item));
      }
      return this;
    }

    /** Ends the playback: the session no longer lists it. */
    public void stop() {
      synchronized (MbSessions.this) {
        active.remove(id);
      }
    }
  }

  /** Starts playing {@code item} for {@code user} at a share (0 to 1) of its runtime. */
  public synchronized Playback play(MbUser user, MbItem item, double share) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(item, "item");
    Playback p =
        new Playback(
            "session-" + ids.incrementAndGet(),
            user,
            item,
            Math.round(share * library.runTimeTicks(item)));
    active.put(p.id, p);
    return p;
  }

  /** The playbacks in progress. */
  public synchronized List<Playback> playing() {
    return new ArrayList<>(active.values());
  }

  /** The {@code /Sessions} answer: an idle session, then one per playback. */
  synchronized ArrayNode list(MbUser caller) {
    ArrayNode sessions = MbJson.NODES.arrayNode();
    ObjectNode idle = sessions.addObject();
    idle.put("Id", "idle-" + caller.id());
    idle.put("UserId", caller.id());
    idle.put("UserName", caller.name());
    idle.put("Client", "crosswatch");
    idle.putObject("PlayState").put("CanSeek", false).put("IsPaused", false);
    for (Playback p : active.values()) {
      ObjectNode s = sessions.addObject();
      s.put("Id", p.id);
      s.put("UserId", p.user.id());
      s.put("UserName", p.user.name());
      s.put("Client", "Jellyfin Web");
      s.put("DeviceName", "Firefox");
      s.put("DeviceId", "device-" + p.id);
      s.putObject("PlayState")
          .put("PositionTicks", p.positionTicks)
          .put("CanSeek", true)
          .put("IsPaused", p.paused)
          .put("IsMuted", false)
          .put("PlayMethod", "DirectPlay");
      // The item as sessions list it: without ProviderIds, which a client looks up.
      s.set("NowPlayingItem", json.item(p.item, p.user, false, false));
    }
    return sessions;
  }
}
