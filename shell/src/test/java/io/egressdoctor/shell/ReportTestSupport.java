package io.egressdoctor.shell;

import io.egressdoctor.collect.HostResolver;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.FindingSource;
import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.catalog.RequiredEndpoint;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import io.egressdoctor.ingest.EventEnricher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine;

/** Fakes and helpers for the report and collect command tests: no rules engine, no network. */
final class ReportTestSupport {

  static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
  static final String ACCOUNT = "111122223333";
  static final String IAM_USER = "migration-admin";
  static final String PROXY_USER = "alice";

  static final RuleRef DENIED =
      new RuleRef(
          "8c0e7f1a-3b1d-4f0e-9a61-6f3f0c1d2e11",
          "denied-required-fqdn",
          "The proxy denies an endpoint the agent needs");
  static final RuleRef KEY_USE =
      new RuleRef(
          "2a4b6c8d-1e3f-4a5b-8c7d-9e0f1a2b3c4d",
          "agent-key-seen",
          "The agent's access key was used");

  private ReportTestSupport() {}

  /** Denied CONNECTs to required names become a high finding; one API record a medium one. */
  static FindingSource findings() {
    return new FindingSource() {
      @Override
      public List<RuleRef> rules() {
        return List.of(DENIED, KEY_USE);
      }

      @Override
      public List<Finding> run(AnalysisContext context) throws IOException {
        var q = Queries.and(context.scope(), Queries.term(Fields.EVENT_TYPE.name(), "denied"));
        long total = context.index().count(q);
        if (total == 0) {
          return List.of();
        }
        List<IndexedEvent> events = context.index().search(q, 5);
        List<Evidence> evidence = events.stream().map(e -> Evidence.of(e, "denied")).toList();
        List<String> domains = context.index().distinct(Fields.DESTINATION_DOMAIN.name(), q, 10);
        List<String> users = context.index().distinct(Fields.USER_NAME.name(), q, 10);
        Finding denied =
            new Finding(
                DENIED,
                Level.HIGH,
                "denied-required-fqdn",
                "The proxy denied " + total + " requests to " + String.join(", ", domains) + ".",
                Map.of("destination.domain", domains, "user.name", users),
                evidence,
                total,
                // A firewall's denials name addresses only.
                domains.isEmpty()
                    ? "Allow the denied destinations on port 443."
                    : "Allow `" + domains.get(0) + "` on port 443.",
                List.of("https://docs.aws.amazon.com/mgn/latest/ug/Network-Requirements.html"),
                evidence.stream().map(Evidence::timestamp).min(Instant::compareTo).orElse(null),
                evidence.stream().map(Evidence::timestamp).max(Instant::compareTo).orElse(null));
        String record =
            "{\"userIdentity\":{\"arn\":\"arn:aws:iam::"
                + ACCOUNT
                + ":user/"
                + IAM_USER
                + "\",\"accessKeyId\":\""
                + ACCESS_KEY
                + "\",\"userName\":\""
                + IAM_USER
                + "\"},\"sourceIPAddress\":\"198.51.100.77\",\"recipientAccountId\":\""
                + ACCOUNT
                + "\"}";
        Evidence api =
            new Evidence(
                events.get(0).id(),
                "cloudtrail:LookupEvents:ev-1",
                0,
                record,
                evidence.get(0).timestamp(),
                "aws.cloudtrail",
                "");
        Finding key =
            new Finding(
                KEY_USE,
                Level.MEDIUM,
                "agent-key-seen",
                "Key " + ACCESS_KEY + " of account " + ACCOUNT + " called MGN.",
                Map.of("aws.cloudtrail.user_identity.access_key_id", List.of(ACCESS_KEY)),
                List.of(api),
                1,
                "",
                List.of(),
                api.timestamp(),
                api.timestamp());
        return List.of(denied, key);
      }
    };
  }

  static EndpointCatalog catalog() {
    List<RequiredEndpoint> mgn =
        List.of(
            new RequiredEndpoint(
                "aws-mgn",
                "mgn.<region>.amazonaws.com",
                List.of(443),
                "service API",
                true,
                "",
                List.of()),
            new RequiredEndpoint(
                "aws-mgn",
                "s3.<region>.amazonaws.com",
                List.of(443),
                "agent downloads",
                true,
                "",
                List.of()),
            new RequiredEndpoint(
                "aws-mgn",
                "*.execute-api.<region>.amazonaws.com",
                List.of(443),
                "wildcard, never resolved",
                false,
                "",
                List.of()));
    List<RequiredEndpoint> asr =
        List.of(
            new RequiredEndpoint(
                "azure-site-recovery",
                "login.microsoftonline.com",
                List.of(443),
                "sign-in",
                false,
                "",
                List.of()),
            new RequiredEndpoint(
                "azure-site-recovery",
                "*.hypervrecoverymanager.windowsazure.com",
                List.of(443),
                "service",
                true,
                "",
                List.of()));
    return new EndpointCatalog() {
      @Override
      public List<String> services() {
        return List.of("aws-mgn", "azure-site-recovery");
      }

      @Override
      public List<RequiredEndpoint> endpoints(String service) {
        return service.equals("aws-mgn")
            ? mgn
            : service.equals("azure-site-recovery") ? asr : List.of();
      }

      @Override
      public Optional<RequiredEndpoint> find(String name) {
        return mgn.stream().filter(e -> e.matches(name, null)).findFirst();
      }
    };
  }

  static ReportInputs inputs() {
    return new ReportInputs(
        folder -> findings(), files -> ReferenceData.empty(), ref -> EventEnricher.NONE, catalog());
  }

  /** A resolver answering from a table, failing for anything else: tests never use DNS. */
  static final class FakeResolver implements HostResolver {
    final List<String> asked = new ArrayList<>();

    @Override
    public List<String> resolve(String host) throws UnknownHostException {
      asked.add(host);
      if (host.startsWith("mgn.")) {
        return List.of("10.30.0.15");
      }
      if (host.startsWith("s3.")) {
        return List.of("203.0.113.40", "203.0.113.41");
      }
      throw new UnknownHostException(host);
    }
  }

  static CollectCommand.Environment environment(FakeResolver resolver) {
    return new CollectCommand.Environment(
        Map.of(
            "https_proxy", "http://svc-mgn:Sup3rS3cret@proxy.corp.example:3128",
            "NO_PROXY", "169.254.169.254,.corp.example",
            "PATH", "/usr/bin"),
        resolver,
        Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
  }

  /**
   * The outcome of one command line.
   *
   * @param code the exit code
   * @param out what went to stdout
   * @param err what went to stderr
   */
  record Run(int code, String out, String err) {}

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main main = new Main(new PrintWriter(out), new PrintWriter(err));
    CommandLine cmd = new CommandLine(command);
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    cmd.setParameterExceptionHandler(
        (ex, a) -> {
          err.write(ex.getMessage());
          return ExitCodes.USAGE;
        });
    cmd.setExecutionExceptionHandler((ex, line, parsed) -> main.failure(ex));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = ReportTestSupport.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  /** A zip of name/content pairs, names written exactly as given. */
  static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(raw)) {
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  /** A .tar.gz of name/content pairs, with GNU long-name records for names over 100 bytes. */
  static Path tarGz(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        GZIPOutputStream gz = new GZIPOutputStream(raw)) {
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
        if (name.length > 99) {
          byte[] longName = java.util.Arrays.copyOf(name, name.length + 1);
          gz.write(header("././@LongLink", longName.length, 'L'));
          gz.write(longName);
          gz.write(new byte[(512 - longName.length % 512) % 512]);
        }
        gz.write(
            header(
                name.length > 99 ? e.getKey().substring(0, 99) : e.getKey(),
                e.getValue().length,
                '0'));
        gz.write(e.getValue());
        gz.write(new byte[(512 - e.getValue().length % 512) % 512]);
      }
      gz.write(new byte[1024]);
    }
    return file;
  }

  private static byte[] header(String name, long size, char type) {
    byte[] h = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
    put(h, 100, "0000644\0");
    put(h, 108, "0000000\0");
    put(h, 116, "0000000\0");
    put(h, 124, String.format("%011o\0", size));
    put(h, 136, String.format("%011o\0", 0));
    h[156] = (byte) type;
    put(h, 257, "ustar\0");
    put(h, 263, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o\0 ", sum));
    return h;
  }

  private static void put(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, b.length);
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
