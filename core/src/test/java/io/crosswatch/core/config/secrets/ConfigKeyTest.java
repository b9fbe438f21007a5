package io.crosswatch.core.config.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key is found where CrossWatch keeps it and read as CrossWatch reads it: a Fernet key as it
 * is, any other text as a passphrase hashed with SHA-256.
 */
class ConfigKeyTest {
  /** A passphrase and a token made from it by the reference Fernet implementation. */
  static final String PASSPHRASE = "correct horse battery staple";

  static final String PASSPHRASE_TOKEN =
      "gAAAAABpVbkAEBESExQVFhcYGRobHB0eH1DRSaNiX11-jthrMWBLLQJ6jZU18tNbHyv5sQGy9u-_NoHXKevN-1FEtrVeZLIzXyju5-XzBN87D2cOIjcT-ZE8P1_xgljNCG3vIdjYjfA2";

  static final String PASSPHRASE_PLAINTEXT = "plaintext made by the reference implementation";

  @TempDir Path dir;

  @Test
  void aFernetKeyIsUsedAsItIs() throws Exception {
    Fernet fernet = ConfigKey.fromText("  " + FernetTest.SPEC_KEY + "\n");

    assertThat(fernet.decryptText(FernetTest.SPEC_TOKEN)).isEqualTo("hello");
  }

  @Test
  void otherTextIsAPassphraseWhoseSha256IsTheKey() throws Exception {
    Fernet fernet = ConfigKey.fromText(PASSPHRASE);

    assertThat(fernet.decryptText(PASSPHRASE_TOKEN)).isEqualTo(PASSPHRASE_PLAINTEXT);
  }

  @Test
  void aKeyWithoutItsPaddingIsAPassphraseAsInCrossWatch() throws Exception {
    // Python's base64 decoder refuses incomplete padding, so CrossWatch hashes such a key.
    String unpadded = FernetTest.SPEC_KEY.substring(0, FernetTest.SPEC_KEY.length() - 1);

    Fernet fernet = ConfigKey.fromText(unpadded);

    assertThat(Fernet.ofEncodedKey(unpadded)).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fernet.decrypt(FernetTest.SPEC_TOKEN))
        .isInstanceOf(FernetException.class);
  }

  @Test
  void cwConfigKeyComesFirstThenCrossWatchConfigKeyThenTheFile() throws Exception {
    Files.writeString(dir.resolve(".cw_master_key"), FernetTest.SPEC_KEY + "\n");

    assertThat(
            ConfigKey.find(Map.of("CW_CONFIG_KEY", "a", "CROSSWATCH_CONFIG_KEY", "b"), dir)
                .orElseThrow()
                .source())
        .isEqualTo("CW_CONFIG_KEY");
    assertThat(ConfigKey.find(Map.of("CROSSWATCH_CONFIG_KEY", "b"), dir).orElseThrow().source())
        .isEqualTo("CROSSWATCH_CONFIG_KEY");
    ConfigKey fromFile = ConfigKey.find(Map.of("CW_CONFIG_KEY", "  "), dir).orElseThrow();
    assertThat(fromFile.source()).isEqualTo(dir.resolve(".cw_master_key").toString());
    assertThat(fromFile.fernet().decryptText(FernetTest.SPEC_TOKEN)).isEqualTo("hello");
  }

  @Test
  void noKeyAnywhereIsEmpty() throws Exception {
    assertThat(ConfigKey.find(Map.of(), dir)).isEmpty();
    assertThat(ConfigKey.places(dir))
        .isEqualTo("CW_CONFIG_KEY, CROSSWATCH_CONFIG_KEY and " + dir.resolve(".cw_master_key"));
  }
}
