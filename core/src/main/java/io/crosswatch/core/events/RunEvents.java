package io.crosswatch.core.events;

import java.util.Map;

/**
 * Receives run events ({@code run:start}, {@code health}, {@code feature:start}, {@code snapshot},
 * {@code plan}, {@code apply:chunk}, {@code guard}, {@code feature:done}, {@code run:done}). Fields
 * name the pair, feature, provider and numbers that apply; never secrets.
 */
public interface RunEvents extends AutoCloseable {

  /** Records one event; {@code fields} values are strings, numbers, booleans, lists or maps. */
  void emit(String event, Map<String, ?> fields);

  @Override
  default void close() {}

  /** Drops every event. */
  static RunEvents none() {
    return (event, fields) -> {};
  }
}
