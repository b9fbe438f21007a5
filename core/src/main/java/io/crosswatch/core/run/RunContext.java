package io.crosswatch.core.run;

import io.crosswatch.core.apply.Applier;
import io.crosswatch.core.config.Config;
import io.crosswatch.core.events.RunEvents;
import io.crosswatch.core.state.StateStore;
import java.time.Clock;

/** What every feature run of one run shares. */
record RunContext(
    String runId,
    boolean dryRun,
    Config config,
    StateStore store,
    ProviderSession session,
    Applier applier,
    RunEvents events,
    RunListener listener,
    Clock clock,
    PresetChanges preset) {}
