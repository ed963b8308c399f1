package io.egressdoctor.collect;

import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.catalog.RequiredEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Gathers what a report needs from a machine where an agent or appliance install failed, into one
 * zip: agent, installer and appliance logs from their standard Linux and Windows locations, the
 * proxy environment and the system account's proxy settings, hosts files, how the required
 * endpoints resolve from here and whether they, the proxies and the replication servers answer on
 * TCP. Secrets are masked on the way in ({@link SecretScrubber}); credential and key files are
 * never read into the bundle; very large logs keep their newest part.
 *
 * <p>What it looks for is the shared collect data ({@link CollectData}), which {@code
 * collect/egress-doctor-collect.sh} and {@code .ps1} embed; they write the same bundle layout.
 */
public final class BundleCollector {

  /** Bundle entry holding the proxy variables of the collecting process. */
  public static final String PROXY_ENVIRONMENT = "proxy-environment.env";

  /** Bundle entry holding the DNS answers. */
  public static final String DNS_RESOLUTION = "dns-resolution.tsv";

  /** Bundle entry holding the TCP checks. */
  public static final String TCP_REACHABILITY = "tcp-reachability.tsv";

  /** Bundle entry listing what was and was not found. */
  public static final String MANIFEST = "collect-manifest.txt";

  /** The name of this collector in the manifest. */
  static final String NAME = "jar";

  private static final String SP = "[" + SecretScrubber.SPACE + "]";
  private static final String BL = "[" + SecretScrubber.BLANK + "]";

  /** AWS regions named in logs; ASCII classes only, so the PowerShell collector's copy agrees. */
  static final String REGION_PATTERN =
      "(?:(?<![A-Za-z0-9_])(?:mgn|drs|s3|ec2)\\.|--region[= ]|\"region\""
          + BL
          + "*:"
          + BL
          + "*\")([a-z]{2}(?:-gov)?-[a-z]+-[0-9])(?![A-Za-z0-9_])";

  /** IPv4 addresses written as {@code address:PORT} (the replication servers). */
  static final String SERVER_TEMPLATE =
      "(?<![0-9.])([0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}):{PORT}(?![0-9])";

  /** A {@code NAME=value} line of {@code /etc/environment}, {@code export} allowed. */
  static final String ENV_LINE_PATTERN =
      "^"
          + SP
          + "*(?:export"
          + SP
          + "+)?([A-Za-z_][A-Za-z0-9_]*)"
          + SP
          + "*="
          + SP
          + "*(.*?)"
          + SP
          + "*$";

  private static final Pattern AWS_REGION = Pattern.compile(REGION_PATTERN);

  private static final Pattern ENV_LINE = Pattern.compile(ENV_LINE_PATTERN);

  private static final Pattern IPV4 = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

  /**
   * How to collect.
   *
   * @param root the machine's root folder
   * @param live whether the root is this machine's own (commands run only then)
   * @param os this machine's system: {@code windows}, {@code linux} or {@code other}
   * @param output the zip to write
   * @param environment the process environment to read proxy variables from
   * @param resolver the DNS resolver
   * @param tcp the TCP probe
   * @param commands runs the live machine's commands
   * @param catalog the required endpoints to resolve
   * @param regions regions to resolve endpoints for, besides those found in the logs
   * @param extraNames more names to resolve
   * @param dns whether to resolve names
   * @param tcpChecks whether to check TCP reachability
   * @param maxFileBytes the most kept of one file; larger files keep their end
   * @param clock the time stamped in the manifest
   */
  public record Options(
      Path root,
      boolean live,
      String os,
      Path output,
      Map<String, String> environment,
      HostResolver resolver,
      TcpProbe tcp,
      CommandRunner commands,
      EndpointCatalog catalog,
      List<String> regions,
      List<String> extraNames,
      boolean dns,
      boolean tcpChecks,
      long maxFileBytes,
      Clock clock) {

    public Options {
      regions = List.copyOf(regions);
      extraNames = List.copyOf(extraNames);
    }
  }

  private final Options options;
  private final CollectData data;

  /** A collector with these options, gathering what the built-in collect data lists. */
  public BundleCollector(Options options) {
    this.options = options;
    this.data = CollectData.builtIn();
  }

  /** What the collection found, as the manifest lists it. */
  private static final class Found {
    final List<String> files = new ArrayList<>();
    final List<String> notFound = new ArrayList<>();
    final List<String> notCollected = new ArrayList<>();
    final List<String> scrubbed = new ArrayList<>();
    final Map<String, Integer> masked = new java.util.LinkedHashMap<>();
    final List<String> truncated = new ArrayList<>();
    final List<String> commands = new ArrayList<>();
    final Set<String> products = new TreeSet<>();
    final Set<String> regions = new TreeSet<>();
    final Set<String> replicationServers = new TreeSet<>();
    final List<String> envProxyValues = new ArrayList<>();
    final List<String> proxyValues = new ArrayList<>();
  }

  /** Writes the bundle and says what is in it. */
  public CollectResult collect() throws IOException {
    Path output = options.output().toAbsolutePath();
    Files.createDirectories(output.getParent());
    Path partial = output.resolveSibling(output.getFileName() + ".partial");
    Found found = new Found();
    found.regions.addAll(options.regions());
    List<String> resolved;
    List<String> tcp;
    String now = options.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
    OwnerOnly.create(partial);
    try (OutputStream raw = Files.newOutputStream(partial, StandardOpenOption.TRUNCATE_EXISTING);
        ZipOutputStream zip = new ZipOutputStream(raw, StandardCharsets.UTF_8)) {
      collectFiles(zip, found);
      runCommands(zip, found);
      String env = proxyEnvironment(found);
      put(zip, PROXY_ENVIRONMENT, env.getBytes(StandardCharsets.UTF_8), new byte[0]);
      ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
      try {
        resolved = options.dns() ? resolve(pool, names(found.products, found.regions)) : List.of();
        tcp = options.tcpChecks() ? tcpChecks(pool, found, resolved) : List.of();
      } finally {
        pool.shutdownNow();
      }
      put(
          zip,
          DNS_RESOLUTION,
          dnsFile(resolved, now).getBytes(StandardCharsets.UTF_8),
          new byte[0]);
      put(zip, TCP_REACHABILITY, tcpFile(tcp, now).getBytes(StandardCharsets.UTF_8), new byte[0]);
      String manifest = manifest(found, resolved, tcp, now);
      put(zip, MANIFEST, manifest.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }
    Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
    return new CollectResult(
        output, found.files, found.notFound, found.notCollected, resolved, tcp, found.scrubbed);
  }

  private void collectFiles(ZipOutputStream zip, Found found) throws IOException {
    Set<Path> seen = new HashSet<>();
    for (CollectData.Location location : data.files()) {
      List<Path> matches =
          CollectLocations.find(
              options.root(), location.pattern(), link -> linkSkipped(found, link));
      if (matches.isEmpty()) {
        found.notFound.add(location.pattern() + "  (" + location.what() + ")");
      }
      for (Path file : matches) {
        if (!seen.add(file.toAbsolutePath().normalize())) {
          continue;
        }
        String relative = relative(file);
        String never = data.neverReason(file.getFileName().toString());
        if (never != null) {
          found.notCollected.add(relative + "  (" + never + ")");
          continue;
        }
        Content content;
        try {
          content = read(file);
        } catch (LinkException e) {
          linkSkipped(found, file);
          continue;
        } catch (AccessDeniedException e) {
          found.notCollected.add(relative + "  (unreadable: permission denied)");
          continue;
        } catch (IOException e) {
          // One unreadable log (a file locked by the agent) must not lose the rest.
          found.notCollected.add(relative + "  (unreadable: " + e.getClass().getSimpleName() + ")");
          continue;
        }
        String key = data.keyReason(content.text());
        if (key != null) {
          found.notCollected.add(relative + "  (" + key + ")");
          continue;
        }
        if (content.truncated()) {
          found.truncated.add(relative);
        }
        String clean = scrub(found, content.text());
        if (!clean.equals(content.text())) {
          found.scrubbed.add(relative);
        }
        put(zip, "files/" + relative, clean.getBytes(content.charset()), content.bom());
        found.files.add(relative);
        if (!location.product().isEmpty()) {
          found.products.add(location.product());
        }
        found.regions.addAll(regionsIn(clean));
        if (location.product().equals("aws-replication")) {
          found.replicationServers.addAll(
              replicationServersIn(clean, data.ports().get("replication-server")));
        }
        if (relative.equals("etc/environment")) {
          clean.lines().forEach(line -> proxyValue(line).ifPresent(found.proxyValues::add));
        }
      }
    }
  }

  private void runCommands(ZipOutputStream zip, Found found) throws IOException {
    for (CollectData.Command command : data.commands()) {
      String what = command.entry() + "  (" + command.line() + ": ";
      if (!options.live()) {
        found.commands.add(what + "not run, --root reads another machine)");
        continue;
      }
      if (!command.os().equals(options.os())) {
        found.commands.add(what + "not run, not on " + command.os() + ")");
        continue;
      }
      CommandRunner.Result result;
      try {
        result = options.commands().run(command.argv(), Duration.ofSeconds(30));
      } catch (IOException e) {
        found.commands.add(what + "failed, " + e.getMessage() + ")");
        continue;
      }
      String clean = scrub(found, result.output());
      if (!clean.equals(result.output())) {
        found.scrubbed.add(command.entry());
      }
      put(zip, command.entry(), clean.getBytes(StandardCharsets.UTF_8), new byte[0]);
      found.commands.add(
          what + (result.exitCode() == 0 ? "ok" : "exit " + result.exitCode()) + ")");
    }
  }

  private String relative(Path file) {
    return options.root().relativize(file).toString().replace('\\', '/');
  }

  private record Content(String text, Charset charset, byte[] bom, boolean truncated) {}

  /** A file that turned out to be, or to lie under, a symbolic link when opened. */
  private static final class LinkException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Reads a file's text (its end when large), keeping its encoding so it is written back alike.
   * Opened without following a link (O_NOFOLLOW), and its real path checked once open: a file
   * swapped for a link since it was listed, or reached through a folder swapped for one, is not
   * read.
   */
  private Content read(Path file) throws IOException {
    byte[] bytes;
    long size;
    long keep;
    try (SeekableByteChannel ch =
        Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      Path real = file.toRealPath();
      if (!real.equals(options.root().toRealPath().resolve(options.root().relativize(file)))) {
        throw new LinkException();
      }
      size = ch.size();
      keep = Math.min(size, options.maxFileBytes());
      bytes = new byte[(int) keep];
      ch.position(size - keep);
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // read until full: a file may shrink while it is read, then the rest stays zero
      }
    } catch (FileSystemException e) {
      if (Files.isSymbolicLink(file)) {
        throw new LinkException();
      }
      throw e;
    }
    boolean truncated = keep < size;
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe && !truncated) {
      return new Content(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
          StandardCharsets.UTF_16LE,
          new byte[] {(byte) 0xff, (byte) 0xfe},
          false);
    }
    // ISO-8859-1 maps every byte to one char and back, so UTF-8 logs come back unchanged.
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (truncated) {
      int newline = text.indexOf('\n');
      text = newline >= 0 ? text.substring(newline + 1) : text;
    }
    return new Content(text, StandardCharsets.ISO_8859_1, new byte[0], truncated);
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes, byte[] bom)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bom);
    zip.write(bytes);
    zip.closeEntry();
  }

  /** The text masked, its masked lines counted by kind for the manifest. */
  private static String scrub(Found found, String text) {
    SecretScrubber.Result r = SecretScrubber.scrubCounting(text);
    r.counts().forEach((kind, n) -> found.masked.merge(kind, n, Integer::sum));
    return r.text();
  }

  /** A symbolic link met below the root: never followed, listed once as not collected. */
  private void linkSkipped(Found found, Path link) {
    String line = relative(link) + "  (symbolic link, not followed)";
    if (!found.notCollected.contains(line)) {
      found.notCollected.add(line);
    }
  }

  private boolean isProxyVariable(String name) {
    return data.variables().contains(name.toLowerCase(Locale.ROOT));
  }

  private String proxyEnvironment(Found found) {
    var sb =
        new StringBuilder("# Proxy variables of the process that ran egress-doctor collect.\n");
    new TreeMap<>(options.environment())
        .forEach(
            (k, v) -> {
              if (isProxyVariable(k)) {
                // The whole NAME=value line, as sed masks it: a proxy without a scheme
                // (user:password@host) is known for one by its variable's name.
                String line = scrub(found, k + "=" + v);
                String clean = line.substring(line.indexOf('=') + 1);
                sb.append(line).append('\n');
                if (!k.toLowerCase(Locale.ROOT).equals("no_proxy")) {
                  found.envProxyValues.add(clean);
                }
              }
            });
    return sb.toString();
  }

  /** The value of a proxy variable set on an {@code /etc/environment} line, unquoted. */
  private Optional<String> proxyValue(String line) {
    Matcher m = ENV_LINE.matcher(line);
    if (!m.matches()
        || !isProxyVariable(m.group(1))
        || m.group(1).toLowerCase(Locale.ROOT).equals("no_proxy")) {
      return Optional.empty();
    }
    return Optional.of(unquote(m.group(2)));
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  /**
   * A proxy URL's host and port: the port given, else 80 for http and 443 for https; empty when
   * neither is known.
   */
  static Optional<String[]> proxyTarget(String url) {
    String v = unquote(url.strip());
    String scheme = "";
    int sep = v.indexOf("://");
    if (sep >= 0) {
      scheme = v.substring(0, sep).toLowerCase(Locale.ROOT);
      v = v.substring(sep + 3);
    }
    int slash = v.indexOf('/');
    if (slash >= 0) {
      v = v.substring(0, slash);
    }
    int at = v.lastIndexOf('@');
    if (at >= 0) {
      v = v.substring(at + 1);
    }
    String host = v;
    String port = scheme.equals("http") ? "80" : scheme.equals("https") ? "443" : "";
    int colon = v.lastIndexOf(':');
    if (colon >= 0) {
      host = v.substring(0, colon);
      port = v.substring(colon + 1);
    }
    if (host.isEmpty() || host.contains(":") || !port.matches("[0-9]+")) {
      return Optional.empty();
    }
    return Optional.of(new String[] {host, port});
  }

  static Set<String> regionsIn(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = AWS_REGION.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The IPv4 addresses written as {@code address:port} in the text. */
  static Set<String> replicationServersIn(String text, int port) {
    Set<String> out = new TreeSet<>();
    Matcher m =
        Pattern.compile(SERVER_TEMPLATE.replace("{PORT}", Integer.toString(port))).matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The names to resolve: each required endpoint of the products the files show, per region. */
  List<String> names(Set<String> products, Set<String> regions) {
    Set<String> names = new TreeSet<>(options.extraNames());
    EndpointCatalog catalog = options.catalog();
    for (String product : products) {
      for (String service : data.services(product, catalog)) {
        for (RequiredEndpoint endpoint : catalog.endpoints(service)) {
          if (endpoint.host().startsWith("*.")) {
            continue;
          }
          if (endpoint.host().contains("<region>")) {
            regions.forEach(r -> names.add(endpoint.hostFor(r)));
          } else {
            names.add(endpoint.host());
          }
        }
      }
    }
    return List.copyOf(names);
  }

  /** Resolves one name, bounded by the DNS timeout. */
  private String answer(ExecutorService pool, String name) {
    Future<List<String>> future = pool.submit(() -> options.resolver().resolve(name));
    try {
      List<String> addresses = future.get(data.setting("dns-timeout-seconds"), TimeUnit.SECONDS);
      // IPv4 first, each once, whatever order the resolver gave: the scripts write the same.
      Set<String> ordered = new LinkedHashSet<>();
      addresses.stream().filter(a -> IPV4.matcher(a).matches()).forEach(ordered::add);
      ordered.addAll(addresses);
      return ordered.isEmpty() ? "ERROR unknown host" : String.join(",", ordered);
    } catch (TimeoutException e) {
      future.cancel(true);
      return "ERROR timeout";
    } catch (ExecutionException e) {
      return e.getCause() instanceof UnknownHostException
          ? "ERROR unknown host"
          : "ERROR " + e.getCause().getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "ERROR interrupted";
    }
  }

  private List<String> resolve(ExecutorService pool, List<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      out.add(name + "\t" + answer(pool, name));
    }
    return out;
  }

  /** The address to connect to: the first IPv4 one, else the first. */
  private static String pick(String addresses) {
    List<String> all = List.of(addresses.split(","));
    return all.stream().filter(a -> IPV4.matcher(a).matches()).findFirst().orElse(all.get(0));
  }

  /** Proxies on their ports, resolved endpoints on 443, replication servers on 1500. */
  private List<String> tcpChecks(ExecutorService pool, Found found, List<String> resolved) {
    record Target(String kind, String name, String address, int port) {}
    List<Target> targets = new ArrayList<>();
    Set<String> proxies = new LinkedHashSet<>();
    List<String> values = new ArrayList<>(found.envProxyValues);
    values.addAll(found.proxyValues);
    for (String value : values) {
      proxyTarget(value).ifPresent(t -> proxies.add(t[0] + ":" + t[1]));
    }
    for (String proxy : proxies) {
      int colon = proxy.lastIndexOf(':');
      String host = proxy.substring(0, colon);
      String address;
      if (IPV4.matcher(host).matches()) {
        address = host;
      } else if (!options.dns()) {
        address = "ERROR not resolved (--no-dns)";
      } else {
        String a = answer(pool, host);
        address = a.startsWith("ERROR") ? a : pick(a);
      }
      targets.add(new Target("proxy", host, address, Integer.parseInt(proxy.substring(colon + 1))));
    }
    int endpointPort = data.ports().get("endpoint");
    for (String line : resolved) {
      String[] f = line.split("\t", 2);
      if (!f[1].startsWith("ERROR")) {
        targets.add(new Target("endpoint", f[0], pick(f[1]), endpointPort));
      }
    }
    int replicationPort = data.ports().get("replication-server");
    found.replicationServers.stream()
        .limit(data.setting("max-replication-servers"))
        .forEach(a -> targets.add(new Target("replication-server", a, a, replicationPort)));
    Duration timeout = Duration.ofSeconds(data.setting("tcp-timeout-seconds"));
    List<String> out = new ArrayList<>();
    long max = data.setting("max-tcp-checks");
    for (Target t : targets) {
      if (out.size() == max) {
        out.add("# " + (targets.size() - max) + " more targets not checked (at most " + max + ")");
        break;
      }
      String result =
          t.address().startsWith("ERROR")
              ? t.address()
              : options.tcp().check(t.address(), t.port(), timeout);
      String address = t.address().startsWith("ERROR") ? "-" : t.address();
      out.add(t.kind() + "\t" + t.name() + "\t" + address + "\t" + t.port() + "\t" + result);
    }
    return out;
  }

  private String dnsFile(List<String> resolved, String now) {
    var sb = new StringBuilder("# name\taddresses (comma-separated) or ERROR reason, resolved at ");
    sb.append(now).append('\n');
    if (!options.dns()) {
      sb.append("# not resolved: --no-dns\n");
    }
    resolved.forEach(line -> sb.append(line).append('\n'));
    return sb.toString();
  }

  private String tcpFile(List<String> checks, String now) {
    var sb =
        new StringBuilder(
            "# kind\ttarget\taddress\tport\topen, refused, timeout or ERROR reason, checked at ");
    sb.append(now).append(", timeout ").append(data.setting("tcp-timeout-seconds")).append(" s\n");
    if (!options.tcpChecks()) {
      sb.append("# not checked: --no-tcp\n");
    }
    checks.forEach(line -> sb.append(line).append('\n'));
    return sb.toString();
  }

  private String manifest(Found found, List<String> resolved, List<String> tcp, String now) {
    var sb = new StringBuilder();
    sb.append("egress-doctor collect (").append(NAME).append("), ").append(now).append('\n');
    sb.append("root: ").append(options.root()).append('\n');
    section(sb, "collected:", found.files);
    section(sb, "secrets masked in:", found.scrubbed);
    section(
        sb,
        "secrets masked (lines, by kind):",
        SecretScrubber.kinds().stream()
            .filter(k -> found.masked.getOrDefault(k, 0) > 0)
            .map(k -> k + "  (" + found.masked.get(k) + ")")
            .toList());
    section(sb, "kept only the newest " + options.maxFileBytes() + " bytes of:", found.truncated);
    section(sb, "commands:", found.commands);
    sb.append("\nproducts seen: ").append(String.join(", ", found.products));
    sb.append("\nregions seen: ").append(String.join(", ", found.regions));
    sb.append("\ndns answers: ")
        .append(options.dns() ? resolved.size() + " names" : "skipped (--no-dns)");
    long checks = tcp.stream().filter(l -> !l.startsWith("#")).count();
    sb.append("\ntcp checks: ")
        .append(options.tcpChecks() ? checks + " targets" : "skipped (--no-tcp)")
        .append('\n');
    section(sb, "not collected:", found.notCollected);
    section(sb, "not found:", found.notFound);
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, List<String> lines) {
    sb.append('\n').append(title).append('\n');
    lines.forEach(l -> sb.append("  ").append(l).append('\n'));
  }
}
