package io.crosswatch.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Stand-ins that pass every call on to a real object after letting the test look at it (count it,
 * record it, hold it). What the real object throws reaches the caller unwrapped.
 */
public final class Forwarding {
  private Forwarding() {}

  /** What a stand-in does with a call before passing it on. */
  @FunctionalInterface
  public interface Look {
    void at(Method method, Object[] args) throws Throwable;
  }

  /** A {@code type} that shows each call to {@code look}, then makes it on {@code target}. */
  public static <T> T to(Class<T> type, T target, Look look) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              look.at(method, args);
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
