package io.egressdoctor.bench;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.reference.IndexedReferenceData;
import io.egressdoctor.core.reference.IpRange;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.ingest.reference.ReferenceEnricher;
import io.egressdoctor.ingest.reference.ReferenceLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures how fast full-size cloud IP range files load and how many lookups per second the loaded
 * ranges answer, and how many events per second the reference enricher handles.
 *
 * <p>Usage: {@code ReferenceLookupBenchmark [ip-ranges.json [ServiceTags_Public.json]]}; without
 * files it generates full-size stand-ins with {@link CloudIpRangesGenerator} in a temporary folder.
 */
public final class ReferenceLookupBenchmark {

  private static final int PROBES = 1 << 20;
  private static final int ROUNDS = 5;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ReferenceLookupBenchmark() {}

  /** This thread's CPU time: the machine may be shared, so wall time overstates the cost. */
  private static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  public static void main(String[] args) throws IOException {
    Path folder = Files.createTempDirectory("egress-doctor-reference-bench");
    Path aws = args.length > 0 ? Path.of(args[0]) : folder.resolve("ip-ranges.json");
    Path azure =
        args.length > 1 ? Path.of(args[1]) : folder.resolve("ServiceTags_Public_20241118.json");
    CloudIpRangesGenerator generator = new CloudIpRangesGenerator(7);
    if (args.length == 0) {
      generator.writeAws(aws, 10_000, 10_000);
    }
    if (args.length < 2) {
      generator.writeAzure(azure, 60);
    }
    System.out.printf(
        "files: %s (%,d bytes), %s (%,d bytes)%n",
        aws.getFileName(), Files.size(aws), azure.getFileName(), Files.size(azure));

    ReferenceData awsData = timeLoad("AWS ip-ranges.json", List.of(aws));
    timeLoad("Azure Service Tags", List.of(azure));
    ReferenceData both = timeLoad("both", List.of(aws, azure));

    List<IpRange> ranges = ((IndexedReferenceData) awsData).ranges();
    InetAddress[] probes = probes(ranges, new SplittableRandom(11));
    timeLookups("AWS, InetAddress lookups", awsData, probes);
    timeLookups("AWS + Azure, InetAddress lookups", both, probes);
    timeEnrichment(new ReferenceEnricher(both), probes);
    if (args.length == 0) {
      Files.deleteIfExists(aws);
      Files.deleteIfExists(azure);
      Files.deleteIfExists(folder);
    }
  }

  private static ReferenceData timeLoad(String label, List<Path> files) {
    long[] ms = new long[ROUNDS];
    long[] wall = new long[ROUNDS];
    ReferenceData data = null;
    for (int i = 0; i < ROUNDS; i++) {
      long c0 = cpuNanos();
      long t0 = System.nanoTime();
      data = ReferenceLoader.load(files);
      wall[i] = (System.nanoTime() - t0) / 1_000_000;
      ms[i] = (cpuNanos() - c0) / 1_000_000;
    }
    long entries = data.sets().stream().mapToLong(s -> s.entries()).sum();
    long[] sorted = ms.clone();
    Arrays.sort(sorted);
    long[] sortedWall = wall.clone();
    Arrays.sort(sortedWall);
    System.out.printf(
        "load %-20s %,9d ranges: CPU first %,5d ms, median %,5d ms, best %,5d ms"
            + " (wall median %,d ms)%n",
        label, entries, ms[0], sorted[ROUNDS / 2], sorted[0], sortedWall[ROUNDS / 2]);
    return data;
  }

  private static void timeLookups(String label, ReferenceData data, InetAddress[] probes) {
    long hits = 0;
    double[] rates = new double[ROUNDS];
    double[] wallRates = new double[ROUNDS];
    for (int round = -2; round < ROUNDS; round++) {
      long t0 = cpuNanos();
      long w0 = System.nanoTime();
      for (InetAddress probe : probes) {
        hits += data.ipRanges(probe).size();
      }
      double seconds = (cpuNanos() - t0) / 1e9;
      if (round >= 0) {
        rates[round] = probes.length / seconds;
        wallRates[round] = probes.length / ((System.nanoTime() - w0) / 1e9);
      }
    }
    Arrays.sort(rates);
    Arrays.sort(wallRates);
    System.out.printf(
        "%-36s median %,12.0f lookups per CPU-second (best %,.0f; wall-clock median %,.0f/s;"
            + " %,d ranges matched)%n",
        label, rates[ROUNDS / 2], rates[ROUNDS - 1], wallRates[ROUNDS / 2], hits);
  }

  private static void timeEnrichment(ReferenceEnricher enricher, InetAddress[] probes) {
    int n = probes.length / 4;
    Event[] events = new Event[n];
    for (int i = 0; i < n; i++) {
      events[i] =
          Event.builder("bench")
              .set(Fields.DESTINATION_IP, IpAddresses.format(probes[i]))
              .set(Fields.SOURCE_IP, "10.10.5.21")
              .set(Fields.DESTINATION_DOMAIN, "mgn.ap-northeast-1.amazonaws.com")
              .build();
    }
    long fields = 0;
    double[] rates = new double[ROUNDS];
    for (int round = -2; round < ROUNDS; round++) {
      long t0 = cpuNanos();
      for (Event e : events) {
        fields += enricher.enrich(e).fields().size();
      }
      double seconds = (cpuNanos() - t0) / 1e9;
      if (round >= 0) {
        rates[round] = n / seconds;
      }
    }
    Arrays.sort(rates);
    System.out.printf(
        "%-36s median %,12.0f events per CPU-second (best %,.0f; %,d fields)%n",
        "enrichment (AWS + Azure)", rates[ROUNDS / 2], rates[ROUNDS - 1], fields);
  }

  /** Half the probes inside a published range, half anywhere in public IPv4; a tenth IPv6. */
  private static InetAddress[] probes(List<IpRange> ranges, SplittableRandom random)
      throws UnknownHostException {
    InetAddress[] out = new InetAddress[PROBES];
    for (int i = 0; i < PROBES; i++) {
      if (random.nextBoolean()) {
        IpRange r = ranges.get(random.nextInt(ranges.size()));
        byte[] b = r.cidr().address().getAddress();
        for (int bit = r.cidr().prefixLength(); bit < b.length * 8; bit++) {
          if (random.nextBoolean()) {
            b[bit / 8] |= (byte) (1 << (7 - bit % 8));
          }
        }
        out[i] = InetAddress.getByAddress(b);
      } else if (random.nextInt(10) == 0) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[0] = 0x26;
        out[i] = InetAddress.getByAddress(b);
      } else {
        byte[] b = new byte[4];
        random.nextBytes(b);
        out[i] = InetAddress.getByAddress(b);
      }
    }
    return out;
  }
}
