package io.crosswatch.providers.trakt;

import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.testkit.RecordingLog;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.nio.file.Path;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds a Trakt provider pointed at a fake Trakt, sharing the fake's clock. */
final class TraktTestbed {
  private TraktTestbed() {}

  static Provider provider(FakeTraktServer trakt, FakeTime time, Path stateDir) {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("client_id", FakeTraktServer.CLIENT_ID);
    settings.put("client_secret", "secret-xyz");
    settings.put("access_token", FakeTraktServer.ACCESS_TOKEN);
    settings.put("base_url", trakt.baseUrl());
    ProviderContext context =
        new ProviderContext(
            "TRAKT",
            "default",
            settings,
            "trakt",
            stateDir,
            stateDir,
            time,
            true,
            new RecordingLog());
    return new TraktProviderFactory()
        .create(context.withTiming(time.sleeper(), new SplittableRandom(1)));
  }
}
