package io.egressdoctor.ingest.cloudtrail;

import java.util.Locale;
import java.util.Set;

/**
 * Who made an MGN (or DRS) call: the replication agent, its installer, a replication or conversion
 * server, the vCenter client, or the service itself.
 *
 * <p>The internal {@code *ForMgn} actions are split by the managed policy that grants them (log
 * formats reference §2.5); the client log and metric calls are granted to every component, so for
 * them the caller's role decides. EC2 calls made by the service-linked role are the service
 * launching and terminating replication, conversion, test and cutover instances.
 */
final class MgnCallers {

  /** A classified caller. */
  record Caller(String product, String role) {}

  private static final Set<String> INSTALLER =
      Set.of(
          "GetAgentInstallationAssets",
          "RegisterAgent",
          "VerifyClientRole",
          "IssueClientCertificate",
          "CreateSession");
  private static final Set<String> AGENT =
      Set.of(
          "SendAgentMetrics",
          "SendAgentLogs",
          "UpdateAgentSourceProperties",
          "UpdateAgentReplicationInfo",
          "UpdateAgentConversionInfo",
          "GetAgentCommand",
          "GetAgentConfirmedResumeInfo",
          "GetAgentRuntimeConfiguration",
          "UpdateAgentBacklog",
          "GetAgentReplicationInfo");
  private static final Set<String> REPLICATION_SERVER =
      Set.of(
          "GetChannelCommands",
          "SendChannelCommandResult",
          "GetAgentSnapshotCredits",
          "DescribeReplicationServerAssociations",
          "DescribeSnapshotRequests",
          "BatchDeleteSnapshotRequest",
          "NotifyAgentAuthentication",
          "BatchCreateVolumeSnapshotGroup",
          "UpdateAgentReplicationProcessState",
          "NotifyAgentReplicationProgress",
          "NotifyAgentConnected",
          "NotifyAgentDisconnected",
          "StartSnapshotGroup");
  private static final Set<String> CLIENT = Set.of("SendClientLogs", "SendClientMetrics");
  private static final String MGN_ROLE = "AWSServiceRoleForApplicationMigrationService";
  private static final String DRS_ROLE = "AWSServiceRoleForElasticDisasterRecovery";

  private MgnCallers() {}

  /**
   * The caller of one call, or null when it is no MGN or DRS call.
   *
   * @param action the eventName
   * @param provider the eventSource
   * @param identityType userIdentity.type
   * @param roleName the role behind the session (session issuer name), or null
   * @param invokedBy userIdentity.invokedBy, or null
   */
  static Caller classify(
      String action, String provider, String identityType, String roleName, String invokedBy) {
    String product = product(provider);
    if (action != null && product != null) {
      String suffix = "For" + capitalized(product);
      if (action.endsWith(suffix)) {
        return new Caller(
            product,
            internalCaller(
                action.substring(0, action.length() - suffix.length()), identityType, roleName));
      }
      if ("AWSService".equals(identityType) || provider.equals(invokedBy)) {
        return new Caller(product, "service");
      }
      return null;
    }
    if (MGN_ROLE.equals(roleName) || "mgn.amazonaws.com".equals(invokedBy)) {
      return new Caller("mgn", "service");
    }
    if (DRS_ROLE.equals(roleName) || "drs.amazonaws.com".equals(invokedBy)) {
      return new Caller("drs", "service");
    }
    return null;
  }

  /** The component an EC2 instance profile or role name belongs to, or null. */
  static String componentOfRole(String name) {
    if (name == null) {
      return null;
    }
    if (name.contains("ReplicationServerRole")) {
      return "replication_server";
    }
    if (name.contains("ConversionServerRole")) {
      return "conversion_server";
    }
    if (name.contains("AgentRole")) {
      return "agent";
    }
    return null;
  }

  private static String internalCaller(String base, String identityType, String roleName) {
    if (INSTALLER.contains(base)) {
      return "installer";
    }
    if (AGENT.contains(base)) {
      return "agent";
    }
    if (REPLICATION_SERVER.contains(base)) {
      return "replication_server";
    }
    if (base.contains("VcenterClient")) {
      return "vcenter_client";
    }
    String byRole = componentOfRole(roleName);
    if (byRole != null) {
      return byRole;
    }
    if (CLIENT.contains(base) && "IAMUser".equals(identityType)) {
      // The installer runs with the IAM user's keys; agents since 2022 use a role session.
      return "installer";
    }
    return "agent";
  }

  private static String product(String provider) {
    if (provider == null) {
      return null;
    }
    return switch (provider) {
      case "mgn.amazonaws.com" -> "mgn";
      case "drs.amazonaws.com" -> "drs";
      default -> null;
    };
  }

  private static String capitalized(String product) {
    return product.substring(0, 1).toUpperCase(Locale.ROOT) + product.substring(1);
  }
}
