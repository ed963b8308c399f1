package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * cmd cannot run here, so {@code egress-doctor.cmd} is held to the bash launcher {@code
 * egress-doctor}: the same jar, JDK rule, messages, build command, Java options and exit codes.
 */
class LauncherCmdTest {

  static final Path BASH = Path.of("..", "egress-doctor");
  static final Path CMD = Path.of("..", "egress-doctor.cmd");

  @Test
  void theWindowsLauncherMirrorsTheBashOne() throws Exception {
    String bash = Files.readString(BASH, StandardCharsets.UTF_8);
    byte[] bytes = Files.readAllBytes(CMD);
    String cmd = new String(bytes, StandardCharsets.US_ASCII);

    // cmd reads labels and long lines reliably only with CRLF; keep the file ASCII.
    for (int i = 0; i < bytes.length; i++) {
      assertThat(bytes[i] & 0xff).as("byte " + i + " is ASCII").isLessThan(0x80);
      if (bytes[i] == '\n') {
        assertThat(i > 0 && bytes[i - 1] == '\r')
            .as("line ending at byte " + i + " is CRLF")
            .isTrue();
      }
    }
    String text = cmd.replace("\r\n", "\n").replace("^(", "(").replace("^)", ")");

    // The same jar.
    assertThat(bash).contains("jar=\"$root/shell/target/egress-doctor.jar\"");
    assertThat(text).contains("set \"ED_JAR=%ED_ROOT%\\shell\\target\\egress-doctor.jar\"");

    // Every one-line message of the bash launcher, word for word.
    Matcher m = Pattern.compile("echo \"(egress-doctor: [^\"]+)\"").matcher(bash);
    List<String> messages = new ArrayList<>();
    while (m.find()) {
      messages.add(m.group(1));
    }
    assertThat(messages)
        .contains(
            "egress-doctor: a JDK 21 or newer is needed; install one or set JAVA_HOME to it.",
            "egress-doctor: the build failed; see the output above.");
    assertThat(messages).hasSize(3);
    for (String message : messages) {
      assertThat(text).contains("echo " + message + ">&2");
    }

    // The same JDK rule and search order: JAVA_HOME, PATH, then the usual folders.
    assertThat(bash).contains("[ \"$v\" -ge 21 ]");
    assertThat(text)
        .contains("GEQ 21", "-XshowSettings:properties -version", "java.specification.version");
    assertThat(text.indexOf("%JAVA_HOME%\\bin\\java.exe"))
        .isPositive()
        .isLessThan(text.indexOf("where java.exe"));
    assertThat(text.indexOf("where java.exe")).isLessThan(text.indexOf("%ProgramFiles%\\Java"));
    assertThat(text)
        .contains(
            "\"%ProgramFiles%\\Java\"",
            "\"%ProgramFiles%\\Eclipse Adoptium\"", "\"%ProgramFiles%\\Microsoft\"");

    // The same build (through the Windows wrapper), Java options and exit codes.
    String build = "-DskipTests -Dspotless.check.skip=true -pl shell -am package";
    assertThat(bash).contains(build).contains("\"$root/mvnw\" -q -f \"$root/pom.xml\"");
    assertThat(text)
        .contains(build)
        .contains("call \"%ED_ROOT%\\mvnw.cmd\" -q -f \"%ED_ROOT%\\pom.xml\"");
    assertThat(bash)
        .contains("jvm_opts=(--enable-native-access=ALL-UNNAMED)")
        .contains("\"${jvm_opts[@]}\" ${EGRESS_DOCTOR_JAVA_OPTS:-} -jar \"$jar\" \"$@\"");
    assertThat(text)
        .contains(
            "--enable-native-access=ALL-UNNAMED %ED_OPTS%",
            "%EGRESS_DOCTOR_JAVA_OPTS% -jar \"%ED_JAR%\" %*");

    // The same JVM defaults: a quarter of the memory capped, ParallelGC, each left out when
    // EGRESS_DOCTOR_JAVA_OPTS sets its own; the same start-up cache, trained by the same class.
    assertThat(bash).contains("heap_cap_mb=512", "-XX:+UseParallelGC", "mb / 4", "*\" -Xmx\"*");
    assertThat(text)
        .contains("\"ED_HEAP_CAP_MB=512\"", "-XX:+UseParallelGC", "ED_RAM_MB / 4", ":-Xmx=");
    for (String both :
        List.of(
            "-XX:AOTCache=",
            "-XX:AOTCacheOutput=",
            "-XX:SharedArchiveFile=",
            "-XX:ArchiveClassesAtExit=",
            "-Xlog:aot=off -Xlog:cds=off",
            "io.egressdoctor.shell.AotTraining",
            "shell/target/aot",
            "EGRESS_DOCTOR_AOT")) {
      assertThat(bash).as("bash").contains(both);
      assertThat(text.replace('\\', '/')).as("cmd").contains(both);
    }
    assertThat(bash).contains("exit 2", "exit 4");
    assertThat(text).contains("exit /b 2", "exit /b 4", "exit /b %ED_EXIT%");

    // The same staleness sources, the collectors included (the jar prints them).
    assertThat(bash).contains("\"$root\"/*/src/main \"$root\"/collect/egress-doctor-collect.*");
    assertThat(text).contains("'src\\main'", "'collect\\egress-doctor-collect.*'", "'pom.xml'");

    // Every label that is called exists.
    Matcher calls = Pattern.compile("call :(\\w+)").matcher(text);
    while (calls.find()) {
      assertThat(text).as("label " + calls.group(1)).contains("\n:" + calls.group(1) + "\n");
    }
  }
}
