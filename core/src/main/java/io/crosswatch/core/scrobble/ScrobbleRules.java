package io.crosswatch.core.scrobble;

import java.util.Objects;

/**
 * The pure rules of one viewing: given where the viewing stands and a new report, the phase after
 * it and the call every sink receives (or none).
 *
 * <ul>
 *   <li>Playing, new or after a pause, sends a start; a pause sends a pause; a stop at or past
 *       {@link #PLAY_THRESHOLD} % sends the stop that records the play; a stop below it sends a
 *       pause. A report that changes nothing sends nothing.
 *   <li>After a finished viewing, further stops, pauses and playing reports at or past the
 *       threshold (the credits, a late duplicate, the other channel reporting the same session)
 *       send nothing; a playing report below the threshold that was made after the finish begins a
 *       new viewing (a rewatch).
 * </ul>
 */
public final class ScrobbleRules {
  /** From this progress on, a stopped viewing counts as a play (Trakt's rule). */
  public static final double PLAY_THRESHOLD = 80.0;

  /** Where a viewing stands. */
  public enum Phase {
    /** No viewing of this item by this user is known. */
    NONE,
    /** Playing; its start was sent. */
    PLAYING,
    /** Paused, or stopped before the end; its pause was sent. */
    PAUSED,
    /** Stopped at or past the threshold; its play was sent. */
    FINISHED
  }

  /**
   * What one report does.
   *
   * @param phase the viewing's phase after the report
   * @param action the call each sink receives, or {@code null} for none
   * @param newViewing whether the report begins a new viewing (the first report of an item, or a
   *     rewatch after a finished viewing)
   */
  public record Step(Phase phase, ScrobbleAction action, boolean newViewing) {
    public Step {
      Objects.requireNonNull(phase, "phase");
    }
  }

  private ScrobbleRules() {}

  /**
   * The step for a report made after any finish of the viewing.
   *
   * @see #step(Phase, PlaybackState, double, boolean)
   */
  public static Step step(Phase phase, PlaybackState state, double progressPercent) {
    return step(phase, state, progressPercent, false);
  }

  /**
   * The step one report makes.
   *
   * @param phase where the viewing stands before the report
   * @param reportedBeforeFinish whether the report was made before the finished viewing ended (a
   *     watcher's poll that arrives after the webhook's stop); such a report never begins a rewatch
   */
  public static Step step(
      Phase phase, PlaybackState state, double progressPercent, boolean reportedBeforeFinish) {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(state, "state");
    boolean played = progressPercent >= PLAY_THRESHOLD;
    switch (phase) {
      case NONE:
        return fresh(state, played, true);
      case FINISHED:
        if (state == PlaybackState.PLAYING && !played && !reportedBeforeFinish) {
          return new Step(Phase.PLAYING, ScrobbleAction.START, true);
        }
        return unchanged(Phase.FINISHED);
      case PLAYING:
        return state == PlaybackState.PLAYING
            ? unchanged(Phase.PLAYING)
            : fresh(state, played, false);
      case PAUSED:
        if (state == PlaybackState.PAUSED || (state == PlaybackState.STOPPED && !played)) {
          return unchanged(Phase.PAUSED);
        }
        return fresh(state, played, false);
      default:
        throw new IllegalStateException("phase " + phase);
    }
  }

  /** The step a report makes when it is news: its state decides the call. */
  private static Step fresh(PlaybackState state, boolean played, boolean newViewing) {
    switch (state) {
      case PLAYING:
        return new Step(Phase.PLAYING, ScrobbleAction.START, newViewing);
      case PAUSED:
        return new Step(Phase.PAUSED, ScrobbleAction.PAUSE, newViewing);
      case STOPPED:
        return played
            ? new Step(Phase.FINISHED, ScrobbleAction.STOP, newViewing)
            : new Step(Phase.PAUSED, ScrobbleAction.PAUSE, newViewing);
      default:
        throw new IllegalStateException("state " + state);
    }
  }

  private static Step unchanged(Phase phase) {
    return new Step(phase, null, false);
  }
}
