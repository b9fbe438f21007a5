package io.crosswatch.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core knows no provider and speaks no HTTP: services plug in through the provider SPI. */
class CoreIndependenceTest {
  static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.crosswatch.core");

  @Test
  void coreDoesNotDependOnProviders() {
    noClasses()
        .that()
        .resideInAPackage("io.crosswatch.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.crosswatch.providers..", "io.crosswatch.app..", "io.crosswatch.testkit..")
        .check(CORE);
  }

  @Test
  void coreDoesNotSpeakHttp() {
    noClasses()
        .that()
        .resideInAPackage("io.crosswatch.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net.http..", "com.sun.net.httpserver..")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(java.net.URLConnection.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(java.net.Socket.class)
        .check(CORE);
  }

  @Test
  void orchestratorDoesNotNameAnyProvider() {
    noClasses()
        .that()
        .resideInAnyPackage("io.crosswatch.core.run..", "io.crosswatch.core.plan..")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameContaining("Trakt")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameContaining("Plex")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameContaining("FileProvider")
        .check(CORE);
  }
}
