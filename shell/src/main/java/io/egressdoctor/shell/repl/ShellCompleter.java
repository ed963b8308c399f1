package io.egressdoctor.shell.repl;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.ValueCount;
import io.egressdoctor.core.query.Queries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completes from the picocli tree and the index: command and option names, field names, the most
 * frequent values of the field before the cursor's {@code :}, rule names, finding numbers and file
 * paths.
 */
final class ShellCompleter implements Completer {

  /** Commands whose free words form a query. */
  private static final Set<String> QUERY_COMMANDS = Set.of("search", "count", "top", "timeline");

  /** Option names whose value is a field. */
  private static final Set<String> FIELD_OPTIONS = Set.of("--by", "--top", "--fields");

  /** How many values a field's completion offers, most frequent first. */
  private static final int VALUES = 50;

  private final CommandLine root;
  private final ShellSession session;
  private final FileNameCompleter files = new FileNameCompleter();

  ShellCompleter(CommandLine root, ShellSession session) {
    this.root = root;
    this.session = session;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> before = line.words().subList(0, line.wordIndex());
    String word = line.word().substring(0, line.wordCursor());
    CommandTree.Resolved r = CommandTree.resolve(root, before);
    if (r.command() == root && !before.isEmpty()) {
      return;
    }
    CommandSpec spec = r.command().getCommandSpec();
    if (r.depth() == before.size() && !r.command().getSubcommands().isEmpty()) {
      r.command().getSubcommands().forEach((name, sub) -> candidates.add(command(name, sub)));
      if (r.command() == root) {
        return;
      }
    }
    OptionSpec previous = before.isEmpty() ? null : spec.findOption(before.get(before.size() - 1));
    if (previous != null && previous.arity().max() > 0) {
      completeOptionValue(reader, line, previous, word, candidates);
      return;
    }
    if (word.startsWith("-")) {
      spec.options().stream()
          .filter(o -> !o.hidden())
          .forEach(
              o -> {
                for (String name : o.names()) {
                  candidates.add(
                      new Candidate(name, name, "options", description(o), null, null, true));
                }
              });
      return;
    }
    List<String> args = before.subList(r.depth(), before.size());
    completeArgument(reader, line, spec, positionals(spec, args), word, candidates);
  }

  private void completeOptionValue(
      LineReader reader, ParsedLine line, OptionSpec option, String word, List<Candidate> out) {
    if (Set.of(option.names()).stream().anyMatch(FIELD_OPTIONS::contains)) {
      fieldNames(out, false);
    } else if (option.names()[0].equals("--rule")) {
      FindingCommands.ruleNames().forEach(n -> out.add(plain(n, "rules")));
    } else if (takesPath(option)) {
      files.complete(reader, line, out);
    }
  }

  private void completeArgument(
      LineReader reader,
      ParsedLine line,
      CommandSpec spec,
      int position,
      String word,
      List<Candidate> out) {
    String name = spec.name();
    if ((name.equals("top") || name.equals("fields")) && position == 0) {
      fieldNames(out, false);
    } else if (name.equals("explain")) {
      for (int i = 1; i <= session.findings().size(); i++) {
        var f = session.findings().get(i - 1);
        out.add(
            new Candidate(
                Integer.toString(i),
                Integer.toString(i),
                null,
                f.rule().title(),
                null,
                null,
                true));
      }
    } else if (name.equals("help")) {
      root.getSubcommands().forEach((n, sub) -> out.add(command(n, sub)));
    } else if (QUERY_COMMANDS.contains(name)) {
      queryWord(word, out);
    } else if (spec.positionalParameters().stream().anyMatch(ShellCompleter::takesPath)) {
      files.complete(reader, line, out);
    }
  }

  /** Positional words before the cursor that are not options or option values. */
  private static int positionals(CommandSpec spec, List<String> args) {
    int n = 0;
    for (int i = 0; i < args.size(); i++) {
      OptionSpec o = spec.findOption(args.get(i));
      if (o != null) {
        i += o.arity().max() > 0 ? 1 : 0;
      } else if (!args.get(i).startsWith("-")) {
        n++;
      }
    }
    return n;
  }

  private void queryWord(String word, List<Candidate> out) {
    int colon = word.indexOf(':');
    String lead =
        word.startsWith("(") || word.startsWith("-") || word.startsWith("+")
            ? word.substring(0, 1)
            : "";
    if (colon < 0) {
      fieldNames(out, true, lead);
      return;
    }
    String field = word.substring(lead.length(), colon);
    values(field)
        .forEach(
            v -> {
              String value =
                  v.value().matches("[^\\s:\"()\\[\\]{}]+") ? v.value() : "\"" + v.value() + "\"";
              out.add(
                  new Candidate(
                      lead + field + ":" + value,
                      value,
                      field,
                      "%,d".formatted(v.count()),
                      null,
                      null,
                      true));
            });
  }

  /** The most frequent values of a field in the whole index; none for free text or unknown. */
  List<ValueCount> values(String field) {
    FieldDefinition f = Fields.find(field).orElse(null);
    if (f == null || !ShellFields.countable(f)) {
      return List.of();
    }
    try {
      return session.index().top(f.name(), Queries.all(), VALUES);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private void fieldNames(List<Candidate> out, boolean asQuery) {
    fieldNames(out, asQuery, "");
  }

  private void fieldNames(List<Candidate> out, boolean asQuery, String lead) {
    for (String name : ShellFields.names()) {
      String description = Fields.find(name).map(f -> f.type().label()).orElse("keyword");
      out.add(
          new Candidate(
              lead + name + (asQuery ? ":" : ""),
              name,
              "fields",
              description,
              null,
              null,
              !asQuery));
    }
  }

  private static Candidate command(String name, CommandLine sub) {
    String[] d = sub.getCommandSpec().usageMessage().description();
    return new Candidate(name, name, "commands", d.length == 0 ? null : d[0], null, null, true);
  }

  private static Candidate plain(String value, String group) {
    return new Candidate(value, value, group, null, null, null, true);
  }

  private static String description(OptionSpec o) {
    String[] d = o.description();
    return d.length == 0 ? null : d[0];
  }

  private static boolean takesPath(ArgSpec arg) {
    return arg.type() == Path.class
        || arg.auxiliaryTypes().length > 0 && arg.auxiliaryTypes()[0] == Path.class;
  }
}
