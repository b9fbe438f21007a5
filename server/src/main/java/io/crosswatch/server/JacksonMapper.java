package io.crosswatch.server;

import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;

/** Javalin's JSON mapping done by the core's Jackson, so the API has one mapper. */
final class JacksonMapper implements JsonMapper {
  static final tools.jackson.databind.json.JsonMapper MAPPER =
      tools.jackson.databind.json.JsonMapper.builder().build();

  @Override
  public String toJsonString(Object obj, Type type) {
    return MAPPER.writeValueAsString(obj);
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    return MAPPER.readValue(json, MAPPER.constructType(type));
  }
}
