package io.crosswatch.app.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.crosswatch.core.provider.CommandSession;
import io.crosswatch.core.provider.ProviderContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each provider reads its config block in one place, its settings record: a provider class that
 * takes the settings it is handed ({@link ProviderContext#settings()}, {@link
 * CommandSession#settings()}) takes them once and turns them into a settings record (a method from
 * {@link JsonNode} to a {@code …Settings} type), so a factory, a sign-in and a command see the same
 * values and defaults, and no second lookup of a key hides beside the record.
 */
class ProviderSettingsOnceTest {
  private static final JavaClasses PROVIDERS =
      new ClassFileImporter()
          // Jars included: under `verify` the reactor hands the app the packaged providers jar.
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.crosswatch.providers");

  @Test
  void providerClassesTakeTheirSettingsOnceAndParseThemIntoTheirRecord() {
    List<String> readers = new ArrayList<>();
    List<String> violations = new ArrayList<>();
    for (JavaClass c : PROVIDERS) {
      long takes = c.getMethodCallsFromSelf().stream().filter(this::takesSettings).count();
      if (takes == 0) {
        continue;
      }
      readers.add(c.getSimpleName());
      if (takes > 1) {
        violations.add(c.getName() + " takes the settings " + takes + " times");
      }
      if (c.getMethodCallsFromSelf().stream().noneMatch(this::parsesSettings)) {
        violations.add(c.getName() + " takes the settings but parses no settings record");
      }
    }

    // Every factory, every sign-in and the tracker's export command take settings.
    assertThat(readers)
        .contains(
            "TraktProviderFactory",
            "TraktSignIn",
            "SimklSignIn",
            "MdblistSignIn",
            "PlexSignIn",
            "MediaBrowserSignIn",
            "MediaBrowserProviderFactory",
            "ImportProviderFactory",
            "TrackerExportCommand");
    assertThat(violations).isEmpty();
  }

  private boolean takesSettings(JavaMethodCall call) {
    JavaClass owner = call.getTargetOwner();
    return call.getName().equals("settings")
        && call.getTarget().getRawParameterTypes().isEmpty()
        && (owner.isAssignableTo(ProviderContext.class)
            || owner.isAssignableTo(CommandSession.class));
  }

  private boolean parsesSettings(JavaMethodCall call) {
    return call.getTarget().getRawReturnType().getSimpleName().endsWith("Settings")
        && call.getTarget().getRawParameterTypes().stream()
            .anyMatch(t -> t.isEquivalentTo(JsonNode.class));
  }
}
