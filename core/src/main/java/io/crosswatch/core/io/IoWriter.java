package io.crosswatch.core.io;

import java.io.IOException;
import java.io.OutputStream;

/** Writes content to a stream; used by {@link AtomicFiles} to fill the temporary file. */
@FunctionalInterface
public interface IoWriter {

  /** Writes everything to {@code out}; closing {@code out} is allowed but not needed. */
  void write(OutputStream out) throws IOException;
}
