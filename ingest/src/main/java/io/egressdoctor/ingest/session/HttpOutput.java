package io.egressdoctor.ingest.session;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.ingest.declarative.EcsValues;
import io.egressdoctor.ingest.declarative.HostPort;
import io.egressdoctor.ingest.declarative.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests typed by hand through a proxy: {@code curl -v}, {@code wget}, {@code Invoke-WebRequest}
 * and {@code openssl s_client}. Each gives one event of dataset {@code session.http}: the URL, the
 * proxy, the CONNECT status, the final status, the TLS error and the certificate issuer shown. A
 * proxy that could not be reached at all also gives a TCP check of kind {@code proxy}, as the
 * collector's tcp-reachability.tsv would.
 */
final class HttpOutput {

  static final String DATASET = "session.http";

  private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s\"'<>`]+");
  private static final Pattern CURL_PROXY_ENV =
      Pattern.compile("^\\* Uses proxy env variable \\S+ == '([^']+)'");
  private static final Pattern CURL_CONNECTED =
      Pattern.compile("^\\* Connected to (\\S+) \\(([^)]+)\\) port (\\d+)");
  private static final Pattern CURL_CONNECT = Pattern.compile("^> CONNECT (\\S+?):(\\d+) HTTP");
  private static final Pattern CURL_STATUS = Pattern.compile("^< HTTP/[\\d.]+ (\\d{3})");
  private static final Pattern CURL_ISSUER = Pattern.compile("^\\*\\s+issuer: (.+?)\\s*$");
  private static final Pattern CURL_SUBJECT = Pattern.compile("^\\*\\s+subject: (.+?)\\s*$");
  private static final Pattern CURL_ERROR = Pattern.compile("^curl: \\((\\d+)\\) (.+?)\\s*$");
  private static final Pattern CURL_CONNECT_FAILED =
      Pattern.compile("Failed to connect to (\\S+) port (\\d+)(?: after \\d+ ms)?: (.+)$");
  private static final Pattern CURL_PROXY_UNRESOLVED =
      Pattern.compile("Could not resolve proxy: (\\S+)");
  private static final Pattern WGET_CONNECTING =
      Pattern.compile(
          "^Connecting to (?:(?<name>\\S+) \\(\\S+\\)\\|(?<ip>[^|]+)\\||(?<host>[^\\s|]+?)):(?<port>\\d+)\\.\\.\\."
              + " (?:connected|failed: (?<why>.+?))\\.?\\s*$");
  private static final Pattern WGET_TUNNEL = Pattern.compile("^Proxy tunneling failed: (.+?)\\s*$");
  private static final Pattern WGET_RESPONSE =
      Pattern.compile("^(Proxy|HTTP) request sent, awaiting response\\.\\.\\. (\\d{3})\\b(.*)$");
  private static final Pattern WGET_CERT =
      Pattern.compile(
          "^ERROR: cannot verify (\\S+?)'s certificate, issued by [‘'`\"](.+?)[’'\"]:?\\s*$");
  private static final Pattern WGET_ERROR =
      Pattern.compile("^(?:\\S+ \\S+ )?ERROR (\\d{3}): (.+)$");
  private static final Pattern WGET_UNRESOLVED =
      Pattern.compile("^(?:wget: unable to resolve host address|Resolving \\S+.*failed:).*$");
  private static final Pattern IWR_ERROR =
      Pattern.compile("^(?:Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\\s*:\\s*(.+?)\\s*$");
  private static final Pattern IWR_STATUS_CODE =
      Pattern.compile("\\((\\d{3})\\)|status code does not indicate success: (\\d{3})");
  private static final Pattern IWR_STATUS = Pattern.compile("^StatusCode\\s*:\\s*(\\d{3})\\s*$");
  private static final Pattern OPENSSL_DEPTH = Pattern.compile("^depth=(\\d+) (.+?)\\s*$");
  private static final Pattern OPENSSL_ISSUER =
      Pattern.compile("^(?:issuer=|\\s+i:)\\s*(.+?)\\s*$");
  private static final Pattern OPENSSL_SUBJECT =
      Pattern.compile("^(?:subject=|\\s*0 s:)\\s*(.+?)\\s*$");
  private static final Pattern OPENSSL_VERIFY =
      Pattern.compile("^\\s*Verify return code: (\\d+) \\((.+)\\)\\s*$");
  private static final Pattern OPENSSL_ERROR =
      Pattern.compile("^(?:\\d+:error:|\\S+:error:|connect:|s_client: ).*$|^.*:errno=\\d+.*$");

  private HttpOutput() {}

  /** What one request showed, as it is gathered. */
  private static final class Request {
    String url;
    String proxy;
    Integer connectStatus;
    Integer status;
    String issuer;
    String subject;
    String errorCode;
    String error;
    String tcpFailure;
    String tcpTarget;
    String tcpPort;
    String tcpReason;
    int from = -1;
    int to = -1;

    void seen(int i) {
      from = from < 0 ? i : from;
      to = i;
    }
  }

  static List<Block.Found> curl(Block block) {
    Request r = new Request();
    r.url = firstUrl(block.command());
    r.proxy = TcpOutput.option(block.command(), "-x", "--proxy");
    boolean connectSent = false;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.text(i);
      Matcher m;
      if ((m = CURL_PROXY_ENV.matcher(line)).find()) {
        r.proxy = m.group(1);
        r.seen(i);
      } else if ((m = CURL_CONNECT.matcher(line)).find()) {
        connectSent = true;
        if (r.url == null) {
          r.url = "https://" + m.group(1) + (m.group(2).equals("443") ? "" : ":" + m.group(2));
        }
        r.seen(i);
      } else if ((m = CURL_STATUS.matcher(line)).find()) {
        int status = Integer.parseInt(m.group(1));
        boolean tunnel =
            connectSent || (r.proxy != null && r.url != null && r.url.startsWith("https"));
        if (tunnel && r.connectStatus == null) {
          r.connectStatus = status;
        } else {
          r.status = status;
        }
        r.seen(i);
      } else if ((m = CURL_ISSUER.matcher(line)).find()) {
        r.issuer = m.group(1);
        r.seen(i);
      } else if ((m = CURL_SUBJECT.matcher(line)).find()) {
        r.subject = m.group(1);
        r.seen(i);
      } else if ((m = CURL_ERROR.matcher(line)).find()) {
        r.errorCode = "curl " + m.group(1);
        r.error = m.group(2);
        r.seen(i);
        tcpFailure(r, m.group(2));
      } else if (line.startsWith("* ") && (m = CURL_CONNECTED.matcher(line)).find()) {
        r.seen(i);
      }
    }
    if (r.from < 0) {
      return List.of();
    }
    if (connectSent && r.connectStatus != null && r.connectStatus >= 300) {
      r.status = r.connectStatus;
    }
    return found(r, block);
  }

  private static void tcpFailure(Request r, String message) {
    Matcher m = CURL_CONNECT_FAILED.matcher(message);
    if (m.find() && r.proxy != null && sameHost(hostOf(r.proxy), m.group(1))) {
      String text = m.group(3).toLowerCase(Locale.ROOT);
      r.tcpTarget = m.group(1);
      r.tcpPort = m.group(2);
      r.tcpReason =
          text.contains("refused") ? "refused" : text.contains("timed out") ? "timeout" : "failed";
      r.tcpFailure = m.group(3);
      return;
    }
    m = CURL_PROXY_UNRESOLVED.matcher(message);
    if (m.find()) {
      r.tcpTarget = m.group(1);
      r.tcpPort = r.proxy == null ? null : portOf(r.proxy);
      r.tcpReason = "ERROR";
      r.tcpFailure = "unknown host: " + message;
    }
  }

  static List<Block.Found> wget(Block block) {
    Request r = new Request();
    r.url = firstUrl(block.command());
    String connectedTo = null;
    String connectedPort = null;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.text(i);
      Matcher m;
      if (r.url == null && (m = URL.matcher(line)).find() && line.startsWith("--")) {
        r.url = m.group();
        r.seen(i);
      } else if ((m = WGET_CONNECTING.matcher(line)).find()) {
        connectedTo = m.group("name") != null ? m.group("name") : m.group("host");
        connectedPort = m.group("port");
        if (m.group("why") != null) {
          String text = m.group("why").toLowerCase(Locale.ROOT);
          r.error =
              "connecting to " + connectedTo + ":" + connectedPort + " failed: " + m.group("why");
          r.tcpTarget = connectedTo;
          r.tcpPort = connectedPort;
          r.tcpReason =
              text.contains("refused")
                  ? "refused"
                  : text.contains("timed out") ? "timeout" : "failed";
          r.tcpFailure = m.group("why");
        }
        r.seen(i);
      } else if ((m = WGET_TUNNEL.matcher(line)).find()) {
        r.error =
            "proxy tunneling failed: "
                + m.group(1).replace("Unable to establish SSL connection.", "").strip();
        if (m.group(1).startsWith("Forbidden")) {
          r.connectStatus = 403;
          r.status = 403;
        }
        r.seen(i);
      } else if ((m = WGET_RESPONSE.matcher(line)).find()) {
        int status = Integer.parseInt(m.group(2));
        if (m.group(1).equals("Proxy")) {
          // wget says "Proxy request sent" for the request it sends through a proxy.
          r.proxy =
              r.proxy == null && connectedTo != null ? connectedTo + ":" + connectedPort : r.proxy;
        }
        r.status = status;
        r.seen(i);
      } else if ((m = WGET_CERT.matcher(line)).find()) {
        r.issuer = m.group(2);
        r.error = "cannot verify " + m.group(1) + "'s certificate";
        if (i + 1 < block.lines().size() && block.text(i + 1).startsWith("  ")) {
          r.error += ": " + block.text(i + 1).strip();
          i++;
        }
        r.seen(i);
      } else if ((m = WGET_ERROR.matcher(line)).find()) {
        r.errorCode = "HTTP " + m.group(1);
        r.error = m.group(2);
        r.seen(i);
      } else if (WGET_UNRESOLVED.matcher(line).find()) {
        r.error = line.strip();
        r.seen(i);
      }
    }
    if (connectedTo != null
        && r.url != null
        && !sameHost(hostOf(r.url), connectedTo)
        && r.proxy == null) {
      // wget connected to another host than the URL's: the proxy.
      r.proxy = connectedTo + ":" + connectedPort;
    }
    if (r.tcpTarget != null && !sameHost(hostOf(r.proxy == null ? "" : r.proxy), r.tcpTarget)) {
      // A failed connection straight to the server, not to a proxy: no proxy check.
      r.tcpTarget = null;
    }
    return r.from < 0 ? List.of() : found(r, block);
  }

  static List<Block.Found> webRequest(Block block) {
    Request r = new Request();
    String uri = TcpOutput.option(block.command(), "-Uri");
    r.url = uri != null ? uri : firstUrl(block.command());
    r.proxy = TcpOutput.option(block.command(), "-Proxy");
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.text(i);
      Matcher m;
      if ((m = IWR_ERROR.matcher(line)).find()) {
        StringBuilder text = new StringBuilder(m.group(1));
        // The message goes on until PowerShell's "At line:1 char:1" position lines.
        int j = i + 1;
        while (j < block.lines().size()
            && !block.text(j).isBlank()
            && !block.text(j).startsWith("At line:")
            && !block.text(j).startsWith("+ ")
            && text.length() < 500) {
          text.append(' ').append(block.text(j).strip());
          j++;
        }
        r.error = text.toString();
        Matcher s = IWR_STATUS_CODE.matcher(r.error);
        if (s.find()) {
          r.status = Integer.parseInt(s.group(1) != null ? s.group(1) : s.group(2));
        }
        r.seen(i);
        r.seen(j - 1);
        String lower = r.error.toLowerCase(Locale.ROOT);
        if (lower.contains("proxy name could not be resolved") && r.proxy != null) {
          r.tcpTarget = hostOf(r.proxy);
          r.tcpPort = portOf(r.proxy);
          r.tcpReason = "ERROR";
          r.tcpFailure = "unknown host: " + r.error;
        } else if (lower.contains("unable to connect to the remote server") && r.proxy != null) {
          r.tcpTarget = hostOf(r.proxy);
          r.tcpPort = portOf(r.proxy);
          r.tcpReason = "failed";
          r.tcpFailure = r.error;
        }
        i = j - 1;
      } else if ((m = IWR_STATUS.matcher(line)).find()) {
        r.status = Integer.parseInt(m.group(1));
        r.seen(i);
      }
    }
    return r.from < 0 ? List.of() : found(r, block);
  }

  static List<Block.Found> openssl(Block block) {
    Request r = new Request();
    String connect = TcpOutput.option(block.command(), "-connect");
    String servername = TcpOutput.option(block.command(), "-servername");
    r.proxy = TcpOutput.option(block.command(), "-proxy");
    if (connect != null) {
      HostPort hp = HostPort.parse(connect);
      if (hp != null) {
        String host = servername != null ? servername : hp.host();
        r.url = "https://" + host + (hp.port() > 0 && hp.port() != 443 ? ":" + hp.port() : "");
      }
    }
    String deepestIssuer = null;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.text(i);
      Matcher m;
      if ((m = OPENSSL_DEPTH.matcher(line)).find()) {
        if (m.group(1).equals("0") || deepestIssuer == null) {
          deepestIssuer = m.group(2);
        }
        r.seen(i);
      } else if ((m = OPENSSL_ISSUER.matcher(line)).find()) {
        // The first issuer shown (of the leaf) is the one that matters; issuer= repeats it.
        if (r.issuer == null) {
          r.issuer = m.group(1);
        }
        r.seen(i);
      } else if ((m = OPENSSL_SUBJECT.matcher(line)).find()) {
        if (r.subject == null) {
          r.subject = m.group(1);
        }
        r.seen(i);
      } else if ((m = OPENSSL_VERIFY.matcher(line)).find()) {
        if (!m.group(1).equals("0")) {
          r.errorCode = "verify " + m.group(1);
          r.error = m.group(2);
        }
        r.seen(i);
      } else if (OPENSSL_ERROR.matcher(line).find() && r.error == null) {
        r.error = line.strip();
        r.seen(i);
      }
    }
    if (r.from < 0) {
      return List.of();
    }
    List<Block.Found> out = found(r, block);
    out.get(0).builder().set(Fields.EVENT_ACTION, "tls-check");
    return out;
  }

  private static List<Block.Found> found(Request r, Block block) {
    Event.Builder b =
        Event.builder(DATASET)
            .set(Fields.EVENT_KIND, "event")
            .add(Fields.EVENT_CATEGORY, "network")
            .add(Fields.EVENT_TYPE, "connection")
            .set(Fields.EVENT_ACTION, "http-check");
    if (r.url != null) {
      EcsValues.put(b, Fields.URL_ORIGINAL, r.url);
    }
    if (r.proxy != null) {
      b.set("labels.proxy", Secrets.mask(r.proxy));
      b.set(Fields.HTTP_REQUEST_METHOD, "CONNECT");
    }
    if (r.connectStatus != null) {
      b.set("labels.connect_status", Integer.toString(r.connectStatus));
    }
    if (r.status != null) {
      b.set(Fields.HTTP_RESPONSE_STATUS_CODE, (long) r.status);
    }
    if (r.issuer != null) {
      b.set("labels.tls_server_issuer", r.issuer);
    }
    if (r.subject != null) {
      b.set("labels.tls_server_subject", r.subject);
    }
    if (r.errorCode != null) {
      b.set(Fields.ERROR_CODE, r.errorCode);
    }
    if (r.error != null) {
      b.set(Fields.ERROR_MESSAGE, r.error);
    }
    boolean failed = r.error != null || (r.status != null && r.status >= 400);
    b.set(Fields.EVENT_OUTCOME, failed ? "failure" : r.status != null ? "success" : "unknown");
    if (failed) {
      b.add(Fields.EVENT_TYPE, "error");
    }
    int from = r.from < 0 ? 0 : r.from;
    int to = Math.max(from, r.to);
    List<Block.Found> out = new ArrayList<>();
    out.add(new Block.Found(b, block.prompt() != null ? -1 : from, to));
    if (r.tcpTarget != null) {
      Event.Builder tcp = TcpOutput.check(r.tcpTarget, null, r.tcpPort, r.tcpReason, r.tcpFailure);
      tcp.set("labels.check_kind", "proxy");
      out.add(new Block.Found(tcp, from, to));
    }
    return out;
  }

  private static String firstUrl(String command) {
    if (command == null) {
      return null;
    }
    Matcher m = URL.matcher(command);
    return m.find() ? m.group() : null;
  }

  /** The host of a URL or host:port. */
  static String hostOf(String proxyOrUrl) {
    String s = proxyOrUrl;
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int at = s.lastIndexOf('@');
    if (at >= 0) {
      s = s.substring(at + 1);
    }
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    HostPort hp = HostPort.parse(s);
    return hp == null ? s.toLowerCase(Locale.ROOT) : hp.host().toLowerCase(Locale.ROOT);
  }

  /** The port of a URL or host:port, or null. */
  static String portOf(String proxyOrUrl) {
    String s = proxyOrUrl;
    int scheme = s.indexOf("://");
    String rest = scheme >= 0 ? s.substring(scheme + 3) : s;
    int at = rest.lastIndexOf('@');
    rest = at >= 0 ? rest.substring(at + 1) : rest;
    int slash = rest.indexOf('/');
    rest = slash >= 0 ? rest.substring(0, slash) : rest;
    HostPort hp = HostPort.parse(rest);
    if (hp != null && hp.port() > 0) {
      return Long.toString(hp.port());
    }
    return s.startsWith("https://") ? "443" : s.startsWith("http://") ? "80" : null;
  }

  static boolean sameHost(String a, String b) {
    return a != null && b != null && a.equalsIgnoreCase(b);
  }
}
