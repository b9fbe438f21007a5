package io.crosswatch.providers.tracker;

import io.crosswatch.core.provider.CommandException;
import io.crosswatch.core.provider.CommandOption;
import io.crosswatch.core.provider.CommandSession;
import io.crosswatch.core.provider.ProviderCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code cw tracker export --out F}: writes the tracker database as a FILE document. */
final class TrackerExportCommand implements ProviderCommand {
  private static final String OUT = "--out";

  @Override
  public String name() {
    return "export";
  }

  @Override
  public List<String> description() {
    return List.of("Writes every feature of the tracker database as a FILE document.");
  }

  @Override
  public List<CommandOption> options() {
    return List.of(CommandOption.required(OUT, "PATH", "File to write."));
  }

  @Override
  public void run(CommandSession session) throws CommandException {
    Path out = Path.of(session.option(OUT).orElseThrow());
    Path database =
        TrackerSettings.from(session.settings())
            .database(session.configDir(), session.stateDirLocation());
    if (!Files.exists(database)) {
      throw CommandException.failed(
          "no tracker database at " + database + "; run a pair whose target is TRACKER first");
    }
    try {
      int items = TrackerExport.export(database, out);
      session.println("Exported " + items + (items == 1 ? " item" : " items") + " to " + out + ".");
    } catch (IOException e) {
      throw CommandException.failed("cannot export " + database + " to " + out + ": " + oneLine(e));
    }
  }

  /** The message on one line, naming the exception's type when it has no message. */
  private static String oneLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
      if (e.getCause() != null && e.getCause() != e) {
        message += ": " + oneLine(e.getCause());
      }
    }
    return message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
