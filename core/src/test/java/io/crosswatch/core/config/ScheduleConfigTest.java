package io.crosswatch.core.config;

import static io.crosswatch.core.config.TestConfigs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crosswatch.core.provider.ConfigIssue;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleConfigTest {
  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader(TestConfigs.REGISTRY);

  @Test
  void crossWatchSchedulingBlockLoadsWithAdvancedAsAWarning() throws Exception {
    LoadedConfig loaded =
        loader.load(
            TestConfigs.write(
                dir,
                json(
                    "{'scheduling': {'enabled': true, 'mode': 'daily_time', 'every_n_hours': 6,"
                        + " 'daily_time': '04:15', 'custom_interval_minutes': 90,"
                        + " 'timezone': 'Europe/Amsterdam', 'jitter_seconds': 30,"
                        + " 'advanced': {'enabled': false, 'jobs': []},"
                        + " 'webhooks': {'enabled': true, 'start_url': 'http://hc.local/ping/start',"
                        + " 'success_url': 'http://hc.local/ping', 'failure_url': '',"
                        + " 'timeout_seconds': 5}},"
                        + " 'web': {'listen': '0.0.0.0:9000'}}")));

    ScheduleSettings s = loaded.config().scheduling();
    assertThat(s.active()).isTrue();
    assertThat(s.mode()).isEqualTo(ScheduleMode.DAILY_TIME);
    assertThat(s.dailyTime()).isEqualTo(LocalTime.of(4, 15));
    assertThat(s.everyNHours()).isEqualTo(6);
    assertThat(s.customIntervalMinutes()).isEqualTo(90);
    assertThat(s.timezone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(s.jitterSeconds()).isEqualTo(30);
    assertThat(s.webhooks())
        .isEqualTo(
            new WebhookSettings(true, "http://hc.local/ping/start", "http://hc.local/ping", "", 5));
    assertThat(loaded.config().web().listen()).isEqualTo("0.0.0.0:9000");
    assertThat(loaded.warnings())
        .extracting(ConfigIssue::toString)
        .filteredOn(w -> w.startsWith("scheduling") || w.startsWith("web"))
        .containsExactly("scheduling.advanced: unknown key, ignored");
  }

  @Test
  void noSchedulingBlockMeansNoScheduledRuns() throws Exception {
    LoadedConfig loaded = loader.load(TestConfigs.write(dir, "{}"));

    assertThat(loaded.config().scheduling().active()).isFalse();
    assertThat(loaded.config().web().listen()).isNull();
  }

  @Test
  void everyWrongSchedulingValueIsAnErrorAtItsPath() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                loader.load(
                    TestConfigs.write(
                        dir,
                        json(
                            "{'scheduling': {'enabled': 'yes', 'mode': 'weekly',"
                                + " 'every_n_hours': 0, 'daily_time': '25:00',"
                                + " 'custom_interval_minutes': 0, 'timezone': 'Mars/Olympus',"
                                + " 'jitter_seconds': -1, 'webhooks': {'start_url': 'ftp://x',"
                                + " 'timeout_seconds': 0}}, 'web': {'listen': 'localhost'}}"))));

    assertThat(e.errors())
        .extracting(ConfigIssue::toString)
        .containsExactlyInAnyOrder(
            "scheduling.enabled: must be true or false, got \"yes\"",
            "scheduling.mode: must be \"disabled\", \"hourly\", \"every_n_hours\","
                + " \"daily_time\" or \"custom_interval\", got \"weekly\"",
            "scheduling.every_n_hours: must be an integer ≥ 1, got 0",
            "scheduling.daily_time: must be a time HH:MM from 00:00 to 23:59, got \"25:00\"",
            "scheduling.custom_interval_minutes: must be an integer ≥ 1, got 0",
            "scheduling.timezone: unknown time zone \"Mars/Olympus\"; use an IANA name such as"
                + " \"Europe/Amsterdam\", or \"\" for the system's",
            "scheduling.jitter_seconds: must be an integer ≥ 0, got -1",
            "scheduling.webhooks.start_url: must be an http:// or https:// URL, or \"\" to send"
                + " nothing",
            "scheduling.webhooks.timeout_seconds: must be an integer ≥ 1, got 0",
            "web.listen: must be HOST:PORT with a port from 1 to 65535, e.g. \"127.0.0.1:8787\"");
  }
}
