package io.egressdoctor.samples.bundle;

import static io.egressdoctor.samples.bundle.SampleBundle.ms;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * S4: a modernized Azure Site Recovery appliance behind a whitelist proxy, with the vault, Key
 * Vault, Migrate and cache storage on private endpoints. The proxy denies what should have bypassed
 * it (privatelink names, the vault, the cache blob) and the one name that cannot be private (the
 * Service Bus FQDN) until it is allowed exactly; the system account keeps using the proxy after the
 * appliance's own bypass list is set.
 *
 * <p>The system account's captures come either as text files or as Windows PowerShell 5.1's {@code
 * >} writes a native command's output: UTF-16LE with a byte order mark and CRLF line ends.
 */
final class AsrWhitelistProxyBundle implements SampleBundle {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  static final String APPLIANCE = "10.1.0.20";
  static final String VAULT_ID = "1265443793182260898";
  static final String SERVICE_BUS = "jpepod01rcm1evhbdiags2j8q.servicebus.windows.net";
  static final String KEY_VAULT = "privateasr58afkv.vault.azure.net";
  static final String CACHE_BLOB = "asrcachejpe7k2x9q.blob.core.windows.net";
  static final String MIGRATE =
      "4f1d2e3c-agent.je.disc.privatelink.prod.migration.windowsazure.com";
  static final String WINHTTP = "Microsoft-WinHTTP/5.1";
  static final String STORAGE_UA =
      "Azure-Storage/9.3.2 (.NET CLR 4.0.30319.42000; Win32NT 10.0.20348.0)";

  private final Rng rng;
  private final boolean powerShellCaptures;

  AsrWhitelistProxyBundle() {
    this(false);
  }

  /** {@code powerShellCaptures}: the system account's captures as PowerShell 5.1 writes them. */
  AsrWhitelistProxyBundle(boolean powerShellCaptures) {
    this.powerShellCaptures = powerShellCaptures;
    this.rng = new Rng(powerShellCaptures ? 4016 : 4004);
  }

  @Override
  public String name() {
    return powerShellCaptures
        ? "s4-asr-appliance-utf16-captures"
        : "s4-asr-private-endpoint-whitelist-proxy";
  }

  static String asr(String role, boolean privatelink) {
    return VAULT_ID
        + "-asr-pod01-"
        + role
        + ".jpe."
        + (privatelink ? "privatelink." : "")
        + "siterecovery.windowsazure.com";
  }

  @Override
  public void write(BundleOutput out) {
    ProxyLog log = proxyLog();
    long rotate = ms("2026-04-02T15:00:00Z");
    out.lines("proxy/access.log.1.gz", log.linesBefore(rotate, ProxyLogFormat.squidNative()));
    out.lines("proxy/access.log", log.linesFrom(rotate, ProxyLogFormat.squidNative()));
    out.text("reference/squid.conf", squidConf());
    out.lines("reference/azure-private-endpoints.csv", privateEndpoints(), "\r\n");
    out.text("appliance/config/appliance.json", applianceJson());
    out.text(
        "appliance/config/ProxyInfo.conf",
        "[proxy]\r\nAddress=http://10.1.0.8\r\nPort=8080\r\nBypassList=vault.azure.net;jpe.privatelink.siterecovery.windowsazure.com;je.disc.privatelink.prod.migration.windowsazure.com\r\n");
    capture(
        out,
        "appliance/system-account/reg-query-internet-settings.txt",
        "\r\nHKEY_USERS\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n"
            + "    ProxyEnable    REG_DWORD    0x1\r\n"
            + "    ProxyServer    REG_SZ    10.1.0.8:8080\r\n"
            + "    ProxyOverride    REG_SZ    <local>\r\n"
            + "    MigrateProxy    REG_DWORD    0x1\r\n\r\n");
    capture(
        out,
        "appliance/system-account/netsh-winhttp-show-proxy.txt",
        "\r\nCurrent WinHTTP proxy settings:\r\n\r\n    Proxy Server(s) :  10.1.0.8:8080\r\n    Bypass List     :  <local>\r\n\r\n");
    out.lines(
        "appliance/logs/ConfigurationManagerInstaller_2026-04-02-16-20-11.log",
        installerLog(),
        "\r\n");
  }

  /**
   * A command's output captured as the system account: as text, or as PowerShell 5.1's {@code >}
   * re-encodes it (the lines already end in CRLF).
   */
  private void capture(BundleOutput out, String relative, String text) {
    if (!powerShellCaptures) {
      out.text(relative, text);
      return;
    }
    byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    byte[] withMark = new byte[body.length + 2];
    withMark[0] = (byte) 0xFF;
    withMark[1] = (byte) 0xFE;
    System.arraycopy(body, 0, withMark, 2, body.length);
    out.bytes(relative, withMark);
  }

  private ProxyLog proxyLog() {
    List<BackgroundTraffic.Client> clients = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      clients.add(
          new BackgroundTraffic.Client(
              "10.1.10." + (20 + i), "-", rng.pick(BackgroundTraffic.BROWSER_AGENTS)));
    }
    ProxyLog log = new ProxyLog();
    log.add(
        new BackgroundTraffic(rng, SquidVersion.V6, JST, clients, Map.of())
            .between(
                Instant.parse("2026-04-01T15:00:00Z"), Instant.parse("2026-04-03T09:00:00Z"), 170));
    // The appliance's own everyday traffic, allowed one FQDN at a time on the proxy.
    List<String> applianceHosts =
        List.of(
            "login.microsoftonline.com",
            "management.azure.com",
            "graph.windows.net",
            "aadcdn.msftauth.net",
            "login.windows.net");
    for (long t = ms("2026-04-02T07:20:00Z");
        t < ms("2026-04-03T09:00:00Z");
        t += rng.between(60_000, 400_000)) {
      String host = rng.pick(applianceHosts);
      log.add(Requests.tunnel(rng, t, APPLIANCE, host, Addresses.publicIp(host, Map.of()), "-"));
    }
    // 09:40 JST: the configuration manager, proxy set and no bypass list yet.
    long t = ms("2026-04-03T00:40:12Z");
    List<String> first =
        List.of(
            asr("id1", true),
            asr("rcm1", true),
            asr("srs1", true),
            KEY_VAULT,
            MIGRATE,
            SERVICE_BUS);
    for (int round = 0; round < 6; round++) {
      for (String host : first) {
        log.add(Requests.denied(rng, t + rng.between(0, 20_000), APPLIANCE, host, 403, "-"));
      }
      t += rng.between(150_000, 260_000);
    }
    // 10:05 JST: EnableProxyBypassList and the bypass list; Service Bus still goes to the proxy.
    for (long s = ms("2026-04-03T01:06:30Z");
        s < ms("2026-04-03T01:41:00Z");
        s += rng.between(30_000, 70_000)) {
      log.add(Requests.denied(rng, s, APPLIANCE, SERVICE_BUS, 403, "-"));
    }
    for (long s = ms("2026-04-03T01:41:20Z");
        s < ms("2026-04-03T09:00:00Z");
        s += rng.between(200_000, 330_000)) {
      log.add(Requests.tunnel(rng, s, APPLIANCE, SERVICE_BUS, "198.51.100.141", "-"));
    }
    // 10:50 JST: the system account's services still send the vault's privatelink names to the
    // proxy.
    for (long s = ms("2026-04-03T01:50:04Z");
        s < ms("2026-04-03T02:33:00Z");
        s += rng.between(45_000, 80_000)) {
      log.add(
          Requests.denied(
              rng,
              s,
              APPLIANCE,
              asr(rng.pick("rcm1", "rcm1", "srs1", "tel1"), true),
              403,
              WINHTTP));
    }
    // 13:10 JST: initial replication; the process server cannot reach the cache storage account.
    for (long s = ms("2026-04-03T04:10:31Z");
        s < ms("2026-04-03T05:03:00Z");
        s += rng.between(20_000, 50_000)) {
      log.add(Requests.denied(rng, s, APPLIANCE, CACHE_BLOB, 403, STORAGE_UA));
    }
    return log;
  }

  private String squidConf() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "# /etc/squid/squid.conf, proxy01 (Squid 6.10) -- whitelist proxy, state of 2026-04-03 17:30 JST\n");
    sb.append("http_port 8080\n");
    sb.append("acl localnet src 10.1.0.0/16\n");
    sb.append("acl SSL_ports port 443\n");
    sb.append("acl Safe_ports port 80 443\n");
    sb.append("acl CONNECT method CONNECT\n\n");
    sb.append(
        "# Azure: only names that cannot use a private endpoint, one FQDN at a time (no PaaS wildcards)\n");
    sb.append(
        "acl azure_allowed dstdomain login.microsoftonline.com login.windows.net graph.windows.net\n");
    sb.append(
        "acl azure_allowed dstdomain management.azure.com aadcdn.msftauth.net portal.azure.com\n");
    sb.append("acl azure_allowed dstdomain " + SERVICE_BUS + "\n\n");
    sb.append("# general whitelist\n");
    List<String> allowed = new ArrayList<>(BackgroundTraffic.TUNNEL_HOSTS);
    allowed.addAll(BackgroundTraffic.GET_HOSTS);
    for (int i = 0; i < allowed.size(); i += 4) {
      sb.append("acl whitelist dstdomain ")
          .append(String.join(" ", allowed.subList(i, Math.min(i + 4, allowed.size()))))
          .append('\n');
    }
    sb.append("\nhttp_access deny !Safe_ports\n");
    sb.append("http_access deny CONNECT !SSL_ports\n");
    sb.append("http_access allow localnet azure_allowed\n");
    sb.append("http_access allow localnet whitelist\n");
    sb.append("http_access deny all\n\n");
    sb.append("access_log daemon:/var/log/squid/access.log squid\n");
    sb.append("logfile_rotate 10\n");
    return sb.toString();
  }

  private List<String> privateEndpoints() {
    List<String> rows = new ArrayList<>();
    rows.add("PrivateEndpoint,ResourceGroup,PrivateIpAddress,Fqdn,GroupId");
    String[] roles = {"id1", "rcm1", "srs1", "tel1", "prot2"};
    for (int i = 0; i < roles.length; i++) {
      rows.add(
          "pe-asr,privateasr2,10.2.1."
              + (13 + i)
              + ","
              + asr(roles[i], false)
              + ",AzureSiteRecovery");
    }
    rows.add("privateasr58afkv-aa9de-avd2-avd2--pe-pe,avd2,10.2.1.21," + KEY_VAULT + ",vault");
    rows.add(
        "privateasr58afmastersite-aa9de-avd2-avd2--pe-pe,avd2,10.2.1.22,"
            + MIGRATE.replace(".privatelink.", ".")
            + ",Default");
    rows.add("pe-asrcache,privateasr2,10.2.1.25," + CACHE_BLOB + ",blob");
    return rows;
  }

  private static String applianceJson() {
    return """
        {
          "Cloud": "Public",
          "ComponentVersion": "9.62.7172.1",
          "FabricType": "VMware",
          "ScaleOut": false,
          "PrivateEndpointEnabled": true,
          "VddkInstallerFolder": "",
          "IsApplianceRegistered": "true",
          "DiscoveryInitiated": "true",
          "EnableProxyBypassList": "true",
          "ProviderId": "8416fccd-8af8-466e-8021-79db15038c87",
          "EnableAzureStackHCITarget": false
        }
        """
        .replace("\n", "\r\n");
  }

  private List<String> installerLog() {
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT).withZone(JST);
    long t = ms("2026-04-02T07:20:11Z");
    String[] steps = {
      "Log file created at C:\\ProgramData\\Microsoft Azure\\Logs\\ConfigurationManagerInstaller_2026-04-02-16-20-11.log",
      "Selected cloud: Public, scenario: VMware to Azure (modernized), private endpoint connectivity: true",
      "Checking prerequisites...",
      "CheckRegistryAccessPolicy: passed",
      "CheckCommandPromptPolicy: passed",
      "CheckTrustLogicAttachmentsPolicy: passed",
      "CheckPowershellExecutionPolicy: passed",
      "Installing Microsoft Azure Appliance Configuration Manager...",
      "Microsoft Azure Appliance Configuration Manager installed successfully.",
      "Installing Microsoft Azure Appliance Auto Update...",
      "Microsoft Azure Appliance Auto Update installed successfully.",
      "Setting registry HKLM:\\SOFTWARE\\Microsoft\\AzureAppliance AutoUpdate = 0",
      "Writing C:\\ProgramData\\Microsoft Azure\\Config\\appliance.json",
      "Installation completed. Open the Appliance Configuration Manager to register the appliance."
    };
    List<String> lines = new ArrayList<>();
    for (String s : steps) {
      lines.add(f.format(Instant.ofEpochMilli(t)) + " " + s);
      t += rng.between(1_000, 40_000);
    }
    return lines;
  }
}
