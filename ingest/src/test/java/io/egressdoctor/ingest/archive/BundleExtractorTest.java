package io.egressdoctor.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleExtractorTest {

  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Path zip(String name, Map<String, byte[]> entries) throws Exception {
    Path file = dir.resolve(name);
    try (OutputStream raw = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(raw)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  @Test
  void unpacksZipsAndShowsMembersAsBundleBangEntry() throws Exception {
    Path bundle =
        zip("case.zip", Map.of("logs/access.log", bytes("a\n"), "agent.log.0", bytes("b\n")));
    try (var x = new BundleExtractor(BundleExtractor.Limits.defaults())) {
      Path folder = x.expand(List.of(bundle)).get(0);
      Path member = folder.resolve("logs/access.log");
      assertThat(member).hasContent("a");
      assertThat(x.display(member.toString())).isEqualTo(bundle + "!logs/access.log");
      assertThat(x.display("/var/log/other.log")).isEqualTo("/var/log/other.log");
    }
  }

  @Test
  void refusesEntriesThatEscapeTheFolder() throws Exception {
    for (String evil :
        List.of(
            "../evil.log",
            "logs/../../evil.log",
            "/etc/evil.log",
            "C:/Windows/evil.log",
            "..\\evil.log")) {
      Path bundle = zip("evil.zip", Map.of(evil, bytes("x\n")));
      try (var x = new BundleExtractor(BundleExtractor.Limits.defaults())) {
        assertThatThrownBy(() -> x.expand(List.of(bundle)))
            .as(evil)
            .isInstanceOf(UnsafeBundleException.class)
            .hasMessageContaining("outside the bundle's folder");
      }
      Files.delete(bundle);
    }
    assertThat(dir.getParent().resolve("evil.log")).doesNotExist();
  }

  @Test
  void capsWhatABundleUnpacksTo() throws Exception {
    byte[] big = new byte[1 << 20];
    Path bomb = zip("bomb.zip", Map.of("zeros.log", big));
    assertThat(Files.size(bomb)).isLessThan(big.length / 100);
    try (var x = new BundleExtractor(new BundleExtractor.Limits(64 << 10, 1 << 30, 10))) {
      assertThatThrownBy(() -> x.expand(List.of(bomb)))
          .isInstanceOf(UnsafeBundleException.class)
          .hasMessageContaining("larger than");
    }
    Path many = zip("many.zip", Map.of("a", bytes("1"), "b", bytes("2"), "c", bytes("3")));
    try (var x = new BundleExtractor(new BundleExtractor.Limits(1 << 20, 1 << 20, 2))) {
      assertThatThrownBy(() -> x.expand(List.of(many))).hasMessageContaining("more than 2 files");
    }
  }

  /** A zip written entry by entry, duplicates and raw name encodings allowed. */
  private Path rawZip(String name, String encoding, boolean utf8Flag, List<String[]> entries)
      throws Exception {
    Path file = dir.resolve(name);
    try (var zip =
        new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(file.toFile())) {
      zip.setEncoding(encoding);
      zip.setUseLanguageEncodingFlag(utf8Flag);
      zip.setCreateUnicodeExtraFields(
          org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream.UnicodeExtraFieldPolicy
              .NEVER);
      for (String[] e : entries) {
        zip.putArchiveEntry(new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(e[0]));
        zip.write(bytes(e[1]));
        zip.closeArchiveEntry();
      }
    }
    return file;
  }

  @Test
  void aBundleMayUnpackToAFewHundredTimesItsSizeAndTheErrorNamesTheEntry() throws Exception {
    byte[] zeros = new byte[8 << 20];
    Path bomb = zip("ratio.zip", Map.of("logs/zeros.log", zeros));
    try (var x = new BundleExtractor(new BundleExtractor.Limits(1L << 30, 1L << 30, 10, 2))) {
      // 2 times at most (of 1 MiB at least): 8 MiB of zeros is too much.
      assertThatThrownBy(() -> x.expand(List.of(bomb)))
          .isInstanceOf(UnsafeBundleException.class)
          .hasMessageContaining(bomb + "!logs/zeros.log: the bundle unpacks to more than")
          .hasMessageContaining("2 times its size at most");
    }
    try (var x = new BundleExtractor(new BundleExtractor.Limits(1L << 30, 1L << 30, 10, 20))) {
      assertThat(x.expand(List.of(bomb)).get(0).resolve("logs/zeros.log")).hasSize(8 << 20);
    }
  }

  @Test
  void duplicateEntriesAreKeptApartNeverOverwritten() throws Exception {
    Path dup =
        rawZip(
            "dup.zip",
            "UTF-8",
            true,
            List.of(
                new String[] {"logs/access.log", "first\n"},
                new String[] {"logs/access.log", "second\n"},
                new String[] {"logs/access.log", "third\n"}));
    try (var x = new BundleExtractor(BundleExtractor.Limits.defaults())) {
      Path folder = x.expand(List.of(dup)).get(0);
      assertThat(folder.resolve("logs/access.log")).hasContent("first");
      assertThat(folder.resolve("logs/access (2).log")).hasContent("second");
      assertThat(folder.resolve("logs/access (3).log")).hasContent("third");
    }
  }

  @Test
  void windowsZipNamesInCp437AreRead() throws Exception {
    Path cp437 =
        rawZip(
            "windows.zip",
            "CP437",
            false,
            List.<String[]>of(new String[] {"Protokolle/Überwachung-é.log", "x\n"}));
    try (var x = new BundleExtractor(BundleExtractor.Limits.defaults())) {
      Path folder = x.expand(List.of(cp437)).get(0);
      assertThat(folder.resolve("Protokolle/Überwachung-é.log")).hasContent("x");
    }
  }

  @Test
  void anEntryThatCannotBeWrittenIsSkippedWithAWarningNamingIt() throws Exception {
    Path clash =
        rawZip(
            "clash.zip",
            "UTF-8",
            true,
            List.of(
                new String[] {"logs", "a file where a folder must go\n"},
                new String[] {"logs/access.log", "kept?\n"},
                new String[] {"x".repeat(300) + ".log", "too long a name\n"},
                new String[] {"ok.log", "fine\n"}));
    try (var x = new BundleExtractor(BundleExtractor.Limits.defaults())) {
      Path folder = x.expand(List.of(clash)).get(0);
      assertThat(folder.resolve("ok.log")).hasContent("fine");
      assertThat(folder.resolve("logs")).hasContent("a file where a folder must go");
      assertThat(x.warnings())
          .hasSize(2)
          .anySatisfy(w -> assertThat(w).startsWith(clash + "!logs/access.log: skipped"))
          .anySatisfy(
              w -> assertThat(w).startsWith(clash + "!" + "x".repeat(300) + ".log: skipped"));
    }
  }

  @Test
  void readsTarGzWithLongNamesAndSkipsLinks() throws Exception {
    var tar = new ByteArrayOutputStream();
    String longName = "ProgramData/ASR/home/svsystems/" + "x".repeat(120) + "/eventmanager.log";
    TarWriter.entry(tar, "././@LongLink", bytes(longName + "\0"), 'L');
    TarWriter.entry(tar, longName.substring(0, 99), bytes("long\n"), '0');
    TarWriter.entry(tar, "etc/hosts-link", new byte[0], '2');
    TarWriter.entry(tar, "var/log/short.log", bytes("short\n"), '0');
    tar.write(new byte[1024]);
    Path bundle = dir.resolve("case.tar.gz");
    try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bundle))) {
      gz.write(tar.toByteArray());
    }
    try (var x = new BundleExtractor(BundleExtractor.Limits.defaults())) {
      Path folder = x.expand(List.of(bundle)).get(0);
      assertThat(folder.resolve(longName)).hasContent("long");
      assertThat(folder.resolve("var/log/short.log")).hasContent("short");
      assertThat(folder.resolve("etc/hosts-link")).doesNotExist();
    }
  }

  @Test
  void readsPaxPathsAndRefusesPaxPathsThatEscape() throws Exception {
    String longName = "var/lib/aws-replication-agent/" + "y".repeat(110) + "/agent.log.0";
    String record = " path=" + longName + "\n";
    String pax = (record.length() + 3) + record;
    var tar = new ByteArrayOutputStream();
    TarWriter.entry(tar, "PaxHeaders/agent", bytes(pax), 'x');
    TarWriter.entry(tar, "agent.log.0", bytes("pax\n"), '0');
    tar.write(new byte[1024]);
    Path bundle = dir.resolve("pax.tgz");
    try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bundle))) {
      gz.write(tar.toByteArray());
    }
    try (var x = new BundleExtractor(BundleExtractor.Limits.defaults())) {
      assertThat(x.expand(List.of(bundle)).get(0).resolve(longName)).hasContent("pax");
    }
    var evil = new ByteArrayOutputStream();
    String evilRecord = " path=../../etc/cron.d/evil\n";
    TarWriter.entry(evil, "PaxHeaders/evil", bytes((evilRecord.length() + 2) + evilRecord), 'x');
    TarWriter.entry(evil, "harmless.log", bytes("x\n"), '0');
    evil.write(new byte[1024]);
    Path evilBundle = dir.resolve("evil.tar.gz");
    try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(evilBundle))) {
      gz.write(evil.toByteArray());
    }
    try (var x = new BundleExtractor(BundleExtractor.Limits.defaults())) {
      assertThatThrownBy(() -> x.expand(List.of(evilBundle)))
          .isInstanceOf(UnsafeBundleException.class);
    }
  }

  @Test
  void unpacksBundlesInsideBundles() throws Exception {
    var inner = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(inner)) {
      zip.putNextEntry(new ZipEntry("agent.log.0"));
      zip.write(bytes("inner\n"));
      zip.closeEntry();
    }
    Path outer = zip("outer.zip", Map.of("server-1/collect.zip", inner.toByteArray()));
    try (var x = new BundleExtractor(BundleExtractor.Limits.defaults())) {
      Path folder = x.expand(List.of(outer)).get(0);
      try (var walk = Files.walk(folder)) {
        Path log =
            walk.filter(p -> p.getFileName().toString().equals("agent.log.0"))
                .findFirst()
                .orElseThrow();
        assertThat(x.display(log.toString()))
            .isEqualTo(outer + "!server-1/collect.zip!agent.log.0");
      }
    }
  }

  /** Writes minimal ustar entries for the tests. */
  static final class TarWriter {
    static void entry(ByteArrayOutputStream out, String name, byte[] data, char type)
        throws Exception {
      byte[] h = new byte[512];
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
      put(h, 124, String.format("%011o\0", data.length));
      h[156] = (byte) type;
      put(h, 257, "ustar\0");
      out.write(h);
      out.write(data);
      out.write(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] h, int off, String s) {
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(b, 0, h, off, b.length);
    }
  }
}
