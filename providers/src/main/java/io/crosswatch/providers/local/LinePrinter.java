package io.crosswatch.providers.local;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;

/**
 * Prints a library document with one item per line: the top-level object and its arrays are spread
 * over lines, everything deeper stays on one line. Diffs stay readable and the file stays about
 * half the size of fully indented JSON. Stateless (it reads the generator's nesting depth).
 */
final class LinePrinter implements PrettyPrinter {
  private static final int TOP = 1;
  private static final int FEATURE = 2;

  private static int depth(JsonGenerator g) {
    return g.streamWriteContext().getNestingDepth();
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator g) {
    g.writeRaw('\n');
  }

  @Override
  public void writeStartObject(JsonGenerator g) {
    g.writeRaw('{');
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) {
    if (depth(g) == TOP) {
      g.writeRaw("\n  ");
    }
  }

  @Override
  public void writeObjectNameValueSeparator(JsonGenerator g) {
    g.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) {
    g.writeRaw(depth(g) == TOP ? ",\n  " : ", ");
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) {
    g.writeRaw(depth(g) == TOP && entries > 0 ? "\n}" : "}");
  }

  @Override
  public void writeStartArray(JsonGenerator g) {
    g.writeRaw('[');
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) {
    if (depth(g) == FEATURE) {
      g.writeRaw("\n    ");
    }
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) {
    g.writeRaw(depth(g) == FEATURE ? ",\n    " : ", ");
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) {
    g.writeRaw(depth(g) == FEATURE && values > 0 ? "\n  ]" : "]");
  }
}
