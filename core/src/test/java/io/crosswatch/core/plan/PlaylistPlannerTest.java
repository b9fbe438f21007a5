package io.crosswatch.core.plan;

import static io.crosswatch.core.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.FeatureSettings;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.state.Baseline;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistPlannerTest {
  static final Item MATRIX = movie("The Matrix", "tt0133093", 603);
  static final Item ALIEN = movie("Alien", "tt0078748", 348);
  static final Item HEAT = movie("Heat", "tt0113277", 949);
  static final Item JAWS = movie("Jaws", "tt0073195", 578);
  static final FeatureSettings PRESERVE = new FeatureSettings(true, true, true, false, true);

  /** Members of one playlist, positions in list order. */
  static List<Item> playlist(String name, String id, boolean readOnly, Item... titles) {
    List<Item> members = new ArrayList<>();
    for (int i = 0; i < titles.length; i++) {
      members.add(titles[i].withPlaylist(new PlaylistRef(name, "about " + name, i, id, readOnly)));
    }
    return members;
  }

  static Plan plan(
      SyncMode mode,
      FeatureSettings s,
      boolean targetReorders,
      List<Item> a,
      List<Item> b,
      Baseline baseA,
      Baseline baseB) {
    return Planner.plan(
        new PlanInput(
            Feature.PLAYLISTS,
            mode,
            s,
            SYNC,
            a,
            b,
            baseA,
            baseB,
            List.of(),
            NOW,
            new PlanHints(false, targetReorders, List.of(), List.of(), true)));
  }

  static List<String> labels(List<Item> items) {
    return items.stream().map(Item::label).toList();
  }

  @Test
  void membersTheTargetLacksAreAddedToItsPlaylistOfTheSameNameWhateverTheCase() {
    List<Item> source = playlist("Road Trip", null, false, MATRIX, ALIEN);
    List<Item> target = playlist(" road trip", "pl-7", false, ALIEN);
    Plan plan = plan(SyncMode.ONE_WAY, ADD_ONLY, false, source, target, null, null);
    assertThat(plan.target().adds()).hasSize(1);
    Item add = plan.target().adds().get(0);
    assertThat(add.title()).isEqualTo("The Matrix");
    assertThat(add.playlist().name()).isEqualTo(" road trip");
    assertThat(add.playlist().id()).isEqualTo("pl-7");
    assertThat(add.playlist().position()).isNull();
  }

  @Test
  void aPlaylistTheTargetLacksIsNamedAfterTheSourceSoThatTheWriteCreatesIt() {
    List<Item> source = playlist("Road Trip", "src-1", true, MATRIX);
    Plan plan = plan(SyncMode.ONE_WAY, ADD_ONLY, false, source, List.of(), null, null);
    PlaylistRef ref = plan.target().adds().get(0).playlist();
    assertThat(ref.name()).isEqualTo("Road Trip");
    assertThat(ref.description()).isEqualTo("about Road Trip");
    assertThat(ref.id()).isNull();
    assertThat(ref.readOnly()).isFalse();
  }

  @Test
  void theSameTitleInTwoPlaylistsIsTwoMembers() {
    List<Item> source = new ArrayList<>(playlist("A", null, false, MATRIX));
    source.addAll(playlist("B", null, false, MATRIX));
    Plan plan =
        plan(
            SyncMode.ONE_WAY,
            ADD_ONLY,
            false,
            source,
            playlist("A", null, false, MATRIX),
            null,
            null);
    assertThat(labels(plan.target().adds())).containsExactly("The Matrix (2000) in B");
  }

  @Test
  void aMemberRemovedFromTheSourceIsRemovedFromTheTargetWithRemoveOn() {
    List<Item> before = playlist("A", null, false, MATRIX, ALIEN);
    List<Item> now = playlist("A", null, false, MATRIX);
    List<Item> target = playlist("A", null, false, MATRIX, ALIEN);
    Baseline base = new Baseline(before, LAST_RUN);
    Plan plan = plan(SyncMode.ONE_WAY, ADD_REMOVE, false, now, target, base, base);
    assertThat(labels(plan.target().removes())).containsExactly("Alien (2000) in A");
    assertThat(labels(plan.deletedOnSource())).containsExactly("Alien (2000) in A");
    Plan off = plan(SyncMode.ONE_WAY, ADD_ONLY, false, now, target, base, base);
    assertThat(off.target().removes()).isEmpty();
  }

  @Test
  void preserveOrderMovesTheTargetsMembersIntoTheSourcesOrderAndPlacesNewOnes() {
    List<Item> source = playlist("A", null, false, HEAT, MATRIX, JAWS, ALIEN);
    List<Item> target = playlist("A", "t", false, ALIEN, MATRIX, HEAT);
    Plan plan = plan(SyncMode.ONE_WAY, PRESERVE, true, source, target, null, null);
    assertThat(plan.target().updates())
        .extracting(i -> i.title() + "@" + i.playlist().position())
        .containsExactly("Heat@0", "The Matrix@1", "Alien@2");
    assertThat(plan.target().adds())
        .extracting(i -> i.title() + "@" + i.playlist().position())
        .containsExactly("Jaws@2");
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void preserveOrderPlansNothingWhenTheTargetAlreadyHasTheSourcesOrder() {
    List<Item> source = playlist("A", null, false, HEAT, MATRIX, ALIEN);
    List<Item> target = playlist("A", "t", false, HEAT, MATRIX, ALIEN);
    assertThat(plan(SyncMode.ONE_WAY, PRESERVE, true, source, target, null, null).isEmpty())
        .isTrue();
  }

  @Test
  void preserveOrderOnATargetThatCannotReorderWarnsOnceAndAppends() {
    List<Item> source = new ArrayList<>(playlist("A", null, false, HEAT, MATRIX));
    source.addAll(playlist("B", null, false, ALIEN));
    Plan plan =
        plan(
            SyncMode.ONE_WAY,
            PRESERVE,
            false,
            source,
            playlist("A", null, false, MATRIX),
            null,
            null);
    assertThat(plan.warnings()).hasSize(1);
    assertThat(plan.warnings().get(0)).contains("cannot reorder");
    assertThat(plan.target().updates()).isEmpty();
    assertThat(plan.target().adds()).allMatch(i -> i.playlist().position() == null);
  }

  @Test
  void aReadOnlyPlaylistIsReadButNeverWritten() {
    List<Item> source = playlist("Smart", null, false, MATRIX, ALIEN);
    List<Item> target = playlist("Smart", "s", true, ALIEN);
    Plan plan = plan(SyncMode.ONE_WAY, ADD_REMOVE, false, source, target, null, null);
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.warnings()).singleElement().asString().contains("read-only");
  }

  @Test
  void twoWayUnitesPlaylistsThenPropagatesARemovalWithoutDeletingThePlaylist() {
    List<Item> a = playlist("A", null, false, MATRIX);
    List<Item> b = playlist("a", null, false, ALIEN);
    Plan first = plan(SyncMode.TWO_WAY, ADD_REMOVE, false, a, b, null, null);
    assertThat(labels(first.target().adds())).containsExactly("The Matrix (2000) in a");
    assertThat(labels(first.source().adds())).containsExactly("Alien (2000) in A");

    List<Item> both = playlist("A", null, false, MATRIX, ALIEN);
    Baseline base = new Baseline(both, LAST_RUN);
    Plan removed =
        plan(
            SyncMode.TWO_WAY,
            ADD_REMOVE,
            false,
            both,
            playlist("A", null, false, ALIEN),
            base,
            base);
    assertThat(labels(removed.source().removes())).containsExactly("The Matrix (2000) in A");
    assertThat(removed.target().isEmpty()).isTrue();
  }
}
