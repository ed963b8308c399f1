package io.egressdoctor.shell.repl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.console.ArgDesc;
import org.jline.console.CmdDesc;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.widget.TailTipWidgets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Inline hints after the cursor: the arguments a command still takes, from its picocli spec. */
final class TailTips {

  private TailTips() {}

  /** Turns the hints on for a reader on a real terminal. */
  static void install(LineReader reader, CommandLine root) {
    new TailTipWidgets(reader, descriptions(root), 0, TailTipWidgets.TipType.TAIL_TIP).enable();
  }

  /** Each top-level command's description, arguments and options. */
  static Map<String, CmdDesc> descriptions(CommandLine root) {
    Map<String, CmdDesc> all = new LinkedHashMap<>();
    root.getSubcommands().forEach((name, sub) -> all.put(name, describe(sub.getCommandSpec())));
    return all;
  }

  private static CmdDesc describe(CommandSpec spec) {
    List<ArgDesc> args = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      args.add(new ArgDesc(p.paramLabel(), lines(p.description())));
    }
    Map<String, List<AttributedString>> options = new LinkedHashMap<>();
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      String key = String.join(" ", o.names()) + (o.arity().max() > 0 ? "=" + o.paramLabel() : "");
      options.put(key, lines(o.description()));
    }
    return new CmdDesc(lines(spec.usageMessage().description()), args, options);
  }

  private static List<AttributedString> lines(String[] text) {
    return java.util.Arrays.stream(text).map(AttributedString::new).toList();
  }
}
