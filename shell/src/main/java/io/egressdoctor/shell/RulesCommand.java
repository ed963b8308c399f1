package io.egressdoctor.shell;

import io.egressdoctor.diagnosis.rule.Rule;
import io.egressdoctor.diagnosis.rule.RuleLoadException;
import io.egressdoctor.diagnosis.rule.RulePack;
import io.egressdoctor.diagnosis.rule.RuleProblem;
import io.egressdoctor.rules.fixture.FixtureResult;
import io.egressdoctor.rules.fixture.FixtureRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code egress-doctor rules}: lints, tests and lists rule packs. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Checks, tests and lists rules: the built-in pack, or the Sigma-style rules in DIR.",
      "The rule format is documented in rules/README.md."
    },
    subcommands = {RulesCommand.Check.class, RulesCommand.Test.class, RulesCommand.ListRules.class},
    footer = {"", ExitCodes.HELP})
public final class RulesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** The pack of DIR, or the built-in pack. */
  static RulePack pack(Path dir) throws IOException {
    return dir == null ? RulePack.builtIn() : RulePack.load(dir);
  }

  static String source(Path dir) {
    return dir == null ? "the built-in pack" : dir.toString();
  }

  /** Prints every problem of a pack that failed to load; returns the exit code. */
  static int problems(PrintWriter err, RuleLoadException e) {
    for (RuleProblem p : e.problems()) {
      err.println(p);
    }
    err.println(
        e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " found.");
    return ExitCodes.USAGE;
  }

  /** A subcommand over one pack: loads DIR (or the built-in pack) and reports load problems. */
  abstract static class PackCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        arity = "0..1",
        paramLabel = "DIR",
        description = "Rule folder (default: built-in pack).")
    Path dir;

    @Override
    public final Integer call() throws IOException {
      RulePack pack;
      try {
        pack = pack(dir);
      } catch (RuleLoadException e) {
        return problems(spec.commandLine().getErr(), e);
      }
      return run(pack, spec.commandLine().getOut());
    }

    /** Works on the loaded pack; returns the exit code. */
    abstract int run(RulePack pack, PrintWriter out) throws IOException;
  }

  /** {@code rules check [DIR]}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Lints rules: unknown keys, bad modifiers, unknown fields, bad conditions, duplicate ids"
            + " and missing pattern tags are errors with file:line.",
        "Exits 0 when every rule loads, 2 when any has a problem."
      })
  static final class Check extends PackCommand {
    @Override
    int run(RulePack pack, PrintWriter out) {
      out.println(describe(pack) + " in " + source(dir) + ": no problems.");
      return ExitCodes.OK;
    }
  }

  /** {@code rules test [DIR]}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Runs each rule on its fixtures: beside <name>.yml, the folder <name>.tests/ holds"
            + " positive/ (the rule must fire) and negative/ (it must not).",
        "Exits 0 when every rule passes, 1 when any fails or lacks fixtures, 2 when a rule"
            + " does not load."
      })
  static final class Test extends PackCommand {
    @Override
    int run(RulePack pack, PrintWriter out) throws IOException {
      List<FixtureResult> results = FixtureRunner.withDefaults().run(pack);
      long failed = results.stream().filter(r -> !r.passed()).count();
      results.forEach(out::println);
      out.println((results.size() - failed) + " passed, " + failed + " failed");
      return failed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
  }

  /** {@code rules list [DIR]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the rules of a pack: name, kind, level, pattern and title.")
  static final class ListRules extends PackCommand {
    @picocli.CommandLine.Option(names = "--json", description = "Write one JSON line a rule.")
    boolean json;

    @Override
    int run(RulePack pack, PrintWriter out) {
      if (json) {
        for (Rule r : pack.all()) {
          out.println(
              JsonLines.line(
                  JsonLines.object()
                      .put("name", r.meta().name())
                      .put("id", r.meta().id())
                      .put("kind", r.kind())
                      .put("feeds_correlation", pack.isSilent(r))
                      .put("level", r.meta().level().label())
                      .put("pattern", r.meta().pattern())
                      .put("title", r.meta().title())));
        }
        return ExitCodes.OK;
      }
      TextTable t = new TextTable(List.of("name", "kind", "level", "pattern", "title"));
      for (Rule r : pack.all()) {
        t.add(
            List.of(
                r.meta().name(),
                r.kind() + (pack.isSilent(r) ? " (feeds a correlation)" : ""),
                r.meta().level().label(),
                r.meta().pattern(),
                r.meta().title()));
      }
      t.write(out, TextTable.width(spec));
      out.println(describe(pack) + ".");
      return ExitCodes.OK;
    }
  }

  static String describe(RulePack pack) {
    long queries = pack.all().stream().filter(r -> r instanceof Rule.Detection).count();
    long correlations = pack.all().stream().filter(r -> r instanceof Rule.CorrelationRule).count();
    long analyzers = pack.all().stream().filter(r -> r instanceof Rule.AnalyzerRule).count();
    return pack.all().size()
        + " rules ("
        + queries
        + " queries, "
        + correlations
        + " correlations, "
        + analyzers
        + " analyzers)";
  }
}
