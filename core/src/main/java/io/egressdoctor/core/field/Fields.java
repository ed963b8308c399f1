package io.egressdoctor.core.field;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of every field egress-doctor indexes, with its ECS name and type.
 *
 * <p>Parsers, rules, the query parser and {@code docs/fields.md} all read this class, so a field
 * exists exactly when it is declared here. Source-specific fields live under their source's
 * namespace ({@code squid.*}, {@code aws.cloudtrail.*}, {@code mgn.*}, {@code asr.*}, {@code
 * vpn.*}); enrichments live under {@code egress_doctor.*}. A few namespaces are open-ended and
 * declared as {@link DynamicNamespace}s, e.g. {@code squid.extra.*} for unknown logformat codes.
 */
public final class Fields {

  private static final Map<String, FieldDefinition> BY_NAME = new LinkedHashMap<>();
  private static final List<DynamicNamespace> DYNAMIC = new ArrayList<>();

  // Base and event
  public static final FieldDefinition TIMESTAMP =
      date("@timestamp", "When the event happened, in UTC milliseconds.");
  public static final FieldDefinition EVENT_DATASET =
      keyword("event.dataset", "The source format of the event, e.g. squid.access.");
  public static final FieldDefinition EVENT_KIND =
      keyword("event.kind", "event, or pipeline_error for a line that could not be parsed.");
  public static final FieldDefinition EVENT_CATEGORY =
      multiKeyword("event.category", "ECS category: network, web, configuration, process...");
  public static final FieldDefinition EVENT_TYPE =
      multiKeyword("event.type", "ECS type: connection, access, denied, error, info, change...");
  public static final FieldDefinition EVENT_ACTION =
      keyword("event.action", "What happened: the API name, the proxy method, the log action.");
  public static final FieldDefinition EVENT_PROVIDER =
      keyword("event.provider", "The service that wrote the event, e.g. mgn.amazonaws.com.");
  public static final FieldDefinition EVENT_OUTCOME =
      keyword("event.outcome", "success, failure or unknown.");
  public static final FieldDefinition EVENT_REASON =
      keyword(
          "event.reason",
          "Why it happened, normalised by the parser: dpd_timeout, psk_mismatch, no_proposal_chosen...");
  public static final FieldDefinition EVENT_DURATION =
      lookupOnly(longField("event.duration", "How long the event took, in nanoseconds."));
  public static final FieldDefinition EVENT_ID =
      lookupOnly(
          keyword("event.id", "The event's own id where the source has one (CloudTrail eventID)."));
  public static final FieldDefinition EVENT_ORIGINAL =
      text("event.original", "The original line or record, as read.");
  public static final FieldDefinition EVENT_SEQUENCE =
      lookupOnly(longField("event.sequence", "The event's ordinal within its source file."));
  public static final FieldDefinition MESSAGE =
      text("message", "The human-readable message of a log event.");
  public static final FieldDefinition TAGS = multiKeyword("tags", "Free tags.");

  // Where the event came from
  public static final FieldDefinition LOG_FILE_PATH =
      keyword("log.file.path", "The file the event was read from (archive!entry for bundles).");
  public static final FieldDefinition LOG_FILE_LINE =
      lookupOnly(longField("log.file.line", "The 1-based line (or record) number in that file."));
  public static final FieldDefinition LOG_OFFSET =
      lookupOnly(
          longField("log.offset", "The byte offset of the line in the (decompressed) file."));
  public static final FieldDefinition LOG_LEVEL =
      keyword("log.level", "The log level, lowercased: debug, info, warn, error...");
  public static final FieldDefinition LOG_LOGGER = keyword("log.logger", "The logger's name.");

  // Network parties
  public static final FieldDefinition SOURCE_IP = ip("source.ip", "The client or caller IP.");
  public static final FieldDefinition SOURCE_ADDRESS =
      keyword("source.address", "The caller as written when it is not an IP (a service name).");
  public static final FieldDefinition SOURCE_PORT =
      lookupOnly(longField("source.port", "The client port."));
  public static final FieldDefinition SOURCE_DOMAIN =
      domain("source.domain", "The client's host name.");
  public static final FieldDefinition DESTINATION_IP =
      ip("destination.ip", "The server IP the connection went to.");
  public static final FieldDefinition DESTINATION_ADDRESS =
      keyword("destination.address", "The destination as written (host name or IP).");
  public static final FieldDefinition DESTINATION_DOMAIN =
      domain("destination.domain", "The destination host name, lowercased.");
  public static final FieldDefinition DESTINATION_PORT =
      longField("destination.port", "The destination TCP or UDP port.");
  public static final FieldDefinition NETWORK_TRANSPORT =
      keyword("network.transport", "tcp or udp.");
  public static final FieldDefinition NETWORK_PROTOCOL =
      keyword("network.protocol", "The application protocol: http, https, ike, bgp...");
  public static final FieldDefinition NETWORK_PACKETS =
      longField("network.packets", "Packets in both directions of a flow (flow logs).");
  public static final FieldDefinition RELATED_IP =
      lookupOnly(multiIp("related.ip", "Every IP the event mentions, for pivoting."));
  public static final FieldDefinition RELATED_HOSTS =
      lookupOnly(multiDomain("related.hosts", "Every host name the event mentions, for pivoting."));
  public static final FieldDefinition RELATED_USER =
      lookupOnly(
          multiKeyword(
              "related.user",
              "Every user name or id the event mentions, for pivoting (user.*, CloudTrail callers)."));

  // HTTP and URL
  public static final FieldDefinition URL_ORIGINAL =
      lookupOnly(keyword("url.original", "The URL as logged."));
  public static final FieldDefinition URL_SCHEME = keyword("url.scheme", "http, https...");
  public static final FieldDefinition URL_DOMAIN = domain("url.domain", "The URL's host name.");
  public static final FieldDefinition URL_PORT =
      lookupOnly(longField("url.port", "The URL's port."));
  public static final FieldDefinition URL_PATH = lookupOnly(keyword("url.path", "The URL's path."));
  public static final FieldDefinition HTTP_REQUEST_METHOD =
      keyword("http.request.method", "The request method as logged (CONNECT, GET...).");
  public static final FieldDefinition HTTP_REQUEST_REFERRER =
      lookupOnly(keyword("http.request.referrer", "The Referer header."));
  public static final FieldDefinition HTTP_RESPONSE_STATUS_CODE =
      longField("http.response.status_code", "The HTTP status sent to the client (0 for none).");
  public static final FieldDefinition HTTP_RESPONSE_BYTES =
      lookupOnly(
          longField(
              "http.response.bytes",
              "Bytes sent to the client, headers included (Squid %<st); ECS's name, chosen over"
                  + " Elastic's destination.bytes because it is what the proxy measured."));
  public static final FieldDefinition HTTP_RESPONSE_MIME_TYPE =
      keyword("http.response.mime_type", "The reply's content type.");
  public static final FieldDefinition HTTP_VERSION = keyword("http.version", "1.0, 1.1, 2...");
  public static final FieldDefinition TLS_CLIENT_SERVER_NAME =
      domain("tls.client.server_name", "The SNI the client sent.");
  public static final FieldDefinition TLS_SERVER_ISSUER =
      keyword("tls.server.issuer", "The issuer of the certificate the client was shown.");
  public static final FieldDefinition USER_AGENT_ORIGINAL =
      lookupOnly(keyword("user_agent.original", "The user agent as sent."));
  public static final FieldDefinition USER_AGENT_NAME =
      keyword("user_agent.name", "The user agent's product name, where recognised.");
  public static final FieldDefinition USER_AGENT_VERSION =
      lookupOnly(keyword("user_agent.version", "The user agent's version, where recognised."));

  // Who and where
  public static final FieldDefinition USER_NAME = keyword("user.name", "The user name.");
  public static final FieldDefinition USER_ID = keyword("user.id", "The user's id or ARN.");
  public static final FieldDefinition HOST_NAME =
      keyword("host.name", "The machine that wrote the log.");
  public static final FieldDefinition HOST_IP = multiIp("host.ip", "The writing machine's IPs.");
  public static final FieldDefinition OBSERVER_TYPE =
      keyword("observer.type", "proxy, firewall or vpn for devices that saw the traffic.");
  public static final FieldDefinition OBSERVER_PRODUCT =
      keyword("observer.product", "The observing product, e.g. squid.");
  public static final FieldDefinition SERVICE_NAME =
      keyword("service.name", "The writing service, e.g. aws-replication-agent.");
  public static final FieldDefinition PROCESS_NAME = keyword("process.name", "The process name.");
  public static final FieldDefinition PROCESS_PID =
      lookupOnly(longField("process.pid", "The process id."));
  public static final FieldDefinition CLOUD_PROVIDER = keyword("cloud.provider", "aws or azure.");
  public static final FieldDefinition CLOUD_REGION =
      keyword("cloud.region", "The cloud region, e.g. ap-northeast-1 or japaneast.");
  public static final FieldDefinition CLOUD_ACCOUNT_ID =
      keyword("cloud.account.id", "The AWS account or Azure subscription.");
  public static final FieldDefinition CLOUD_INSTANCE_ID =
      multiKeyword("cloud.instance.id", "Instance ids the event concerns.");

  // Errors
  public static final FieldDefinition ERROR_CODE =
      keyword("error.code", "The error code (CloudTrail errorCode, errno, Squid err_code).");
  public static final FieldDefinition ERROR_TYPE =
      keyword("error.type", "The error's class, e.g. a Python exception type.");
  public static final FieldDefinition ERROR_MESSAGE =
      lookupOnly(
          keyword(
              "error.message",
              "The error message; for event.kind pipeline_error, why the line was rejected."));
  public static final FieldDefinition ERROR_STACK_TRACE =
      text("error.stack_trace", "The stack trace or traceback, when one was logged.");

  // DNS, as seen by collectors and resolvers
  public static final FieldDefinition DNS_QUESTION_NAME =
      domain("dns.question.name", "The name that was resolved.");
  public static final FieldDefinition DNS_RESOLVED_IP =
      multiIp("dns.resolved_ip", "The addresses the name resolved to.");

  // Squid
  public static final FieldDefinition SQUID_RESULT_CODE =
      keyword("squid.result_code", "Squid's %Ss, e.g. TCP_DENIED, TCP_TUNNEL_ABORTED, NONE_NONE.");
  public static final FieldDefinition SQUID_HIERARCHY_CODE =
      keyword("squid.hierarchy_code", "Squid's %Sh, e.g. HIER_DIRECT, HIER_NONE.");
  public static final FieldDefinition SQUID_NEXT_HOP_ADDRESS =
      lookupOnly(
          keyword(
              "squid.next_hop.address",
              "Squid's %<a: the server or peer Squid connected to (destination.ip when direct)."));
  public static final FieldDefinition SQUID_NEXT_HOP_TYPE =
      keyword(
          "squid.next_hop.type",
          "How the proxy forwarded: direct (to the origin), parent (through another proxy, a"
              + " proxy chain) or sibling; from the hierarchy code.");
  public static final FieldDefinition SQUID_ERROR_CODE =
      keyword("squid.error.code", "Squid's %err_code, e.g. ERR_CONNECT_FAIL.");
  public static final FieldDefinition SQUID_ERROR_DETAIL =
      lookupOnly(keyword("squid.error.detail", "Squid's %err_detail, e.g. errno=111."));
  public static final FieldDefinition SQUID_LOG_FORMAT =
      keyword("squid.log_format", "The logformat the line was parsed with.");

  // AWS CloudTrail
  public static final FieldDefinition CT_USER_IDENTITY_TYPE =
      keyword("aws.cloudtrail.user_identity.type", "IAMUser, AssumedRole, AWSService...");
  public static final FieldDefinition CT_USER_IDENTITY_ARN =
      keyword("aws.cloudtrail.user_identity.arn", "The caller's ARN.");
  public static final FieldDefinition CT_ACCESS_KEY_ID =
      keyword("aws.cloudtrail.user_identity.access_key_id", "The access key id used.");
  public static final FieldDefinition CT_SESSION_ISSUER_ARN =
      keyword(
          "aws.cloudtrail.user_identity.session_context.session_issuer.arn",
          "The role behind an assumed-role session.");
  public static final FieldDefinition CT_SESSION_ISSUER_USER_NAME =
      keyword(
          "aws.cloudtrail.user_identity.session_context.session_issuer.user_name",
          "The name of the role behind an assumed-role session.");
  public static final FieldDefinition CT_INVOKED_BY =
      keyword("aws.cloudtrail.user_identity.invoked_by", "The service that made the call.");
  public static final FieldDefinition CT_VPC_ENDPOINT_ID =
      keyword("aws.cloudtrail.vpc_endpoint_id", "The VPC endpoint the call came through.");
  public static final FieldDefinition CT_VPC_ENDPOINT_ACCOUNT_ID =
      keyword("aws.cloudtrail.vpc_endpoint_account_id", "The account owning that endpoint.");
  public static final FieldDefinition CT_HOST_HEADER =
      domain(
          "aws.cloudtrail.tls_details.client_provided_host_header",
          "The Host header the client sent.");
  public static final FieldDefinition CT_TLS_VERSION =
      keyword("aws.cloudtrail.tls_details.tls_version", "The TLS version of the call.");
  public static final FieldDefinition CT_EVENT_TYPE =
      keyword("aws.cloudtrail.event_type", "AwsApiCall, AwsServiceEvent, AwsConsoleSignIn...");
  public static final FieldDefinition CT_EVENT_CATEGORY =
      keyword("aws.cloudtrail.event_category", "Management, Data or Insight.");
  public static final FieldDefinition CT_READ_ONLY =
      bool("aws.cloudtrail.read_only", "Whether the call only reads.");
  public static final FieldDefinition CT_REQUEST_ID =
      lookupOnly(keyword("aws.cloudtrail.request_id", "The API request id."));
  public static final FieldDefinition CT_RECIPIENT_ACCOUNT_ID =
      keyword("aws.cloudtrail.recipient_account_id", "The account that received the event.");
  public static final FieldDefinition CT_USER_IDENTITY_ACCOUNT_ID =
      keyword("aws.cloudtrail.user_identity.account_id", "The caller's account.");
  public static final FieldDefinition CT_SOURCE_IDENTITY =
      keyword(
          "aws.cloudtrail.user_identity.session_context.source_identity",
          "The source identity of the session (for MGN agents, the source server id).");
  public static final FieldDefinition CT_EVENT_VERSION =
      lookupOnly(keyword("aws.cloudtrail.event_version", "The record format version, e.g. 1.08."));
  public static final FieldDefinition CT_RESOURCE_ARN =
      multiKeyword("aws.cloudtrail.resources.arn", "The ARNs of the resources the call concerned.");
  public static final FieldDefinition CT_AWS_REGION =
      keyword(
          "aws.cloudtrail.aws_region",
          "The record's awsRegion as written; cloud.region holds it only when it is a region code.");

  // MGN, DRS and CloudEndure
  public static final FieldDefinition MGN_CALLER_ROLE =
      keyword(
          "mgn.caller_role",
          "agent, installer, replication_server, conversion_server, vcenter_client or service.");
  public static final FieldDefinition MGN_PRODUCT =
      keyword("mgn.product", "mgn, drs or cloudendure.");
  public static final FieldDefinition MGN_COMPONENT =
      keyword("mgn.component", "agent, installer, replicator, update...");
  public static final FieldDefinition MGN_SOURCE_SERVER_ID =
      keyword("mgn.source_server_id", "The source server id, s-....");
  public static final FieldDefinition MGN_REPLICATION_SERVER_IP =
      ip("mgn.replication_server.ip", "The replication server address the agent uses.");

  // Azure Site Recovery and Azure Migrate
  public static final FieldDefinition ASR_COMPONENT =
      keyword("asr.component", "configuration_manager, process_server, mobility, installer...");
  public static final FieldDefinition ASR_VAULT =
      keyword("asr.vault", "The Recovery Services vault name or id.");

  // Proxy configuration read from configuration files and environments
  public static final FieldDefinition CONFIG_SOURCE =
      keyword("config.source", "What the setting was read from: env, appliance.json...");
  public static final FieldDefinition CONFIG_SCOPE =
      keyword(
          "config.scope",
          "Who the setting applies to: user, appliance, system_account, winhttp, machine_policy...");
  public static final FieldDefinition CONFIG_PROXY_URL =
      keyword("config.proxy.url", "The configured proxy URL, password masked.");
  public static final FieldDefinition CONFIG_PROXY_VARIABLE =
      keyword("config.proxy.variable", "The variable or key it came from, e.g. https_proxy.");
  public static final FieldDefinition CONFIG_PROXY_BYPASS =
      multiKeyword("config.proxy.bypass", "Bypass entries: no_proxy or a bypass list.");
  public static final FieldDefinition CONFIG_PROXY_BYPASS_ENABLED =
      bool("config.proxy.bypass_enabled", "Whether the bypass list is honoured.");
  public static final FieldDefinition CONFIG_PROXY_ENABLED =
      bool(
          "config.proxy.enabled",
          "Whether the proxy is switched on (Windows ProxyEnable); absent when the source does not"
              + " say.");

  // VPN
  public static final FieldDefinition VPN_PROVIDER = keyword("vpn.provider", "aws or azure.");
  public static final FieldDefinition VPN_CONNECTION_ID =
      keyword("vpn.connection.id", "The VPN connection (vpn-...) or Azure connection name.");
  public static final FieldDefinition VPN_GATEWAY_NAME =
      keyword("vpn.gateway.name", "The VPN gateway's name or id.");
  public static final FieldDefinition VPN_GATEWAY_INSTANCE =
      keyword("vpn.gateway.instance", "The gateway instance (Azure GatewayTenantWorker_IN_0).");
  public static final FieldDefinition VPN_TUNNEL_OUTSIDE_IP =
      ip("vpn.tunnel.outside_ip", "The tunnel's outside (public) IP on the cloud side.");
  public static final FieldDefinition VPN_TUNNEL_REMOTE_IP =
      ip("vpn.tunnel.remote_ip", "The peer's (customer gateway's) IP.");
  public static final FieldDefinition VPN_TUNNEL_STATE =
      keyword("vpn.tunnel.state", "up or down, as the log says.");
  public static final FieldDefinition VPN_IKE_PHASE1_STATE =
      keyword("vpn.ike.phase1_state", "IKE phase 1 state: established, down...");
  public static final FieldDefinition VPN_IKE_PHASE2_STATE =
      keyword("vpn.ike.phase2_state", "IKE phase 2 state: established, down...");
  public static final FieldDefinition VPN_DPD_ENABLED =
      bool("vpn.dpd_enabled", "Whether dead peer detection is on.");
  public static final FieldDefinition VPN_NAT_T_DETECTED =
      bool("vpn.nat_t_detected", "Whether NAT traversal was detected.");
  public static final FieldDefinition VPN_BGP_STATUS =
      keyword("vpn.bgp.status", "The BGP session status.");
  public static final FieldDefinition VPN_BGP_PEER_IP =
      ip("vpn.bgp.peer_ip", "The BGP neighbour address.");

  // Firewalls and secure web gateways of other vendors (FortiGate, PAN-OS, Zscaler...)
  public static final FieldDefinition OBSERVER_VENDOR =
      keyword("observer.vendor", "The observing product's vendor, e.g. Fortinet.");
  public static final FieldDefinition OBSERVER_NAME =
      keyword("observer.name", "The observing device's own name (devname, serial host).");
  public static final FieldDefinition RULE_NAME =
      keyword(
          "rule.name",
          "The policy or rule that decided, e.g. a FortiGate policy id or a PAN-OS rule.");
  public static final FieldDefinition RULE_ID = keyword("rule.id", "The rule's id or uuid.");
  public static final FieldDefinition RULE_RULESET =
      keyword("rule.ruleset", "The rule's collection or group (Azure Firewall rule collection).");
  public static final FieldDefinition URL_CATEGORY =
      multiKeyword("url.category", "The product's URL or web category (not ECS).");
  public static final FieldDefinition NETWORK_APPLICATION =
      keyword("network.application", "The application the firewall identified, e.g. ssl.");
  public static final FieldDefinition NETWORK_BYTES =
      longField("network.bytes", "Bytes in both directions of the session.");
  public static final FieldDefinition SOURCE_NAT_IP =
      ip("source.nat.ip", "The source address after translation (SNAT).");
  public static final FieldDefinition SOURCE_NAT_PORT =
      longField("source.nat.port", "The source port after translation.");
  public static final FieldDefinition DESTINATION_NAT_IP =
      ip("destination.nat.ip", "The destination address after translation (DNAT).");
  public static final FieldDefinition DESTINATION_NAT_PORT =
      longField("destination.nat.port", "The destination port after translation.");
  public static final FieldDefinition TLS_VERSION =
      keyword("tls.version", "The TLS version, e.g. 1.2.");
  public static final FieldDefinition TLS_CIPHER = keyword("tls.cipher", "The TLS cipher suite.");
  public static final FieldDefinition TLS_INSPECTED =
      bool(
          "tls.inspected",
          "The observer decrypted the TLS session (FortiGate deep inspection, PAN-OS decryption,"
              + " Zscaler SSL inspection); not ECS.");

  // Enrichments
  public static final FieldDefinition ED_SOURCE_ID =
      keyword("egress_doctor.source_id", "The fingerprint of the input the event came from.");
  public static final FieldDefinition ED_ORIGIN_API =
      lookupOnly(
          keyword("egress_doctor.origin.api", "The API and record id an event was pulled from."));
  public static final FieldDefinition ED_DEST_CLOUD =
      keyword("egress_doctor.destination.cloud", "aws or azure, from published IP ranges.");
  public static final FieldDefinition ED_DEST_REGION =
      keyword("egress_doctor.destination.region", "The cloud region of the destination IP.");
  public static final FieldDefinition ED_DEST_SERVICE =
      multiKeyword(
          "egress_doctor.destination.service", "The cloud services of the destination IP.");
  public static final FieldDefinition ED_DEST_PRIVATE_ENDPOINT =
      bool("egress_doctor.destination.private_endpoint", "The destination is a private endpoint.");
  public static final FieldDefinition ED_DEST_PRIVATE_ENDPOINT_SERVICE =
      keyword(
          "egress_doctor.destination.private_endpoint_service",
          "The service behind that private endpoint.");
  public static final FieldDefinition ED_SOURCE_CLOUD =
      keyword("egress_doctor.source.cloud", "aws or azure, from published IP ranges.");
  public static final FieldDefinition ED_SOURCE_REGION =
      keyword("egress_doctor.source.region", "The cloud region of the source IP.");
  public static final FieldDefinition ED_SOURCE_SERVICE =
      multiKeyword("egress_doctor.source.service", "The cloud services of the source IP.");

  static {
    dynamic("labels.", FieldType.KEYWORD, "Free key-value labels.");
    dynamic("squid.extra.", FieldType.KEYWORD, "Values of logformat codes we do not map.");
    dynamic(
        "aws.cloudtrail.request_parameters.",
        FieldType.KEYWORD,
        "CloudTrail requestParameters, flattened.");
    dynamic(
        "aws.cloudtrail.response_elements.",
        FieldType.KEYWORD,
        "CloudTrail responseElements, flattened.");
    dynamic(
        "aws.cloudtrail.tags.",
        FieldType.KEYWORD,
        "Tags set or returned by a CloudTrail call (EC2, MGN), by tag key.");
    dynamic("mgn.extra.", FieldType.KEYWORD, "Further fields of replication agent logs.");
    dynamic("asr.extra.", FieldType.KEYWORD, "Further fields of ASR and Migrate logs.");
    dynamic("vpn.extra.", FieldType.KEYWORD, "Further fields of VPN logs.");
  }

  private Fields() {}

  /** The declared field of that name, or a field of a dynamic namespace, or empty. */
  public static Optional<FieldDefinition> find(String name) {
    FieldDefinition declared = BY_NAME.get(name);
    if (declared != null) {
      return Optional.of(declared);
    }
    for (DynamicNamespace ns : DYNAMIC) {
      if (name.startsWith(ns.prefix()) && name.length() > ns.prefix().length()) {
        return Optional.of(ns.fieldFor(name));
      }
    }
    return Optional.empty();
  }

  /** The field of that name; throws for a name the schema does not have. */
  public static FieldDefinition get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown field: " + name));
  }

  /** Every declared field, in declaration order. */
  public static List<FieldDefinition> all() {
    return List.copyOf(BY_NAME.values());
  }

  /**
   * The fields whose values a {@code related.*} field stands for, or an empty list for any other
   * field. The index keeps in {@code related.*} only the values of an event that none of these
   * fields holds; a query on {@code related.*} asks these fields too (see {@code docs/index.md}).
   */
  public static List<FieldDefinition> collectedBy(FieldDefinition related) {
    if (related.equals(RELATED_IP)) {
      return all().stream().filter(f -> f.type() == FieldType.IP && !f.equals(RELATED_IP)).toList();
    }
    if (related.equals(RELATED_HOSTS)) {
      return all().stream().filter(f -> f.suffixSearchable() && !f.equals(RELATED_HOSTS)).toList();
    }
    if (related.equals(RELATED_USER)) {
      return List.of(USER_NAME, USER_ID, CT_USER_IDENTITY_ARN, CT_SESSION_ISSUER_USER_NAME);
    }
    return List.of();
  }

  /** The open-ended namespaces. */
  public static List<DynamicNamespace> dynamicNamespaces() {
    return Collections.unmodifiableList(DYNAMIC);
  }

  private static FieldDefinition register(FieldDefinition field) {
    if (BY_NAME.putIfAbsent(field.name(), field) != null) {
      throw new IllegalStateException("field declared twice: " + field.name());
    }
    return field;
  }

  /**
   * A field that filters and searches but keeps no doc values: values nearly unique per event
   * (URLs, ids, offsets) or rarely summarised. Top values and timelines over it are counted from
   * its terms or points when someone asks.
   */
  private static FieldDefinition lookupOnly(FieldDefinition field) {
    FieldDefinition plain = field.withoutDocValues();
    BY_NAME.put(plain.name(), plain);
    return plain;
  }

  private static void dynamic(String prefix, FieldType type, String description) {
    DYNAMIC.add(new DynamicNamespace(prefix, type, description));
  }

  private static FieldDefinition keyword(String name, String description) {
    return register(new FieldDefinition(name, FieldType.KEYWORD, description, false, false, false));
  }

  private static FieldDefinition multiKeyword(String name, String description) {
    return register(new FieldDefinition(name, FieldType.KEYWORD, description, false, false, true));
  }

  private static FieldDefinition domain(String name, String description) {
    return register(new FieldDefinition(name, FieldType.KEYWORD, description, true, true, false));
  }

  private static FieldDefinition multiDomain(String name, String description) {
    return register(new FieldDefinition(name, FieldType.KEYWORD, description, true, true, true));
  }

  private static FieldDefinition ip(String name, String description) {
    return register(new FieldDefinition(name, FieldType.IP, description, false, false, false));
  }

  private static FieldDefinition multiIp(String name, String description) {
    return register(new FieldDefinition(name, FieldType.IP, description, false, false, true));
  }

  private static FieldDefinition longField(String name, String description) {
    return register(new FieldDefinition(name, FieldType.LONG, description, false, false, false));
  }

  private static FieldDefinition date(String name, String description) {
    return register(new FieldDefinition(name, FieldType.DATE, description, false, false, false));
  }

  private static FieldDefinition text(String name, String description) {
    return register(new FieldDefinition(name, FieldType.TEXT, description, false, false, false));
  }

  private static FieldDefinition bool(String name, String description) {
    return register(new FieldDefinition(name, FieldType.BOOLEAN, description, false, false, false));
  }
}
