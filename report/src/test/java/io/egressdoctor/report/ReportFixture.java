package io.egressdoctor.report;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.net.IpAddresses;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.core.reference.PrivateEndpoint;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.core.reference.ReferenceSet;
import io.egressdoctor.core.reference.SimpleReferenceData;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.Diagnosis;
import io.egressdoctor.diagnosis.DiagnosisResult;
import io.egressdoctor.diagnosis.FindingSource;
import io.egressdoctor.diagnosis.Investigation;
import io.egressdoctor.diagnosis.catalog.EndpointCatalog;
import io.egressdoctor.diagnosis.catalog.RequiredEndpoint;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small indexed Squid log, a fake catalog and injected findings, for report tests. */
final class ReportFixture implements AutoCloseable {

  static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
  static final String ACCOUNT = "111122223333";
  static final String IAM_USER = "migration-admin";
  static final String PROXY_USER = "alice";
  static final String PUBLIC_IP = "203.0.113.3";

  static final RuleRef DENIED_RULE =
      new RuleRef(
          "0f9d1a52-6a55-4e3c-9a0e-2b7b1c2b8f10",
          "denied-required-fqdn",
          "The proxy denies an endpoint the agent needs");
  static final RuleRef API_RULE =
      new RuleRef(
          "5d1f7c0e-2e0e-4a8e-8f4c-3c1f9b6a7e21",
          "agent-credentials-used-from-proxy",
          "Agent credentials used through the proxy");

  final Path folder;
  final LuceneEventIndex index;

  private ReportFixture(Path folder, LuceneEventIndex index) {
    this.folder = folder;
    this.index = index;
  }

  static ReportFixture create(Path dir) throws IOException {
    Path log = dir.resolve("bundle").resolve("access.log");
    Files.createDirectories(log.getParent());
    try (InputStream in = ReportFixture.class.getResourceAsStream("mgn-denied-bundle.log")) {
      Files.copy(in, log);
    }
    LuceneEventIndex index = LuceneEventIndex.open(dir.resolve("index"));
    new IngestPipeline(
            index,
            FormatRegistry.builtIn(),
            IngestOptions.defaults().withZone(ZoneOffset.UTC),
            IngestProgress.NONE)
        .ingest(List.of(log.getParent()));
    return new ReportFixture(dir, index);
  }

  AnalysisContext context() {
    return new AnalysisContext(index, reference(), catalog(), Queries.all());
  }

  /** The diagnosis of the fixture's index with the fixture's own findings. */
  DiagnosisResult diagnosis() throws IOException {
    return diagnosis(findings(), List.of(DENIED_RULE, API_RULE));
  }

  /** A diagnosis of the fixture's index whose pack finds exactly these findings. */
  DiagnosisResult diagnosis(List<Finding> found, List<RuleRef> rules) throws IOException {
    FindingSource fixed =
        new FindingSource() {
          @Override
          public List<RuleRef> rules() {
            return rules;
          }

          @Override
          public List<Finding> run(AnalysisContext context) {
            return found;
          }
        };
    return new Diagnosis(fixed, catalog())
        .run(new Investigation(index, reference()), Queries.all(), null, null);
  }

  Report report() throws IOException {
    return new ReportBuilder(
            Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC),
            ZoneId.of("Asia/Tokyo"))
        .build(diagnosis());
  }

  List<Finding> findings() throws IOException {
    List<IndexedEvent> denied =
        index.search(Queries.term(Fields.SQUID_RESULT_CODE.name(), "TCP_DENIED"), 10);
    List<Evidence> evidence =
        denied.stream().map(e -> Evidence.of(e, "denied by the proxy")).toList();
    Finding deniedFinding =
        new Finding(
            DENIED_RULE,
            Level.HIGH,
            "denied-required-fqdn",
            "The proxy denied 4 CONNECT requests from 10.20.1.54 and 10.20.1.55 to"
                + " mgn.ap-northeast-1.amazonaws.com:443, which the replication agent needs. "
                + "The agent cannot register.",
            Map.of(
                "destination.domain", List.of("mgn.ap-northeast-1.amazonaws.com"),
                "source.ip", List.of("10.20.1.54", "10.20.1.55"),
                "user.name", List.of(PROXY_USER)),
            evidence,
            4,
            "Allow `mgn.ap-northeast-1.amazonaws.com` on port 443 in the proxy's allowlist.",
            List.of("https://docs.aws.amazon.com/mgn/latest/ug/Network-Requirements.html"),
            evidence.stream().map(Evidence::timestamp).min(Instant::compareTo).orElse(null),
            evidence.stream().map(Evidence::timestamp).max(Instant::compareTo).orElse(null));
    IndexedEvent any = denied.get(0);
    String record =
        "{\"eventSource\":\"mgn.amazonaws.com\",\"userIdentity\":{\"type\":\"IAMUser\","
            + "\"arn\":\"arn:aws:iam::"
            + ACCOUNT
            + ":user/"
            + IAM_USER
            + "\",\"accountId\":\""
            + ACCOUNT
            + "\",\"accessKeyId\":\""
            + ACCESS_KEY
            + "\",\"userName\":\""
            + IAM_USER
            + "\"},\"sourceIPAddress\":\""
            + PUBLIC_IP
            + "\",\"recipientAccountId\":\""
            + ACCOUNT
            + "\"}";
    Evidence api =
        new Evidence(
            any.id(),
            "AWSLogs/" + ACCOUNT + "/CloudTrail/ap-northeast-1/2024/05/01/trail.json.gz",
            3,
            record,
            Instant.parse("2024-05-01T09:05:00Z"),
            "aws.cloudtrail",
            "SendAgentMetricsForMgn from the proxy's public address");
    Finding apiFinding =
        new Finding(
            API_RULE,
            Level.MEDIUM,
            "agent-credentials-from-proxy",
            "The agent's key "
                + ACCESS_KEY
                + " of arn:aws:iam::"
                + ACCOUNT
                + ":user/"
                + IAM_USER
                + " called MGN from "
                + PUBLIC_IP
                + ".",
            Map.of(
                "aws.cloudtrail.user_identity.access_key_id",
                List.of(ACCESS_KEY),
                "source.ip",
                List.of(PUBLIC_IP)),
            List.of(api),
            1,
            "Nothing to fix; this shows the agent's calls go out through " + PUBLIC_IP + ".",
            List.of(),
            api.timestamp(),
            api.timestamp());
    return List.of(apiFinding, deniedFinding);
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
                "aws-mgn-clients-<region>.s3.<region>.amazonaws.com",
                List.of(443),
                "agent installer",
                false,
                "",
                List.of()),
            new RequiredEndpoint(
                "aws-mgn",
                "ec2.<region>.amazonaws.com",
                List.of(443),
                "replication servers",
                true,
                "",
                List.of()));
    List<RequiredEndpoint> asr =
        List.of(
            new RequiredEndpoint(
                "azure-site-recovery",
                "*.hypervrecoverymanager.windowsazure.com",
                List.of(443),
                "ASR service",
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
        return switch (service) {
          case "aws-mgn" -> mgn;
          case "azure-site-recovery" -> asr;
          default -> List.of();
        };
      }

      @Override
      public Optional<RequiredEndpoint> find(String name) {
        return mgn.stream().filter(e -> e.matches(name, null)).findFirst();
      }
    };
  }

  static ReferenceData reference() {
    var pe =
        new PrivateEndpoint(
            "aws",
            "com.amazonaws.ap-northeast-1.mgn",
            "vpce-0a1b2c3d4e5f60718",
            List.of("mgn.ap-northeast-1.amazonaws.com"),
            List.of(IpAddresses.parse("10.30.0.15").orElseThrow()),
            true,
            "endpoints.json");
    return new SimpleReferenceData(
        List.of(new ReferenceSet("endpoints.json", "endpoint-inventory", "ref/endpoints.json", 1)),
        List.of(),
        List.of(pe),
        List.of());
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
