package io.crosswatch.app;

import picocli.CommandLine;

/** The version printed by {@code cw --version}, from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"crosswatch " + (version == null ? "(development build)" : version)};
  }
}
