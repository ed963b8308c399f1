package io.egressdoctor.shell.repl;

import io.egressdoctor.core.query.Queries;
import io.egressdoctor.core.text.TerminalWriter;
import io.egressdoctor.diagnosis.Diagnosis;
import io.egressdoctor.diagnosis.Investigation;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.rule.RulePack;
import io.egressdoctor.ingest.reference.ReferenceFileException;
import io.egressdoctor.ingest.reference.ReferenceStore;
import io.egressdoctor.shell.JsonLines;
import io.egressdoctor.shell.ReportInputs;
import io.egressdoctor.shell.TextTable;
import io.egressdoctor.shell.UserError;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code findings} runs the built-in rule pack; {@code explain N} opens one finding. */
final class FindingCommands {

  private FindingCommands() {}

  /** The rule names, for completion and for checking {@code --rule}. */
  static List<String> ruleNames() {
    return RulePack.builtIn().rules().stream().map(r -> r.name()).toList();
  }

  /** {@code findings}. */
  @Command(
      name = "findings",
      mixinStandardHelpOptions = true,
      description = "Runs the rule pack on the index and lists the findings, numbered for explain.")
  static final class Findings implements Callable<Integer> {
    private final ShellSession session;

    @Option(names = "--rule", paramLabel = "NAME", description = "Only this rule's findings.")
    String rule;

    @Option(names = "--json", description = "Write JSON lines.")
    boolean json;

    Findings(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() throws Exception {
      if (rule != null && !ruleNames().contains(rule)) {
        throw new UserError("unknown rule '" + rule + "' ('rules list' shows them)");
      }
      // The same pack, catalog and reference policy as 'report', so both answer alike.
      ReportInputs inputs = ReportInputs.builtIn();
      Diagnosis diagnosis = new Diagnosis(inputs.rules().load(null), inputs.catalog());
      var investigation = new Investigation(session.index(), loadReference());
      List<Finding> found =
          diagnosis.findings(investigation, Queries.all()).stream()
              .filter(f -> rule == null || f.rule().name().equals(rule))
              .toList();
      session.findings(found);
      write(found, json ? session.out() : TerminalWriter.of(session.out()));
      return 0;
    }

    private io.egressdoctor.core.reference.ReferenceData loadReference()
        throws java.io.IOException {
      try {
        return ReferenceStore.load(session.folder(), List.of());
      } catch (ReferenceFileException e) {
        throw new UserError("reference data: " + e.getMessage());
      }
    }

    private void write(List<Finding> found, PrintWriter out) {
      if (json) {
        for (int i = 0; i < found.size(); i++) {
          Finding f = found.get(i);
          out.println(
              JsonLines.line(
                  JsonLines.object()
                      .put("n", i + 1)
                      .put("level", f.level().label())
                      .put("rule", f.rule().name())
                      .put("title", f.rule().title())
                      .put("events", f.evidenceTotal())
                      .put("summary", f.summary())));
        }
        return;
      }
      if (found.isEmpty()) {
        out.println("No findings.");
        return;
      }
      TextTable t = new TextTable(List.of("#", "level", "rule", "events", "title"));
      for (int i = 0; i < found.size(); i++) {
        Finding f = found.get(i);
        t.add(
            List.of(
                Integer.toString(i + 1),
                f.level().label(),
                f.rule().name(),
                "%,d".formatted(f.evidenceTotal()),
                f.rule().title()));
      }
      t.write(out, session.width());
      out.println("('explain N' shows a finding's evidence and fix)");
    }
  }

  /** {@code explain N}. */
  @Command(
      name = "explain",
      mixinStandardHelpOptions = true,
      description = "One finding of the last 'findings': evidence and fix.")
  static final class Explain implements Callable<Integer> {
    private final ShellSession session;

    @Parameters(index = "0", paramLabel = "N", description = "The finding's number.")
    int number;

    @Option(names = "--json", description = "Write JSON.")
    boolean json;

    Explain(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      List<Finding> found = session.findings();
      if (found.isEmpty()) {
        throw new UserError("no findings to explain; run 'findings' first");
      }
      if (number < 1 || number > found.size()) {
        throw new UserError("no finding " + number + "; there are 1 to " + found.size());
      }
      Finding f = found.get(number - 1);
      // Log lines, file names and values shown visibly: never a raw control character.
      PrintWriter out = json ? session.out() : TerminalWriter.of(session.out());
      if (json) {
        out.println(JsonLines.line(json(f)));
        return 0;
      }
      out.println("#" + number + " [" + f.level().label() + "] " + f.rule().title());
      out.println("rule: " + f.rule().name() + "   pattern: " + f.pattern());
      if (f.firstSeen() != null) {
        out.println("seen: " + f.firstSeen() + " .. " + f.lastSeen());
      }
      out.println();
      out.println(f.summary().strip());
      f.entities().forEach((k, v) -> out.println("  " + k + ": " + String.join(", ", v)));
      out.println();
      out.println("Evidence (" + f.evidenceTotal() + " events):");
      for (Evidence e : f.evidence()) {
        out.println("  " + e.location() + (e.note().isEmpty() ? "" : "  (" + e.note() + ")"));
        out.println("    " + e.original());
      }
      if (f.evidenceNotShown() > 0) {
        out.println("  ... and " + f.evidenceNotShown() + " more");
      }
      out.println();
      out.println("Fix:");
      f.fix().strip().lines().forEach(l -> out.println("  " + l));
      if (!f.references().isEmpty()) {
        out.println("References:");
        f.references().forEach(r -> out.println("  " + r));
      }
      if (!f.evidence().isEmpty()) {
        out.println("('show " + f.evidence().get(0).location() + "' shows an event in its file)");
      }
      return 0;
    }

    private static Object json(Finding f) {
      var o =
          JsonLines.object()
              .put("level", f.level().label())
              .put("rule", f.rule().name())
              .put("title", f.rule().title())
              .put("summary", f.summary())
              .put("fix", f.fix())
              .put("events", f.evidenceTotal());
      var evidence = o.putArray("evidence");
      f.evidence()
          .forEach(
              e ->
                  evidence
                      .addObject()
                      .put("id", e.eventId())
                      .put("location", e.location())
                      .put("original", e.original()));
      return o;
    }
  }
}
