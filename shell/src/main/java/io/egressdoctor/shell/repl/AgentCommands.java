package io.egressdoctor.shell.repl;

import io.egressdoctor.core.query.Queries;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.core.text.TerminalWriter;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.agent.AgentIdentity;
import io.egressdoctor.ingest.reference.ReferenceFileException;
import io.egressdoctor.ingest.reference.ReferenceStore;
import io.egressdoctor.report.AgentSection;
import io.egressdoctor.report.JsonReportWriter;
import io.egressdoctor.shell.JsonLines;
import io.egressdoctor.shell.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agents}: who the agent is in the index, as the report's section says it. */
final class AgentCommands {

  private AgentCommands() {}

  /** {@code agents}. */
  @Command(
      name = "agents",
      mixinStandardHelpOptions = true,
      description = {
        "Who is the agent here: the source servers, installers, ASR/Migrate appliances and"
            + " CloudTrail principals and access keys that run the migration or DR agent, each"
            + " with its addresses or names and the evidence (file:line or CloudTrail call).",
        "A NAT or branch address that many hosts share is marked; when nothing identifies the"
            + " agent, it says so and what evidence would. Times are UTC. The report's 'Who is"
            + " the agent here' section shows the same."
      })
  static final class Agents implements Callable<Integer> {
    private final ShellSession session;

    @Option(names = "--json", description = "Write the report's agents object as one JSON line.")
    boolean json;

    Agents(ShellSession session) {
      this.session = session;
    }

    @Override
    public Integer call() throws IOException {
      // The same reference policy as 'findings' and 'report', so all three see the same agent.
      AgentIdentity agents =
          new AnalysisContext(session.index(), loadReference(), null, Queries.all()).agents();
      if (json) {
        session.out().println(JsonLines.line(JsonReportWriter.agents(agents)));
        return 0;
      }
      // Host names and file names come from the logs: shown visibly, never as raw escapes.
      PrintWriter out = TerminalWriter.of(session.out());
      out.println(AgentSection.TITLE);
      AgentSection.lines(agents, ZoneOffset.UTC).forEach(l -> out.println("  " + l));
      out.flush();
      return 0;
    }

    private ReferenceData loadReference() throws IOException {
      try {
        return ReferenceStore.load(session.folder(), List.of());
      } catch (ReferenceFileException e) {
        throw new UserError("reference data: " + e.getMessage());
      }
    }
  }
}
