package io.crosswatch.providers.simkl;

import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import java.nio.file.Path;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A SIMKL provider on a fake SIMKL, timed by the fake's clock. */
final class SimklTestbed {
  private SimklTestbed() {}

  static Provider provider(
      FakeSimklServer simkl, String token, FakeTime time, Path stateDir, DiagnosticLog log) {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("client_id", FakeSimklServer.CLIENT_ID);
    settings.put("access_token", token);
    settings.put("base_url", simkl.baseUrl());
    ProviderContext context =
        new ProviderContext(
            "SIMKL", "default", settings, "simkl", stateDir, stateDir, time, true, log);
    return new SimklProviderFactory()
        .create(context.withTiming(time.sleeper(), new SplittableRandom(1)));
  }
}
