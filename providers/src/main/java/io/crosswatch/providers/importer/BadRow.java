package io.crosswatch.providers.importer;

/**
 * A row of an export file that could not be imported: the file, where in it ({@code line 7}, {@code
 * entry 3}) and why.
 */
record BadRow(String file, String where, String reason) {
  @Override
  public String toString() {
    return file + " " + where + ": " + reason;
  }
}
