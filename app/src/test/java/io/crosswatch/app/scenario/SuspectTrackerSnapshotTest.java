package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.TrackerDocs.listed;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.providers.cache.SnapshotStore;
import io.crosswatch.testkit.fake.LoopbackFake;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.mdblist.FakeMdblistServer;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tracker that answers one read of its watchlist with an empty list while its data and its
 * activity times do not change: the suspect-snapshot guard holds that run back (exit 3, nothing
 * written), and the empty list never becomes the tracker's stored snapshot — the next run reads the
 * watchlist in full exactly once, plans nothing and exits 0. The same for Trakt, SIMKL and MDBList.
 */
class SuspectTrackerSnapshotTest {
  private static final Instant T0 = Instant.parse("2025-09-01T20:00:00Z");
  private static final int ITEMS = 30;

  @TempDir Path dir;
  private LoopbackFake<?> fake;

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void trakt() {
    FakeTraktServer trakt = FakeTraktServer.builder().build().start();
    fake = trakt;
    trakt.catalogue().generateMovies(ITEMS);
    String block = trakt.configBlock();
    Runs runs = emptyOnceThenRecovered("TRAKT", block, "/sync/watchlist");
    assertThat(trakt.user().watchlist()).hasSize(ITEMS);
    assertThat(runs.fullReads()).isEqualTo(1);
  }

  @Test
  void simkl() {
    FakeSimklServer simkl = FakeSimklServer.builder().build().start();
    fake = simkl;
    simkl.catalogue().generateMovies(ITEMS);
    String block =
        "\"simkl\": {\"client_id\": \""
            + FakeSimklServer.CLIENT_ID
            + "\", \"access_token\": \""
            + FakeSimklServer.ACCESS_TOKEN
            + "\", \"base_url\": \""
            + simkl.baseUrl()
            + "\"}";
    Runs runs = emptyOnceThenRecovered("SIMKL", block, "/sync/all-items/movies");
    assertThat(simkl.user().entries()).hasSize(ITEMS);
    assertThat(runs.fullReads()).isEqualTo(1);
  }

  @Test
  void mdblist() {
    FakeMdblistServer mdb = FakeMdblistServer.builder().build().start();
    fake = mdb;
    mdb.catalogue().generateMovies(ITEMS);
    String block =
        "\"mdblist\": {\"api_key\": \""
            + FakeMdblistServer.API_KEY
            + "\", \"base_url\": \""
            + mdb.baseUrl()
            + "\"}";
    Runs runs = emptyOnceThenRecovered("MDBLIST", block, "/watchlist/items");
    assertThat(mdb.user().watchlist()).hasSize(ITEMS);
    assertThat(runs.fullReads()).isEqualTo(1);
  }

  /** What the recovering run asked of the tracker. */
  private record Runs(long fullReads) {}

  /**
   * FILE → tracker, watchlist of {@link #ITEMS} movies: a first run fills the tracker; the
   * tracker's stored snapshot is then forgotten (as after any full read) and its next read of
   * {@code readPath} answers an empty list once.
   */
  private Runs emptyOnceThenRecovered(String provider, String block, String readPath) {
    Workspace ws = new Workspace(dir, Clock.systemUTC());
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\"},\n"
            + " \"file\": {\"path\": \"a.json\"},\n "
            + block
            + ",\n \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \""
            + provider
            + "\", \"features\": {\"watchlist\": true}}]}\n");
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= ITEMS; i++) {
      items.add(listed(i, T0.plusSeconds(i)));
    }
    ws.write("a.json", Docs.doc("watchlist", items));

    CliRun filled = ws.run();
    assertThat(filled.code()).as(filled.toString()).isZero();
    assertThat(filled.applied("watchlist", "target", "add")).isEqualTo(ITEMS);

    forgetStoredSnapshot(ws, provider);
    fake.faults().emptyListOnce(readPath);
    fake.clearLog();
    CliRun suspect = ws.run();

    assertThat(suspect.code()).as("held back by the guard: " + suspect).isEqualTo(3);
    assertThat(suspect.feature("watchlist").get("status").asString()).isEqualTo("blocked");
    assertThat(suspect.warnings("watchlist")).contains("suspect snapshot");
    assertThat(writes()).as("nothing written to the tracker").isEmpty();
    assertThat(reads(readPath)).as("the read that came back empty").isEqualTo(1);

    fake.clearLog();
    CliRun next = ws.run();

    assertThat(next.code()).as(next.toString()).isZero();
    assertThat(next.nonZeroPlanned()).isEmpty();
    assertThat(next.feature("watchlist").get("target_count").asInt()).isEqualTo(ITEMS);
    assertThat(writes()).isEmpty();
    long fullReads = reads(readPath);

    fake.clearLog();
    CliRun settled = ws.run();
    assertThat(settled.code()).as(settled.toString()).isZero();
    assertThat(reads(readPath)).as("once read in full, the snapshot is reused again").isZero();
    return new Runs(fullReads);
  }

  /** Deletes the tracker's snapshot cache file, so that its next snapshot is a full read. */
  private static void forgetStoredSnapshot(Workspace ws, String provider) {
    try {
      Files.delete(SnapshotStore.file(ws.stateDir(), provider, "default"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<RecordedRequest> writes() {
    return fake.requests().stream().filter(q -> !q.method().equals("GET")).toList();
  }

  private long reads(String pathPrefix) {
    return fake.requests().stream()
        .filter(q -> q.method().equals("GET") && q.path().startsWith(pathPrefix))
        .count();
  }
}
