package io.crosswatch.core.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the config file into a JSON tree. File problems are reported at the file's path; syntax
 * errors (duplicate keys included) at {@code FILE line L, column C}.
 */
final class ConfigFileReader {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final String HOW_TO_FIX =
      "create it, or pass another file with --config PATH (or set CW_CONFIG)";

  private ConfigFileReader() {}

  /** The root object of {@code file}, or empty after recording why there is none. */
  static Optional<JsonNode> read(Path file, Issues issues) {
    String where = file.toString();
    Optional<String> text = readText(file, issues);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.get().isBlank()) {
      issues.error(where, "the file is empty; it must hold a JSON object such as {\"pairs\": []}");
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(text.get());
    } catch (JacksonException e) {
      issues.error(location(where, e), syntaxMessage(e));
      return Optional.empty();
    }
    if (!root.isObject()) {
      issues.error(where, "the top level must be a JSON object, got " + JsonPaths.describe(root));
      return Optional.empty();
    }
    return Optional.of(root);
  }

  private static Optional<String> readText(Path file, Issues issues) {
    String where = file.toString();
    if (Files.isDirectory(file)) {
      issues.error(where, "is a folder, not a config file; pass the file with --config PATH");
      return Optional.empty();
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (NoSuchFileException e) {
      issues.error(where, "config file not found; " + HOW_TO_FIX);
    } catch (AccessDeniedException e) {
      issues.error(where, "cannot read the config file: permission denied");
    } catch (CharacterCodingException e) {
      issues.error(where, "the config file is not UTF-8 text");
    } catch (IOException e) {
      issues.error(where, "cannot read the config file: " + e);
    }
    return Optional.empty();
  }

  private static String location(String where, JacksonException e) {
    TokenStreamLocation loc = e.getLocation();
    if (loc == null || loc.getLineNr() < 1) {
      return where;
    }
    return where + " line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  private static String syntaxMessage(JacksonException e) {
    TokenStreamContext context =
        e.processor() instanceof JsonParser parser ? parser.streamReadContext() : null;
    String original = String.valueOf(e.getOriginalMessage());
    if (original.startsWith("Duplicate Object property") && context != null) {
      String object = pathOf(context.getParent());
      return "duplicate key \""
          + context.currentName()
          + "\" in "
          + (object.isEmpty() ? "the top-level object" : object);
    }
    if (e instanceof UnexpectedEndOfInputException) {
      return "unexpected end of file (an object, array or string is not closed)";
    }
    if (original.startsWith("Trailing token")) {
      return "unexpected content after the top-level object";
    }
    String at = context == null ? "" : pathOf(context);
    String message = original.replaceAll("\\s*\\[Source: [^\\]]*\\]", "");
    // An unquoted value may be a token or a password: name the problem, never the text.
    message = message.replaceAll("(?s)(Unrecognized token) '.*?'", "$1 (an unquoted value)");
    return at.isEmpty() ? message : message + " (near " + at + ")";
  }

  /** The config-style path ({@code pairs[0].mode}) of a parser context. */
  private static String pathOf(TokenStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.currentName() != null) {
        parts.push("." + c.currentName());
      }
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }
}
