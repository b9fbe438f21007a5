package io.crosswatch.server;

import io.crosswatch.server.api.ConfigService;
import io.crosswatch.server.api.HealthService;
import io.crosswatch.server.api.StateService;
import io.crosswatch.server.auth.Sessions;
import io.crosswatch.server.auth.WebSecrets;
import io.crosswatch.server.auth.WebhookSecrets;
import io.crosswatch.server.runs.RunService;
import io.crosswatch.server.schedule.Scheduler;
import io.crosswatch.server.scrobble.ScrobbleService;

/**
 * What page handlers work with: runs ({@link RunService}), the config ({@link ConfigService}:
 * masked read, validated write), state ({@link StateService}), provider health ({@link
 * HealthService}), the schedule ({@link Scheduler#status()}, {@link Scheduler#nextRunAt()}), the
 * logins ({@link WebSecrets}) and sessions, live scrobbling ({@link ScrobbleService}) and the
 * webhook secrets, plus where things live.
 */
public record Services(
    String version,
    ConfigSource configs,
    RunService runs,
    ConfigService config,
    StateService state,
    HealthService health,
    Scheduler scheduler,
    WebSecrets secrets,
    Sessions sessions,
    ScrobbleService scrobbling,
    WebhookSecrets webhookSecrets) {}
