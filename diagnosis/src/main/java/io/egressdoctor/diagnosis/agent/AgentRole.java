package io.egressdoctor.diagnosis.agent;

/** What an agent host or principal does for the migration or DR service. */
public enum AgentRole {
  /** A source server whose replication agent streams to a replication server. */
  SOURCE_SERVER("source server (replication agent)"),
  /** A machine that downloads or runs the agent installer. */
  INSTALLER("agent installer"),
  /** An Azure Site Recovery or Azure Migrate appliance. */
  APPLIANCE("ASR/Migrate appliance"),
  /** An address or principal that calls the agent APIs ({@code ...ForMgn}, {@code ...ForDrs}). */
  AGENT_API_CALLER("agent API caller");

  private final String label;

  AgentRole(String label) {
    this.label = label;
  }

  /** The role in words, e.g. {@code source server (replication agent)}. */
  public String label() {
    return label;
  }
}
