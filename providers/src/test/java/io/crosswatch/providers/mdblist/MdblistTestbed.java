package io.crosswatch.providers.mdblist;

import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.mdblist.FakeMdblistServer;
import java.nio.file.Path;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** An MDBList provider on a fake MDBList, timed by the fake's clock. */
final class MdblistTestbed {
  private MdblistTestbed() {}

  static Provider provider(
      FakeMdblistServer mdb, String key, FakeTime time, Path stateDir, DiagnosticLog log) {
    ObjectNode settings = JsonMapper.builder().build().createObjectNode();
    settings.put("api_key", key);
    settings.put("base_url", mdb.baseUrl());
    ProviderContext context =
        new ProviderContext(
            "MDBLIST", "default", settings, "mdblist", stateDir, stateDir, time, true, log);
    return new MdblistProviderFactory()
        .create(context.withTiming(time.sleeper(), new SplittableRandom(1)));
  }
}
