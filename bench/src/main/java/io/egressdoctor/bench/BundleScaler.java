package io.egressdoctor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Scales a sample bundle up for benchmarks: the same bundle, with millions of lines of background
 * traffic added to its proxy logs, and every original line kept in its place.
 *
 * <p>Background lines are copies of the bundle's own everyday lines (successful requests that carry
 * none of the entity values named in its {@code expected-findings.json}), re-timed evenly over the
 * log's time span and merged in time order. So the telling lines stay exactly as they were and no
 * new finding can appear; only the haystack grows. Proxy logs in the formats {@link
 * ProxyTimestamps} knows are scaled (Squid native, custom logformats starting with the epoch time,
 * common/combined, W3C); every other file is copied unchanged. The same seed gives the same bytes,
 * and output is streamed.
 */
public final class BundleScaler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final long seed;

  /** A scaler with a seed for the choice and timing of the background lines. */
  public BundleScaler(long seed) {
    this.seed = seed;
  }

  /** What scaling did to one proxy log. */
  public record ScaledLog(Path file, String format, long originalLines, long added) {}

  /**
   * Copies {@code bundle} to {@code out} and adds {@code backgroundLines} lines in total to its
   * scalable proxy logs, shared in proportion to their sizes.
   */
  public List<ScaledLog> scale(Path bundle, Path out, long backgroundLines) throws IOException {
    Set<String> telling = tellingValues(bundle.resolve("expected-findings.json"));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(bundle)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    Map<Path, ProxyTimestamps> scalable = new LinkedHashMap<>();
    long scalableLines = 0;
    Map<Path, Long> lineCounts = new LinkedHashMap<>();
    for (Path f : files) {
      ProxyTimestamps style = styleOf(f);
      if (style != null) {
        scalable.put(f, style);
        long n = countLines(f);
        lineCounts.put(f, n);
        scalableLines += n;
      }
    }
    if (scalable.isEmpty() && backgroundLines > 0) {
      throw new IllegalArgumentException(
          bundle + " has no proxy log in a format the scaler can re-time");
    }
    List<ScaledLog> result = new ArrayList<>();
    long left = backgroundLines;
    int remaining = scalable.size();
    int index = 0;
    for (Path f : files) {
      Path target = out.resolve(bundle.relativize(f).toString());
      Files.createDirectories(target.getParent());
      ProxyTimestamps style = scalable.get(f);
      if (style == null) {
        Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        continue;
      }
      remaining--;
      long share =
          remaining == 0
              ? left
              : Math.round((double) backgroundLines * lineCounts.get(f) / scalableLines);
      share = Math.min(share, left);
      left -= share;
      long added =
          scaleLog(f, target, style, telling, share, new SplittableRandom(seed + 31L * index++));
      result.add(new ScaledLog(target, style.toString(), lineCounts.get(f), added));
    }
    return result;
  }

  private long scaleLog(
      Path in,
      Path out,
      ProxyTimestamps style,
      Set<String> telling,
      long count,
      SplittableRandom random)
      throws IOException {
    List<String> donors = new ArrayList<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    try (BufferedReader r = reader(in)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        long t = style.millis(line);
        if (t < 0) {
          continue;
        }
        first = Math.min(first, t);
        last = Math.max(last, t);
        if (style.isEverydaySuccess(line) && telling.stream().noneMatch(line::contains)) {
          donors.add(line);
        }
      }
    }
    if (count > 0 && donors.isEmpty()) {
      throw new IllegalArgumentException(in + " has no everyday line to copy");
    }
    double step = count == 0 ? 0 : (double) (last - first) / count;
    long written = 0;
    try (BufferedReader r = reader(in);
        Writer w = writer(out)) {
      long next = 0;
      long nextTime = first;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        long t = style.millis(line);
        while (t >= 0 && next < count && nextTime <= t) {
          w.write(style.retime(donors.get(random.nextInt(donors.size())), nextTime));
          w.write('\n');
          written++;
          next++;
          nextTime = first + (long) ((next + random.nextDouble()) * step);
        }
        w.write(line);
        w.write('\n');
      }
      while (next < count) {
        w.write(style.retime(donors.get(random.nextInt(donors.size())), Math.min(nextTime, last)));
        w.write('\n');
        written++;
        next++;
        nextTime = first + (long) ((next + random.nextDouble()) * step);
      }
    }
    return written;
  }

  /** The entity values of the bundle's expected findings: lines holding one are never copied. */
  static Set<String> tellingValues(Path expected) throws IOException {
    Set<String> out = new HashSet<>();
    if (!Files.exists(expected)) {
      return out;
    }
    JsonNode root = JSON.readTree(expected.toFile());
    for (JsonNode f : root.path("must_fire")) {
      f.path("entities")
          .fields()
          .forEachRemaining(e -> e.getValue().forEach(v -> out.add(v.asText())));
    }
    return out;
  }

  private static ProxyTimestamps styleOf(Path file) throws IOException {
    List<String> head = new ArrayList<>();
    try (BufferedReader r = reader(file)) {
      for (String l = r.readLine(); l != null && head.size() < 30; l = r.readLine()) {
        if (!l.isBlank()) {
          head.add(l);
        }
      }
    }
    return ProxyTimestamps.of(head);
  }

  private static long countLines(Path f) throws IOException {
    try (BufferedReader r = reader(f)) {
      return r.lines().count();
    }
  }

  private static BufferedReader reader(Path f) throws IOException {
    InputStream in = Files.newInputStream(f);
    if (f.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  private static Writer writer(Path f) throws IOException {
    OutputStream out = Files.newOutputStream(f);
    if (f.toString().endsWith(".gz")) {
      out = new GZIPOutputStream(out, 1 << 16);
    }
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  /** {@code BundleScaler BUNDLE OUT LINES [SEED]}: writes the scaled bundle and a summary. */
  public static void main(String[] args) throws IOException {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: BundleScaler BUNDLE-DIR OUT-DIR BACKGROUND-LINES [SEED]");
      System.err.println(
          "  e.g. BundleScaler samples/bundles/s4-asr-private-endpoint-whitelist-proxy /tmp/s4-10m 10000000");
      System.exit(2);
    }
    long lines;
    long seed;
    try {
      lines = Long.parseLong(args[2].replace("_", ""));
      seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
    } catch (NumberFormatException e) {
      System.err.println("BundleScaler: LINES and SEED must be whole numbers");
      System.exit(2);
      return;
    }
    long started = System.nanoTime();
    try {
      for (ScaledLog s : new BundleScaler(seed).scale(Path.of(args[0]), Path.of(args[1]), lines)) {
        System.out.printf(
            "%s (%s): %,d original lines kept, %,d background lines added%n",
            s.file(), s.format(), s.originalLines(), s.added());
      }
    } catch (UncheckedIOException | IllegalArgumentException e) {
      System.err.println("BundleScaler: " + e.getMessage());
      System.exit(2);
    }
    System.out.printf("done in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }
}
