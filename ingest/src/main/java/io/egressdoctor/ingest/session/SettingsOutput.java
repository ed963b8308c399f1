package io.egressdoctor.ingest.session;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proxy and resolver settings shown in a session: {@code netsh winhttp show proxy} and {@code reg
 * query ...\Internet Settings} (read by the format files of the collected captures, so the same
 * rules compare them), and the DNS servers of {@code ipconfig /all} (as resolv.conf's name
 * servers).
 */
final class SettingsOutput {

  private static final Pattern ADAPTER = Pattern.compile("^(\\S.*?adapter .+?):\\s*$");
  private static final Pattern DNS_SERVERS =
      Pattern.compile("^\\s+DNS Servers[ .]*:\\s*(\\S+)\\s*$");
  private static final Pattern CONTINUATION = Pattern.compile("^\\s{20,}(\\S+)\\s*$");

  private SettingsOutput() {}

  static List<Block.Found> winHttp(Block block) {
    return FormatReuse.read("windows-winhttp-proxy", block, texts(block));
  }

  static List<Block.Found> registry(Block block) {
    return FormatReuse.read("windows-registry-proxy", block, texts(block));
  }

  static List<Block.Found> ipconfig(Block block) {
    List<Block.Found> out = new ArrayList<>();
    String adapter = null;
    boolean inServers = false;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.text(i);
      Matcher m;
      if ((m = ADAPTER.matcher(line)).find()) {
        adapter = m.group(1);
        inServers = false;
      } else if ((m = DNS_SERVERS.matcher(line)).find()) {
        inServers = add(out, adapter, m.group(1), i);
      } else if (inServers && (m = CONTINUATION.matcher(line)).find()) {
        inServers = add(out, adapter, m.group(1), i);
      } else {
        inServers = false;
      }
    }
    return out;
  }

  private static boolean add(List<Block.Found> out, String adapter, String server, int line) {
    String ip = server.replaceFirst("%\\d+$", "");
    if (!IpAddresses.isLiteral(ip)) {
      return false;
    }
    Event.Builder b =
        Event.builder("os.resolver")
            .set(Fields.EVENT_KIND, "state")
            .add(Fields.EVENT_CATEGORY, "configuration")
            .add(Fields.EVENT_TYPE, "info")
            .set(Fields.CONFIG_SOURCE, "ipconfig /all")
            .set(Fields.SERVICE_NAME, "resolver")
            .set("labels.setting", "nameserver")
            .set("labels.nameserver", ip)
            .add(Fields.RELATED_IP, ip);
    if (adapter != null) {
      b.set("labels.adapter", adapter);
    }
    out.add(new Block.Found(b, line, line));
    return true;
  }

  static List<String> texts(Block block) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < block.lines().size(); i++) {
      out.add(block.text(i));
    }
    return out;
  }
}
