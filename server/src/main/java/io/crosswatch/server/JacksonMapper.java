package io.crosswatch.server;

import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;

/** Javalin's JSON mapping done by the core's Jackson, so the API has one mapper. */
final class JacksonMapper implements JsonMapper {
  @Override
  public String toJsonString(Object obj, Type type) {
    return Json.MAPPER.writeValueAsString(obj);
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    return Json.MAPPER.readValue(json, Json.MAPPER.constructType(type));
  }
}
