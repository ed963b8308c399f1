package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A report killed while it reads a bundle (Ctrl-C, SIGTERM, SIGHUP) leaves none of the customer's
 * unpacked files nor its temporary index behind: a child JVM is signalled mid-run and its temporary
 * folder checked.
 */
class ReportCleanupOnSignalTest {

  @TempDir Path dir;

  private Path bigBundle() throws IOException {
    Path zip = dir.resolve("big.zip");
    try (OutputStream raw = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(raw)) {
      out.putNextEntry(new ZipEntry("proxy/access.log"));
      byte[] line = new byte[0];
      for (int i = 0; i < 400_000; i++) {
        line =
            ("1714554000.%03d %5d 10.20.1.%d TCP_DENIED/403 3900 CONNECT mgn.ap-northeast-1.amazonaws.com:443 - HIER_NONE/- text/html\n"
                    .formatted(i % 1000, i % 90000, i % 250))
                .getBytes(StandardCharsets.US_ASCII);
        out.write(line);
      }
      out.closeEntry();
    }
    return zip;
  }

  private static List<Path> leftovers(Path tmp) throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("egress-doctor-")).toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TERM", "INT", "HUP"})
  void aSignalledReportRemovesItsUnpackedFilesAndTemporaryIndex(String signal) throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path bundle = bigBundle();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "report",
                bundle.toString(),
                "--output",
                dir.resolve("report.txt").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.out").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!unpacked(tmp) && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(50);
      }
      assertThat(p.isAlive())
          .as("still reading: " + Files.readString(dir.resolve("child.out")))
          .isTrue();
      assertThat(unpacked(tmp)).isTrue();
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
      assertThat(kill.waitFor()).isZero();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the report ended").isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(leftovers(tmp)).as("left in the temporary folder").isEmpty();
  }

  /** Whether the child has unpacked the bundle and created its temporary index. */
  private static boolean unpacked(Path tmp) throws IOException {
    List<Path> left = leftovers(tmp);
    boolean bundle = false;
    boolean index = false;
    for (Path p : left) {
      String n = p.getFileName().toString();
      if (n.startsWith("egress-doctor-bundle-")) {
        try (Stream<Path> s = Files.walk(p)) {
          bundle |= s.anyMatch(f -> f.getFileName().toString().equals("access.log"));
        }
      }
      index |= n.startsWith("egress-doctor-report-");
    }
    return bundle && index;
  }
}
