package io.crosswatch.providers.importer;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.WriteResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A read-only provider over an export file (or folder, or ZIP) of another service: a pair's source.
 * The export is read once per run; rows that cannot be imported are reported as warnings naming the
 * file, the line and the reason, and the rest imports.
 */
final class ImportProvider implements Provider {
  static final String NAME = "IMPORT";
  private static final int SHOWN_BAD_ROWS = 20;
  static final Set<Feature> FEATURES =
      EnumSet.of(Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS);

  private final String instance;
  private final Path path;
  private final String settingsPath;
  private final ImportFormat format;
  private final DiagnosticLog log;
  private Imported imported;

  ImportProvider(
      String instance, Path path, String settingsPath, ImportFormat format, DiagnosticLog log) {
    this.instance = instance;
    this.path = path;
    this.settingsPath = settingsPath;
    this.format = format;
    this.log = log;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String instance() {
    return instance;
  }

  @Override
  public Set<Feature> features() {
    return FEATURES;
  }

  @Override
  public HealthReport health() {
    if (!Files.exists(path)) {
      return HealthReport.down(
          label() + ": " + path + " not found; set " + settingsPath + ".path to the export file",
          Duration.ZERO);
    }
    return HealthReport.ok(Duration.ZERO, FEATURES);
  }

  @Override
  public synchronized List<Item> snapshot(Feature feature) throws ProviderException {
    if (imported == null) {
      imported = load();
    }
    return imported.items(feature);
  }

  private Imported load() throws ProviderException {
    Imported out = new Imported();
    try {
      format.read(ExportFile.at(path), out);
    } catch (IOException e) {
      throw ProviderException.permanent(
          ProviderException.Kind.UNAVAILABLE,
          label() + ": cannot read " + path + " (" + e.getMessage() + ")");
    }
    List<BadRow> bad = out.badRows();
    if (bad.isEmpty() && FEATURES.stream().allMatch(f -> out.items(f).isEmpty())) {
      log.warn(
          label()
              + ": "
              + path
              + " holds nothing crosswatch could import as "
              + format.key()
              + " (no file of that export's names or layout)");
    }
    for (BadRow row : bad.subList(0, Math.min(SHOWN_BAD_ROWS, bad.size()))) {
      log.warn(label() + ": " + row + "; the row was not imported");
    }
    if (bad.size() > SHOWN_BAD_ROWS) {
      log.warn(label() + ": " + (bad.size() - SHOWN_BAD_ROWS) + " more rows were not imported");
    }
    return out;
  }

  @Override
  public WriteResult add(Feature feature, List<Item> items) throws ProviderException {
    throw readOnly();
  }

  @Override
  public WriteResult remove(Feature feature, List<Item> items) throws ProviderException {
    throw readOnly();
  }

  private ProviderException readOnly() {
    return ProviderException.permanent(
        ProviderException.Kind.REJECTED,
        label() + " is read-only: use it as the source of a one-way pair");
  }
}
