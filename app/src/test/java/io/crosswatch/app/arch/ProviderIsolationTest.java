package io.crosswatch.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Adding a provider touches its own package only. Two rules keep it so, for every provider the
 * build has (found through the same {@link java.util.ServiceLoader} the app uses, so a new provider
 * is checked without editing this test):
 *
 * <ol>
 *   <li>no class outside a provider's package depends on a class in it: the rest of crosswatch
 *       reaches a provider only through the SPI in {@code io.crosswatch.core.provider};
 *   <li>no class outside a provider's package holds the provider's name as a string constant, so
 *       there is no list of provider names (in messages, config checks or commands) to extend.
 * </ol>
 *
 * <p>Shared provider infrastructure ({@code io.crosswatch.providers.http}, {@code .auth}, {@code
 * .cache}, {@code .local}) counts as outside every provider's package. The second rule leaves out
 * two kinds of classes that name services for another reason: {@link IdKind}, whose constants are
 * the id kinds of the item format ({@code trakt} ids, {@code plex} rating keys), and the testkit's
 * fake services, which play the services themselves.
 */
class ProviderIsolationTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("io.crosswatch");

  private static final String FAKES = "io.crosswatch.testkit.fake";

  /** Provider name → the package of its factory. */
  private static Map<String, String> providerPackages() {
    Map<String, String> packages = new LinkedHashMap<>();
    for (ProviderFactory f : ProviderRegistry.load().factories()) {
      packages.put(f.name(), f.getClass().getPackageName());
    }
    return packages;
  }

  @Test
  void theBuildHasProvidersToCheck() {
    assertThat(providerPackages())
        .containsKeys("FILE", "TRACKER", "TRAKT", "SIMKL", "MDBLIST", "PLEX", "JELLYFIN", "EMBY");
    assertThat(MAIN.containPackage("io.crosswatch.core.provider")).isTrue();
    assertThat(MAIN.containPackage("io.crosswatch.app")).isTrue();
  }

  @Test
  void noClassOutsideAProvidersPackageDependsOnIt() {
    for (String pkg : new TreeSet<>(providerPackages().values())) {
      noClasses()
          .that()
          .resideOutsideOfPackage(pkg)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(pkg)
          .because("services plug in through the provider SPI only")
          .check(MAIN);
    }
  }

  @Test
  void noClassOutsideAProvidersPackageNamesIt() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, String> provider : providerPackages().entrySet()) {
      for (JavaClass c : MAIN.that(outside(provider.getValue()))) {
        if (c.isEquivalentTo(IdKind.class) || c.getPackageName().startsWith(FAKES)) {
          continue;
        }
        if (stringConstants(c).contains(provider.getKey())) {
          violations.add(c.getName() + " names " + provider.getKey());
        }
      }
    }

    assertThat(violations).isEmpty();
  }

  private static DescribedPredicate<JavaClass> outside(String pkg) {
    return DescribedPredicate.describe(
        "outside " + pkg,
        c -> !c.getPackageName().equals(pkg) && !c.getPackageName().startsWith(pkg + "."));
  }

  /** The string literals of a class file: its {@code CONSTANT_String} entries. */
  private static Set<String> stringConstants(JavaClass c) throws IOException {
    String resource = "/" + c.getName().replace('.', '/') + ".class";
    try (InputStream raw = ProviderIsolationTest.class.getResourceAsStream(resource)) {
      assertThat(raw).as(resource).isNotNull();
      DataInputStream in = new DataInputStream(raw);
      in.readInt(); // magic
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      List<Integer> strings = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 8 -> strings.add(in.readUnsignedShort());
          case 7, 16, 19, 20 -> in.skipBytes(2);
          case 15 -> in.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> {
            in.skipBytes(8);
            i++;
          }
          default -> throw new IOException(resource + ": unknown constant pool tag " + tag);
        }
      }
      Set<String> found = new HashSet<>();
      strings.forEach(index -> found.add(utf8[index]));
      return found;
    }
  }
}
