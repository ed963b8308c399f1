package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyFormatOptionsTest {

  @TempDir Path dir;

  @Test
  void aLogformatGivenOnTheCommandLineReadsItsFile() throws IOException {
    Path log =
        Files.writeString(
            dir.resolve("custom.log"),
            """
            10.0.1.5 mgn.ap-northeast-1.amazonaws.com:443 TCP_TUNNEL 200
            10.0.1.6 abc.servicebus.windows.net:443 TCP_DENIED 403
            """);
    String index = dir.resolve("index").toString();
    MainTest.Run ingest =
        MainTest.run(
            "ingest",
            "--index",
            index,
            "--logformat",
            "logformat mine %>a %ru %Ss %>Hs",
            log.toString());
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    assertThat(ingest.out()).contains("squid-mine 2");
    MainTest.Run denied = MainTest.run("search", "--index", index, "--count", "event.type:denied");
    assertThat(denied.out().strip()).isEqualTo("1");
  }

  @Test
  void formatsListsTheFormatsOfASquidConf() throws IOException {
    Path conf =
        Files.writeString(
            dir.resolve("squid.conf"),
            "logformat mine %ts.%03tu %>a %ru %un\naccess_log /var/log/squid/mine.log mine\n");
    MainTest.Run run = MainTest.run("formats", "--squid-conf", conf.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("squid-mine").contains("%ts.%03tu %>a %ru %un");
  }

  @Test
  void aBrokenMappingIsAUsageErrorNamingTheFileAndLine() throws IOException {
    Path mapping = Files.writeString(dir.resolve("bad.yaml"), "name: x\ncolour: red\n");
    MainTest.Run run =
        MainTest.run(
            "ingest",
            "--index",
            dir.resolve("i").toString(),
            "--csv-mapping",
            mapping.toString(),
            dir.toString());
    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("bad.yaml:2");
  }
}
