package io.crosswatch.core.scrobble;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.scrobble.ScrobbleRules.Phase;
import io.crosswatch.core.scrobble.ScrobbleRules.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One report moves a viewing on and sends one call, or nothing when it changes nothing. */
class ScrobbleRulesTest {

  @ParameterizedTest(name = "{0} + {1} at {2}% -> {3}, {4}, new viewing: {5}")
  @CsvSource({
    // phase,  report,  progress, next phase, call, new viewing
    "NONE,     PLAYING,  10, PLAYING,  START, true",
    "NONE,     PLAYING,  90, PLAYING,  START, true",
    "NONE,     PAUSED,   10, PAUSED,   PAUSE, true",
    "NONE,     PAUSED,   90, PAUSED,   PAUSE, true",
    "NONE,     STOPPED,  30, PAUSED,   PAUSE, true",
    "NONE,     STOPPED,  80, FINISHED, STOP,  true",
    "PLAYING,  PLAYING,  30, PLAYING,  ,      false",
    "PLAYING,  PLAYING,  95, PLAYING,  ,      false",
    "PLAYING,  PAUSED,   30, PAUSED,   PAUSE, false",
    "PLAYING,  PAUSED,   95, PAUSED,   PAUSE, false",
    "PLAYING,  STOPPED,  79.9, PAUSED, PAUSE, false",
    "PLAYING,  STOPPED,  95, FINISHED, STOP,  false",
    "PAUSED,   PLAYING,  30, PLAYING,  START, false",
    "PAUSED,   PLAYING,  95, PLAYING,  START, false",
    "PAUSED,   PAUSED,   30, PAUSED,   ,      false",
    "PAUSED,   PAUSED,   95, PAUSED,   ,      false",
    "PAUSED,   STOPPED,  30, PAUSED,   ,      false",
    "PAUSED,   STOPPED,  95, FINISHED, STOP,  false",
    "FINISHED, PLAYING,  5,  PLAYING,  START, true",
    "FINISHED, PLAYING,  80, FINISHED, ,      false",
    "FINISHED, PAUSED,   5,  FINISHED, ,      false",
    "FINISHED, PAUSED,   95, FINISHED, ,      false",
    "FINISHED, STOPPED,  5,  FINISHED, ,      false",
    "FINISHED, STOPPED,  100, FINISHED, ,     false",
  })
  void eachPhaseAndReportGivesOneStep(
      Phase phase,
      PlaybackState state,
      double progress,
      Phase next,
      ScrobbleAction action,
      boolean newViewing) {
    assertThat(ScrobbleRules.step(phase, state, progress))
        .isEqualTo(new Step(next, action, newViewing));
  }

  @ParameterizedTest(name = "{0} + {1} at {2}% made before the finish -> {3}, {4}")
  @CsvSource({
    "FINISHED, PLAYING, 5,  FINISHED, ",
    "FINISHED, PLAYING, 95, FINISHED, ",
    "FINISHED, STOPPED, 95, FINISHED, ",
    "PLAYING,  STOPPED, 95, FINISHED, STOP",
  })
  void aReportMadeBeforeTheFinishNeverStartsARewatch(
      Phase phase, PlaybackState state, double progress, Phase next, ScrobbleAction action) {
    Step step = ScrobbleRules.step(phase, state, progress, true);
    assertThat(step.phase()).isEqualTo(next);
    assertThat(step.action()).isEqualTo(action);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PLAYING 0                                              | START",
        "PLAYING 0, STOPPED 95                                  | START, STOP",
        "PLAYING 0, STOPPED 30                                  | START, PAUSE",
        "PLAYING 0, PLAYING 0, PLAYING 0                        | START",
        "STOPPED 95, STOPPED 95, STOPPED 95                     | STOP",
        "PLAYING 0, STOPPED 90, STOPPED 95                      | START, STOP",
        "PLAYING 0, PAUSED 40, PLAYING 40, PAUSED 60, PLAYING 60, STOPPED 99 "
            + "| START, PAUSE, START, PAUSE, START, STOP",
        "PLAYING 0, PAUSED 40, PAUSED 40, STOPPED 40, PLAYING 40 | START, PAUSE, START",
        "PLAYING 0, STOPPED 30, PLAYING 30, STOPPED 95          | START, PAUSE, START, STOP",
        "PLAYING 10, PLAYING 50, PLAYING 85, STOPPED 86         | START, STOP",
        "PLAYING 0, STOPPED 95, PLAYING 96, STOPPED 100         | START, STOP",
        "PLAYING 0, STOPPED 95, PAUSED 95, PLAYING 2, STOPPED 90 | START, STOP, START, STOP",
      })
  void aSequenceOfReportsSendsOneCallPerChange(String reports, String calls) {
    Phase phase = Phase.NONE;
    List<String> sent = new ArrayList<>();
    for (String report : reports.split(",")) {
      String[] parts = report.strip().split(" ");
      Step step =
          ScrobbleRules.step(phase, PlaybackState.valueOf(parts[0]), Double.parseDouble(parts[1]));
      if (step.action() != null) {
        sent.add(step.action().name());
      }
      phase = step.phase();
    }
    assertThat(String.join(", ", sent)).isEqualTo(calls);
  }
}
