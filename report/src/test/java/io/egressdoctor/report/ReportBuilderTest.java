package io.egressdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.matrix.EndpointRow;
import io.egressdoctor.diagnosis.matrix.Observation;
import io.egressdoctor.diagnosis.matrix.Privacy;
import io.egressdoctor.diagnosis.timeline.Timeline;
import io.egressdoctor.diagnosis.timeline.TimelineBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderTest {

  @TempDir Path dir;

  @Test
  void findingsAreOrderedMostSevereFirst() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report report = fixture.report();
      assertThat(report.findings())
          .extracting(f -> f.level())
          .containsExactly(Level.HIGH, Level.MEDIUM);
      assertThat(report.worstLevel()).isEqualTo(Level.HIGH);
      assertThat(report.hasFindingsAtLeast(Level.HIGH)).isTrue();
      assertThat(report.hasFindingsAtLeast(Level.CRITICAL)).isFalse();
    }
  }

  @Test
  void matrixShowsWhatTheProxyDidWithEachRequiredEndpoint() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report report = fixture.report();
      assertThat(report.services())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.service()).isEqualTo("aws-mgn");
                assertThat(s.regions()).containsExactly("ap-northeast-1");
                assertThat(s.reasons()).anyMatch(r -> r.startsWith("names seen: "));
              });
      Map<String, EndpointRow> rows =
          report.endpoints().stream()
              .collect(Collectors.toMap(EndpointRow::host, Function.identity()));
      EndpointRow mgn = rows.get("mgn.ap-northeast-1.amazonaws.com");
      assertThat(mgn.observations()).containsExactly(Map.entry(Observation.DENIED_BY_PROXY, 4L));
      assertThat(mgn.privacy()).isEqualTo(Privacy.SHOULD_BE_PRIVATE);
      assertThat(mgn.privateEndpoint()).isEqualTo("vpce-0a1b2c3d4e5f60718");
      assertThat(rows.get("s3.ap-northeast-1.amazonaws.com").worst())
          .isEqualTo(Observation.VIA_PROXY);
      assertThat(rows.get("s3.ap-northeast-1.amazonaws.com").privacy())
          .isEqualTo(Privacy.CAN_BE_PRIVATE);
      EndpointRow clients =
          rows.get("aws-mgn-clients-ap-northeast-1.s3.ap-northeast-1.amazonaws.com");
      assertThat(clients.worst()).isEqualTo(Observation.FAILED);
      assertThat(clients.privacy()).isEqualTo(Privacy.PUBLIC_ONLY);
      assertThat(rows.get("ec2.ap-northeast-1.amazonaws.com").worst())
          .isEqualTo(Observation.NEVER_SEEN);
      assertThat(rows).doesNotContainKey("*.hypervrecoverymanager.windowsazure.com");
    }
  }

  @Test
  void timelineCountsEventsPerDatasetAndMarksFindings() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Timeline t = fixture.report().timeline();
      assertThat(t.buckets()).isBetween(2, TimelineBuilder.MAX_BUCKETS);
      var squid = t.series().stream().filter(s -> s.dataset().equals("squid.access")).findFirst();
      assertThat(squid).isPresent();
      assertThat(squid.get().total()).isEqualTo(7);
      assertThat(squid.get().counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(7);
      assertThat(t.markers()).extracting(Timeline.Marker::finding).contains(0, 1);
      assertThat(squid.get().sparkline()).hasSize(t.buckets()).contains("█");
    }
  }

  @Test
  void inputsListTheFileWithItsRejectedLine() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      var files = fixture.report().inputs().files();
      assertThat(files)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.path()).endsWith("access.log");
                assertThat(f.format()).isEqualTo("squid");
                assertThat(f.rejected()).isEqualTo(1);
                assertThat(f.reasons()).singleElement().asString().startsWith("line 7");
                assertThat(f.firstSeen()).isNotNull();
              });
    }
  }

  @Test
  void bucketWidthKeepsTheTimelineWithinItsWidth() {
    long hour = 3_600_000L;
    assertThat(TimelineBuilder.widthFor(0, 30 * 60_000L).toMinutes()).isEqualTo(1);
    assertThat(TimelineBuilder.widthFor(0, 10 * hour).toMinutes()).isEqualTo(15);
    assertThat(TimelineBuilder.widthFor(0, 90L * 24 * hour).toDays()).isEqualTo(7);
  }
}
