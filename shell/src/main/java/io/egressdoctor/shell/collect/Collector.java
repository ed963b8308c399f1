package io.egressdoctor.shell.collect;

import io.egressdoctor.analyzers.catalog.EndpointCatalog;
import io.egressdoctor.analyzers.catalog.RequiredEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Gathers what a report needs from a machine where an agent or appliance install failed, into one
 * zip: agent, installer and appliance logs from their standard Linux and Windows locations, the
 * proxy environment, hosts files, and how the required endpoints resolve from here. Secrets are
 * masked on the way in ({@link SecretScrubber}); very large logs keep their newest part.
 */
public final class Collector {

  /** Bundle entry holding the proxy variables of the collecting process. */
  public static final String PROXY_ENVIRONMENT = "proxy-environment.env";

  /** Bundle entry holding the DNS answers. */
  public static final String DNS_RESOLUTION = "dns-resolution.tsv";

  /** Bundle entry listing what was and was not found. */
  public static final String MANIFEST = "collect-manifest.txt";

  private static final Set<String> PROXY_VARIABLES =
      Set.of("http_proxy", "https_proxy", "ftp_proxy", "all_proxy", "no_proxy");

  /** Catalog service id parts each kind of collected log shows. */
  private static final Map<String, List<String>> SERVICE_HINTS =
      Map.of(
          "aws-replication", List.of("mgn", "drs"),
          "asr", List.of("site-recovery"),
          "migrate", List.of("migrate", "site-recovery"));

  private static final Pattern AWS_REGION =
      Pattern.compile(
          "(?:\\b(?:mgn|drs|s3|ec2)\\.|--region[= ]|\"region\"\\s*:\\s*\")"
              + "([a-z]{2}(?:-gov)?-[a-z]+-\\d)\\b");

  /**
   * How to collect.
   *
   * @param root the machine's root folder
   * @param output the zip to write
   * @param environment the process environment to read proxy variables from
   * @param resolver the DNS resolver
   * @param catalog the required endpoints to resolve
   * @param regions regions to resolve endpoints for, besides those found in the logs
   * @param extraNames more names to resolve
   * @param maxFileBytes the most kept of one file; larger files keep their end
   * @param clock the time stamped in the manifest
   */
  public record Options(
      Path root,
      Path output,
      Map<String, String> environment,
      HostResolver resolver,
      EndpointCatalog catalog,
      List<String> regions,
      List<String> extraNames,
      long maxFileBytes,
      Clock clock) {

    public Options {
      regions = List.copyOf(regions);
      extraNames = List.copyOf(extraNames);
    }
  }

  private final Options options;

  /** A collector with these options. */
  public Collector(Options options) {
    this.options = options;
  }

  /** Writes the bundle and says what is in it. */
  public CollectResult collect() throws IOException {
    Path output = options.output().toAbsolutePath();
    Files.createDirectories(output.getParent());
    Path partial = output.resolveSibling(output.getFileName() + ".partial");
    List<String> files = new ArrayList<>();
    List<String> notFound = new ArrayList<>();
    List<String> scrubbed = new ArrayList<>();
    List<String> truncated = new ArrayList<>();
    Set<String> hints = new TreeSet<>();
    Set<String> regions = new TreeSet<>(options.regions());
    List<String> resolved;
    try (OutputStream raw = Files.newOutputStream(partial);
        ZipOutputStream zip = new ZipOutputStream(raw, StandardCharsets.UTF_8)) {
      Set<Path> seen = new java.util.HashSet<>();
      for (CollectLocations.Location location : CollectLocations.ALL) {
        List<Path> found = CollectLocations.find(options.root(), location.pattern());
        if (found.isEmpty()) {
          notFound.add(location.pattern() + "  (" + location.what() + ")");
        }
        for (Path file : found) {
          if (!seen.add(file.toAbsolutePath().normalize())) {
            continue;
          }
          String relative = relative(file);
          Content content;
          try {
            content = read(file);
          } catch (IOException e) {
            // One unreadable log (permissions, a file locked by the agent) must not lose the rest.
            notFound.add(relative + "  (unreadable: " + e.getClass().getSimpleName() + ")");
            continue;
          }
          if (content.truncated()) {
            truncated.add(relative);
          }
          String clean = SecretScrubber.scrub(content.text());
          if (!clean.equals(content.text())) {
            scrubbed.add(relative);
          }
          put(zip, "files/" + relative, clean.getBytes(content.charset()), content.bom());
          files.add(relative);
          if (!location.service().isEmpty()) {
            hints.add(location.service());
          }
          regions.addAll(regionsIn(clean));
        }
      }
      put(zip, PROXY_ENVIRONMENT, proxyEnvironment().getBytes(StandardCharsets.UTF_8), new byte[0]);
      resolved = resolve(names(hints, regions));
      put(zip, DNS_RESOLUTION, dnsFile(resolved).getBytes(StandardCharsets.UTF_8), new byte[0]);
      String manifest = manifest(files, notFound, scrubbed, truncated, hints, regions);
      put(zip, MANIFEST, manifest.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }
    Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
    return new CollectResult(output, files, notFound, resolved, scrubbed);
  }

  private String relative(Path file) {
    return options.root().relativize(file).toString().replace('\\', '/');
  }

  private record Content(String text, Charset charset, byte[] bom, boolean truncated) {}

  /** Reads a file's text (its end when large), keeping its encoding so it is written back alike. */
  private Content read(Path file) throws IOException {
    long size = Files.size(file);
    long keep = Math.min(size, options.maxFileBytes());
    byte[] bytes = new byte[(int) keep];
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      f.seek(size - keep);
      f.readFully(bytes);
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

  private static void put(ZipOutputStream zip, String name, byte[] data, byte[] bom)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bom);
    zip.write(data);
    zip.closeEntry();
  }

  private String proxyEnvironment() {
    var sb =
        new StringBuilder("# Proxy variables of the process that ran egress-doctor collect.\n");
    new TreeMap<>(options.environment())
        .forEach(
            (k, v) -> {
              if (PROXY_VARIABLES.contains(k.toLowerCase(Locale.ROOT))) {
                sb.append(k).append('=').append(SecretScrubber.scrub(v)).append('\n');
              }
            });
    return sb.toString();
  }

  static Set<String> regionsIn(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = AWS_REGION.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The names to resolve: each required endpoint of the services the logs show, per region. */
  List<String> names(Set<String> hints, Set<String> regions) {
    Set<String> names = new TreeSet<>(options.extraNames());
    EndpointCatalog catalog = options.catalog();
    for (String service : catalog.services()) {
      boolean shown =
          hints.stream()
              .flatMap(h -> SERVICE_HINTS.getOrDefault(h, List.of()).stream())
              .anyMatch(word -> service.toLowerCase(Locale.ROOT).contains(word));
      if (!shown) {
        continue;
      }
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
    return List.copyOf(names);
  }

  private List<String> resolve(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      try {
        out.add(name + "\t" + String.join(",", options.resolver().resolve(name)));
      } catch (UnknownHostException e) {
        out.add(name + "\tERROR unknown host");
      } catch (RuntimeException e) {
        out.add(name + "\tERROR " + e.getClass().getSimpleName());
      }
    }
    return out;
  }

  private String dnsFile(List<String> resolved) {
    var sb = new StringBuilder("# name\taddresses (comma-separated) or ERROR reason, resolved at ");
    sb.append(options.clock().instant()).append('\n');
    resolved.forEach(line -> sb.append(line).append('\n'));
    return sb.toString();
  }

  private String manifest(
      List<String> files,
      List<String> notFound,
      List<String> scrubbed,
      List<String> truncated,
      Set<String> hints,
      Set<String> regions) {
    var sb = new StringBuilder();
    sb.append("egress-doctor collect, ").append(options.clock().instant()).append('\n');
    sb.append("root: ").append(options.root()).append("\n\ncollected:\n");
    files.forEach(f -> sb.append("  ").append(f).append('\n'));
    sb.append("\nsecrets masked in:\n");
    scrubbed.forEach(f -> sb.append("  ").append(f).append('\n'));
    sb.append("\nkept only the newest ").append(options.maxFileBytes()).append(" bytes of:\n");
    truncated.forEach(f -> sb.append("  ").append(f).append('\n'));
    sb.append("\nproducts seen: ").append(String.join(", ", hints));
    sb.append("\nregions seen: ").append(String.join(", ", regions));
    sb.append("\n\nnot found:\n");
    notFound.forEach(f -> sb.append("  ").append(f).append('\n'));
    return sb.toString();
  }
}
