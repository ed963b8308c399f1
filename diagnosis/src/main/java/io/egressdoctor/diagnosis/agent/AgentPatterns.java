package io.egressdoctor.diagnosis.agent;

import static io.egressdoctor.core.query.Queries.or;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.query.EventQuery;
import java.util.List;

/**
 * What the agents' and appliances' own requests look like: the names only they reach, the
 * replication port, their user agents, and the agent API calls in CloudTrail. Patterns are whole-
 * value regular expressions in the index's syntax.
 */
public final class AgentPatterns {

  private AgentPatterns() {}

  /** The MGN and DRS APIs: agents, installers and the console's users reach them. */
  public static final String AGENT_API_NAMES =
      "(mgn|drs)\\.[a-z0-9-]+\\.(amazonaws\\.com|api\\.aws)";

  /** The buckets the installers and agents download from. */
  public static final String INSTALLER_NAMES =
      "aws-(mgn|drs|application-migration-service|elastic-disaster-recovery)-[a-z0-9-]+"
          + "\\.s3(\\.|-)([a-z0-9-]+\\.)?amazonaws\\.com";

  /** Names only an Azure Site Recovery or Migrate appliance reaches. */
  public static final String APPLIANCE_NAMES =
      ".*\\.(siterecovery|hypervrecoverymanager|prod\\.migration|privatelink\\.siterecovery)"
          + "\\.windowsazure\\.com";

  /** User agents of the agents, installers and appliances (case variants spelled out). */
  public static final String AGENT_USER_AGENTS =
      ".*([Aa]ws-?[Rr]eplication|[Rr]eplication[ -_]?[Aa]gent|[Cc]loud[Ee]ndure|aws-mgn|aws-drs"
          + "|[Mm]gn[Ii]nstaller|[Dd]rs[Ii]nstaller|[Aa]ws[Rr]eplication[Ww]indows[Ii]nstaller"
          + "|[Ss]ite ?[Rr]ecovery|InMage|[Aa]zure ?[Mm]igrate|MARS[ /]|DataReplicationAgent).*";

  /** Requests from a web browser. */
  public static EventQuery browser() {
    return new EventQuery.Regex(Fields.USER_AGENT_ORIGINAL.name(), "Mozilla/.*");
  }

  /** The agent API calls in CloudTrail: every agent and installer action ends so. */
  public static EventQuery agentApiCalls() {
    return or(
        new EventQuery.Suffix(Fields.EVENT_ACTION.name(), "ForMgn"),
        new EventQuery.Suffix(Fields.EVENT_ACTION.name(), "ForDrs"));
  }

  /** Proxy or firewall requests that only an agent, installer or appliance makes. */
  public static List<Pattern> requestPatterns() {
    return List.of(
        new Pattern(
            AgentRole.SOURCE_SERVER,
            "connects to TCP 1500 (replication data)",
            new EventQuery.Term(Fields.DESTINATION_PORT.name(), "1500")),
        new Pattern(
            AgentRole.INSTALLER,
            "downloads from the agent installer buckets",
            new EventQuery.Regex(Fields.DESTINATION_DOMAIN.name(), INSTALLER_NAMES)),
        new Pattern(
            AgentRole.APPLIANCE,
            "reaches Site Recovery or Migrate service names",
            new EventQuery.Regex(Fields.DESTINATION_DOMAIN.name(), APPLIANCE_NAMES)),
        new Pattern(
            AgentRole.SOURCE_SERVER,
            "sends the agent's or installer's user agent",
            new EventQuery.Regex(Fields.USER_AGENT_ORIGINAL.name(), AGENT_USER_AGENTS)),
        new Pattern(
            AgentRole.AGENT_API_CALLER,
            "calls the MGN or DRS API",
            new EventQuery.Regex(Fields.DESTINATION_DOMAIN.name(), AGENT_API_NAMES)));
  }

  /**
   * One kind of request that marks its client as an agent host.
   *
   * @param role what such a client is
   * @param reason the evidence in words
   * @param query the requests
   */
  public record Pattern(AgentRole role, String reason, EventQuery query) {}
}
