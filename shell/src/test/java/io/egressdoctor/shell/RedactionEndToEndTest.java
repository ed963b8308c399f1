package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.shell.repl.ReplScripts;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle with every kind of secret and identity planted where a report shows it (agent log lines
 * cited as evidence, a proxy's user column and a presigned URL, CloudTrail records with key ids of
 * every prefix and passwords in {@code requestParameters}, a proxy environment file, an account id
 * in the CloudTrail path): with {@code --redact} none survives anywhere in any format, nor in
 * {@code search --redact} or the shell's {@code redact on}.
 */
class RedactionEndToEndTest {

  /** Identities: shown without --redact, masked with it. */
  static final List<String> IDENTITIES =
      List.of(
          "444455556666",
          "AKIAPLANTEDKEYID0001",
          "AKIAPLANTEDCTKEY0001",
          "ASIAPLANTEDCTKEY0001",
          "AKIAPLANTEDNEWKEY001",
          "ASIAPLANTEDPRESIGN01",
          "AKIAPLANTEDSQUIDKEY1",
          "AIDAPLANTEDUSERID0001",
          "AIDAPLANTEDUSERID0002",
          "AROAPLANTEDROLEID0001",
          "AGPAPLANTEDGROUPID001",
          "ANPAPLANTEDPOLICYID01",
          "ANVAPLANTEDVERSION001",
          "ASCAPLANTEDCERTID0001",
          "planted-iam-user",
          "planted-session-name",
          "carol-proxyuser",
          "svc-mgn-proxy");

  /** Credentials: never shown by a report; by a search only without --redact. */
  static final List<String> CREDENTIALS =
      List.of(
          "Pr0xy@Pa55:w0rd",
          "Pa55:w0rd",
          "c3ZjLWJhc2ljLXVzZXI6QmFzaWMtUGxhbnRlZC1Qdw==",
          "eyJhbGciOiJIUzI1NiJ9.UGxhbnRlZEJlYXJlcg.c2lnUGxhbnRlZA",
          "YIIPlantedNegotiateTokenAAAA",
          "TlRMTVNTUAPlantedNtlmToken",
          "PlantedSecretKey0123456789abcdefGHIJKLMN",
          "FwoGZXIvYXdzPlantedSessionTokenOption",
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTEDKEY",
          "IQoJb3JpZ2luX2VjPlantedSessionTokenSetting",
          "PlantedPresignToken",
          "0badc0de0badc0de0badc0de0badc0de",
          "Planted-ProxyPassword",
          "Planted-ProxyPass",
          "Planted-ProxyAuth",
          "Planted-ClientSecret",
          "Planted-ApiToken",
          "Planted Quoted Password",
          "Planted-CT-Password",
          "Planted-CT-NewPassword",
          "Planted/CT+SecretAccessKey0123456789abcd",
          "Planted-CT-OldPassword",
          "Planted-CT-SessionToken",
          "PlantedSquidToken",
          "feedfacefeedfacefeedface");

  private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9A-Fa-f]+);");

  @TempDir Path dir;

  Path bundle;

  @BeforeEach
  void copyBundle() throws IOException, URISyntaxException {
    Path source = Path.of(getClass().getResource("redact-bundle").toURI());
    bundle = dir.resolve("case");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path target = bundle.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  @Test
  void withoutRedactIdentitiesShowButCredentialsAreMaskedAlready() {
    var r = MainTest.run("report", bundle.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
    // The presigned URLs' key ids sit in X-Amz-Credential, a credential setting: masked already.
    assertThat(r.out())
        .contains(
            IDENTITIES.stream()
                .filter(v -> !v.contains("PRESIGN") && !v.contains("SQUID"))
                .toList());
    assertThat(r.out()).contains("{password-", "{credential-", "{secret-", "{signature-");
    assertNoneOf(r.out(), CREDENTIALS, "json without --redact");
  }

  @Test
  void redactLeavesNoPlantedValueInAnyFormat() {
    for (String format : List.of("text", "md", "html", "json")) {
      var r = MainTest.run("report", bundle.toString(), "--format", format, "--redact");
      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
      String out = unescapeHtml(r.out());
      assertNoneOf(out, IDENTITIES, format);
      assertNoneOf(out, CREDENTIALS, format);
      assertThat(out.toLowerCase(Locale.ROOT)).as(format).doesNotContain("planted");
      assertThat(out).as(format).contains("AWSLogs/{account-1}/", "{user-");
    }
  }

  @Test
  void searchRedactsWhatItShows() {
    Path index = dir.resolve("index");
    var ingest = MainTest.run("ingest", "--index", index.toString(), bundle.toString());
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    var plain = MainTest.run("search", "--index", index.toString(), "--limit", "1000", "--json");
    assertThat(plain.out()).contains(IDENTITIES).contains(CREDENTIALS.subList(2, 10));
    for (List<String> options : List.of(List.of("--json"), List.of("--fields", "text"))) {
      var r =
          MainTest.run(
              Stream.concat(
                      Stream.of("search", "--index", index.toString(), "--limit", "1000"),
                      Stream.concat(options.stream(), Stream.of("--redact")))
                  .toArray(String[]::new));
      assertThat(r.exit()).as(r.err()).isZero();
      assertNoneOf(r.out(), IDENTITIES, options.toString());
      assertNoneOf(r.out(), CREDENTIALS, options.toString());
      assertThat(r.out().toLowerCase(Locale.ROOT)).doesNotContain("planted");
    }
    var top = MainTest.run("search", "--index", index.toString(), "--top", "user.name", "--redact");
    assertThat(top.out()).contains("{user-").doesNotContain("carol-proxyuser");
  }

  @Test
  void theShellsRedactCommandMasksSearchUntilTurnedOff() {
    Path index = dir.resolve("index");
    MainTest.run("ingest", "--index", index.toString(), bundle.toString());
    String out =
        ReplScripts.run(
            index,
            """
            redact
            redact on
            search --json --limit 1000
            redact off
            search --json --limit 1000 user.name:carol-proxyuser
            """);
    int off = out.lastIndexOf("redact off");
    String on = out.substring(0, off);
    assertThat(on).startsWith("redact off").contains("redact on", "{user-");
    assertNoneOf(on, IDENTITIES, "redact on");
    assertNoneOf(on, CREDENTIALS, "redact on");
    assertThat(out.substring(off)).contains("carol-proxyuser");
  }

  @Test
  void redactOnAlsoMasksTheShellsOwnCommands() {
    Path index = dir.resolve("index");
    MainTest.run("ingest", "--index", index.toString(), bundle.toString());
    String events = bundle.resolve("source-servers/app03/agent.log.0") + ":3";
    String out =
        ReplScripts.run(
            index,
            "redact on\n"
                + "top user.name\n"
                + "top aws.cloudtrail.user_identity.access_key_id\n"
                + "show --json "
                + events
                + "\nshow "
                + events
                + "\nfindings\nexplain 1\nfields user\n");
    assertThat(out).contains("{user-", "{access-key-", "{unique-id-");
    assertNoneOf(out, IDENTITIES, "shell commands");
    assertNoneOf(out, CREDENTIALS, "shell commands");
    assertThat(out.toLowerCase(Locale.ROOT)).doesNotContain("planted");
  }

  private static void assertNoneOf(String out, List<String> values, String where) {
    for (String v : values) {
      assertThat(out).as(where + " leaks " + v).doesNotContain(v);
    }
  }

  /** HTML shows {@code =} or {@code /} as entities; a leak must not hide behind them. */
  private static String unescapeHtml(String s) {
    Matcher m = NUMERIC_ENTITY.matcher(s);
    String numeric =
        m.replaceAll(
            r ->
                Matcher.quoteReplacement(
                    Character.toString(
                        Integer.parseInt(r.group(2), r.group(1).isEmpty() ? 10 : 16))));
    return numeric
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
