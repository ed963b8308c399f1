package io.egressdoctor.diagnosis.agent;

import java.util.Locale;

/** What an agent host or principal does for the migration or DR service. */
public enum AgentRole {
  /** A source server whose replication agent streams to a replication server. */
  SOURCE_SERVER,
  /** A machine that downloads or runs the agent installer. */
  INSTALLER,
  /** An Azure Site Recovery or Azure Migrate appliance. */
  APPLIANCE,
  /** An address or principal that calls the agent APIs ({@code ...ForMgn}, {@code ...ForDrs}). */
  AGENT_API_CALLER;

  /** The role in words, e.g. {@code source server}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
