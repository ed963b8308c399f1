package io.egressdoctor.samples.bundle;

import static io.egressdoctor.samples.bundle.SampleBundle.ms;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S4 behind a Symantec (Blue Coat) ProxySG: a modernized Azure Site Recovery appliance in West
 * Europe whose proxy writes its access log in the Reporter order ({@code bcreportermain_v1}),
 * hourly uploads with their W3C header block, times in UTC. The vault, its Key Vault, the Migrate
 * site and the cache storage account have private endpoints; the ProxySG policy allows Azure names
 * one FQDN at a time and denies the rest ({@code policy_denied}). The Service Bus FQDN is denied
 * until it is allowed exactly; after the appliance's bypass list is set, the system account's
 * services still send the vault's privatelink names, then the cache blob, to the proxy.
 */
final class AsrProxySgReporterBundle implements SampleBundle {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String APPLIANCE = "172.16.20.15";
  static final String PROXY = "172.16.0.10";
  static final String VAULT_ID = "3840571962284407155";
  static final String SERVICE_BUS = "weupod01rcm1evhbdiags5x7pq.servicebus.windows.net";
  static final String KEY_VAULT = "asrkvweu4k8m2.vault.azure.net";
  static final String CACHE_BLOB = "asrcacheweu9q4m7.blob.core.windows.net";
  static final String MIGRATE =
      "7c2e9a41-agent.we.disc.privatelink.prod.migration.windowsazure.com";
  static final String WINHTTP = "Microsoft-WinHTTP/5.1";
  static final String STORAGE_UA =
      "Azure-Storage/9.3.2 (.NET CLR 4.0.30319.42000; Win32NT 10.0.17763.0)";
  static final String CONFIG_MANAGER_UA = "Microsoft.Azure.SiteRecovery.ConfigurationManager/1.0";

  /** The appliance's part of ProxySG's transaction ids. */
  private static final String SG_ID = "5e1c07a94b2d63f0";

  private final Rng rng = new Rng(4114);

  @Override
  public String name() {
    return "s4-asr-proxysg-reporter";
  }

  static String asr(String role) {
    return VAULT_ID + "-asr-pod01-" + role + ".weu.privatelink.siterecovery.windowsazure.com";
  }

  @Override
  public void write(BundleOutput out) {
    ProxyLog log = proxyLog();
    ProxyLogFormat format = ProxyLogFormat.proxySgReporter(PROXY, SG_ID);
    long split = ms("2026-05-19T07:00:00Z");
    out.lines(
        "proxy/SG_main__0416290071_20260519070000.log.gz",
        upload("2026-05-18 06:00:04", log.linesBefore(split, format)),
        "\r\n");
    out.lines(
        "proxy/SG_main__0416290071_20260519130000.log",
        upload("2026-05-19 07:00:02", log.linesFrom(split, format)),
        "\r\n");
    out.lines("reference/azure-private-endpoints.csv", privateEndpoints(), "\r\n");
    out.text("appliance/config/appliance.json", applianceJson());
    out.text(
        "appliance/config/ProxyInfo.conf",
        "[proxy]\r\nAddress=http://"
            + PROXY
            + "\r\nPort=8080\r\nBypassList=vault.azure.net;weu.privatelink.siterecovery.windowsazure.com;we.disc.privatelink.prod.migration.windowsazure.com\r\n");
    out.text(
        "appliance/system-account/reg-query-internet-settings.txt",
        "\r\nHKEY_USERS\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n"
            + "    ProxyEnable    REG_DWORD    0x1\r\n"
            + "    ProxyServer    REG_SZ    "
            + PROXY
            + ":8080\r\n"
            + "    ProxyOverride    REG_SZ    *.corp.example.de;<local>\r\n\r\n");
    out.text(
        "appliance/system-account/netsh-winhttp-show-proxy.txt",
        "\r\nCurrent WinHTTP proxy settings:\r\n\r\n    Proxy Server(s) :  "
            + PROXY
            + ":8080\r\n    Bypass List     :  *.corp.example.de;<local>\r\n\r\n");
  }

  /** One upload: ProxySG's header block, then the rows. */
  private static List<String> upload(String start, List<String> rows) {
    List<String> lines = new ArrayList<>();
    lines.add("#Software: SGOS 7.3.18 (SWG Edition)");
    lines.add("#Version: 1.0");
    lines.add("#Start-Date: " + start);
    lines.add("#Date: " + start);
    lines.add(ProxyLogFormat.PROXYSG_REPORTER_FIELDS);
    lines.add("#Remark: 0416290071 \"sg-fra-01\" \"" + PROXY + "\" \"main\"");
    lines.addAll(rows);
    return lines;
  }

  private ProxyLog proxyLog() {
    List<BackgroundTraffic.Client> clients = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      clients.add(
          new BackgroundTraffic.Client(
              "172.16.40." + (10 + i), "-", rng.pick(BackgroundTraffic.BROWSER_AGENTS)));
    }
    ProxyLog log = new ProxyLog();
    log.add(
        new BackgroundTraffic(rng, SquidVersion.V6, BERLIN, clients, Map.of())
            .between(
                Instant.parse("2026-05-18T06:00:00Z"), Instant.parse("2026-05-19T13:00:00Z"), 150));
    // The appliance's everyday traffic to the names the policy allows one by one.
    List<String> allowed =
        List.of(
            "login.microsoftonline.com",
            "management.azure.com",
            "graph.microsoft.com",
            "aadcdn.msftauth.net",
            "login.windows.net");
    for (long t = ms("2026-05-18T12:10:00Z");
        t < ms("2026-05-19T13:00:00Z");
        t += rng.between(90_000, 420_000)) {
      String host = rng.pick(allowed);
      log.add(Requests.tunnel(rng, t, APPLIANCE, host, Addresses.publicIp(host, Map.of()), "-"));
    }
    // 08:15 CEST: the configuration manager registers, with the proxy and no bypass list yet.
    long t = ms("2026-05-19T06:15:07Z");
    List<String> first =
        List.of(asr("id1"), asr("rcm1"), asr("srs1"), KEY_VAULT, MIGRATE, SERVICE_BUS);
    for (int round = 0; round < 5; round++) {
      for (String host : first) {
        log.add(
            Requests.denied(
                rng, t + rng.between(0, 15_000), APPLIANCE, host, 403, CONFIG_MANAGER_UA));
      }
      t += rng.between(160_000, 280_000);
    }
    // 08:40: EnableProxyBypassList and the bypass list; Service Bus still goes to the proxy.
    for (long s = ms("2026-05-19T06:41:10Z");
        s < ms("2026-05-19T07:22:00Z");
        s += rng.between(30_000, 75_000)) {
      log.add(Requests.denied(rng, s, APPLIANCE, SERVICE_BUS, 403, CONFIG_MANAGER_UA));
    }
    // 09:22: the Service Bus FQDN is allowed on the ProxySG.
    for (long s = ms("2026-05-19T07:22:40Z");
        s < ms("2026-05-19T13:00:00Z");
        s += rng.between(180_000, 320_000)) {
      log.add(Requests.tunnel(rng, s, APPLIANCE, SERVICE_BUS, "198.51.100.77", CONFIG_MANAGER_UA));
    }
    // 09:30: the system account's services send the vault's privatelink names to the proxy.
    for (long s = ms("2026-05-19T07:30:15Z");
        s < ms("2026-05-19T08:16:00Z");
        s += rng.between(40_000, 85_000)) {
      log.add(
          Requests.denied(
              rng, s, APPLIANCE, asr(rng.pick("rcm1", "rcm1", "srs1", "tel1")), 403, WINHTTP));
    }
    // 11:05: initial replication; the process server cannot reach the cache storage account.
    for (long s = ms("2026-05-19T09:05:44Z");
        s < ms("2026-05-19T09:58:00Z");
        s += rng.between(20_000, 55_000)) {
      log.add(Requests.denied(rng, s, APPLIANCE, CACHE_BLOB, 403, STORAGE_UA));
    }
    return log;
  }

  private List<String> privateEndpoints() {
    List<String> rows = new ArrayList<>();
    rows.add("PrivateEndpoint,ResourceGroup,PrivateIpAddress,Fqdn,GroupId");
    String[] roles = {"id1", "rcm1", "srs1", "tel1", "prot2"};
    for (int i = 0; i < roles.length; i++) {
      rows.add(
          "pe-asr-weu,rg-asr-weu,10.60.4."
              + (10 + i)
              + ","
              + asr(roles[i]).replace(".privatelink.", ".")
              + ",AzureSiteRecovery");
    }
    rows.add("asrkvweu4k8m2-pe,rg-asr-weu,10.60.4.20," + KEY_VAULT + ",vault");
    rows.add(
        "asrmigrateweu-pe,rg-asr-weu,10.60.4.21,"
            + MIGRATE.replace(".privatelink.", ".")
            + ",Default");
    rows.add("pe-asrcache-weu,rg-asr-weu,10.60.4.25," + CACHE_BLOB + ",blob");
    return rows;
  }

  private static String applianceJson() {
    return """
        {
          "Cloud": "Public",
          "ComponentVersion": "9.63.7187.1",
          "FabricType": "VMware",
          "ScaleOut": false,
          "PrivateEndpointEnabled": true,
          "VddkInstallerFolder": "",
          "IsApplianceRegistered": "false",
          "DiscoveryInitiated": "true",
          "EnableProxyBypassList": "true",
          "ProviderId": "2b7d5e90-1c4a-4f3e-9a6b-0d8c7e5f4a31",
          "EnableAzureStackHCITarget": false
        }
        """
        .replace("\n", "\r\n");
  }
}
