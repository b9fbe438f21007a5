package io.crosswatch.core.model;

/** A normalized item document that is malformed; the message starts with its JSON path. */
public final class ItemFormatException extends IllegalArgumentException {
  private final String path;

  public ItemFormatException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** JSON path of the offending value. */
  public String path() {
    return path;
  }
}
