package io.crosswatch.app;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Builds command objects, handing the {@link CliContext} to those that take it. */
final class ContextFactory implements CommandLine.IFactory {
  private final CliContext ctx;

  ContextFactory(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    try {
      Constructor<K> constructor = cls.getDeclaredConstructor(CliContext.class);
      constructor.setAccessible(true);
      return constructor.newInstance(ctx);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
