package io.crosswatch.core.state;

import java.lang.reflect.Proxy;

/**
 * A state store for work that must not touch state ({@code cw health}): closing it does nothing,
 * any other call fails naming the method.
 */
public final class UnusedStateStore {
  private UnusedStateStore() {}

  /** A store for work that must not touch state. */
  public static StateStore create() {
    return (StateStore)
        Proxy.newProxyInstance(
            StateStore.class.getClassLoader(),
            new Class<?>[] {StateStore.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close":
                  return null;
                case "toString":
                  return "UnusedStateStore";
                case "hashCode":
                  return System.identityHashCode(proxy);
                case "equals":
                  return proxy == args[0];
                default:
                  throw new IllegalStateException(
                      "state store used by a command that must not touch state: "
                          + method.getName());
              }
            });
  }
}
