package io.egressdoctor.shell;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.ingest.EventEnricher;
import io.egressdoctor.ingest.cloudtrail.CloudTrailLookup;
import io.egressdoctor.ingest.cloudtrail.CloudTrailPull;
import io.egressdoctor.ingest.cloudtrail.CloudTrailPullException;
import io.egressdoctor.ingest.cloudtrail.LookupQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code egress-doctor cloudtrail pull}: pulls events from CloudTrail's LookupEvents API into the
 * index, e.g. every call made with the MGN installer's access key.
 */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Pulls CloudTrail management events (the last 90 days of one region's event history) through"
          + " the LookupEvents API into the index.",
      "Credentials and settings come from the AWS SDK's default chain (AWS_* variables, the"
          + " shared config and credentials files, SSO, instance roles) or --profile. Requests are"
          + " paced to the API's 2 per second and retried with backoff; an interrupted pull"
          + " resumes when run again."
    },
    footer = {
      "",
      "Example: egress-doctor cloudtrail pull --region ap-northeast-1"
          + " --access-key-id AKIAIOSFODNN7EXAMPLE --since 7d",
      "",
      ExitCodes.HELP
    })
public final class CloudTrailPullCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexLocationOptions index;

  @Mixin Options options;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IndexTarget target = index.target();
    try (EventIndex idx = target.open()) {
      pull(idx, options, EventEnricher.NONE, out, err);
    }
    out.println("Index: " + target.describe());
    return ExitCodes.OK;
  }

  /**
   * Pulls into an open index and prints what was pulled; {@code report} calls this too.
   *
   * @throws UserError when AWS refuses, with a message that says what to do
   */
  public static CloudTrailPull.Result pull(
      EventIndex index, Options options, EventEnricher enricher, PrintWriter out, PrintWriter err)
      throws IOException, InterruptedException {
    LookupQuery query = options.query();
    PullProgress progress = new PullProgress(System.console() != null ? err : null);
    CloudTrailPull.Result result;
    try {
      result =
          new CloudTrailPull(
                  index,
                  q -> new CloudTrailLookup(q, CloudTrailLookup.Settings.defaults()),
                  enricher,
                  options.save,
                  progress)
              .pull(query);
    } catch (CloudTrailPullException e) {
      throw new UserError(
          e.getMessage()
              + ". Events pulled before the error are in the index; the same command resumes.",
          switch (e.kind()) {
            case ACCESS_DENIED, CREDENTIALS, BAD_REQUEST -> ExitCodes.USAGE;
            case THROTTLED, SERVICE -> ExitCodes.INTERNAL;
          });
    } finally {
      progress.clear();
    }
    write(result, options, out);
    return result;
  }

  private static void write(CloudTrailPull.Result r, Options options, PrintWriter out) {
    if (r.alreadyPulled()) {
      out.println("Already pulled: " + r.source() + " (nothing new asked)");
      return;
    }
    out.println((r.resumed() ? "Resumed: " : "Pulled: ") + r.source());
    String range =
        r.oldest() == null
            ? ""
            : ", " + Instant.ofEpochMilli(r.oldest()) + " .. " + Instant.ofEpochMilli(r.newest());
    out.printf(
        Locale.ROOT,
        "  %,d events (%,d unreadable) in %d pages%s%n",
        r.events(),
        r.rejected(),
        r.pages(),
        range);
    for (String reason : r.reasons()) {
      out.println("  " + reason);
    }
    if (options.save != null) {
      out.println("  saved to " + options.save);
    }
  }

  /** The options of a pull, shared with {@code report}. */
  public static final class Options {

    @Option(
        names = "--region",
        required = true,
        paramLabel = "REGION",
        description = "The region whose event history is read, e.g. ap-northeast-1.")
    String region;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Attribute attribute;

    @Option(
        names = "--since",
        paramLabel = "TIME",
        description =
            "The earliest event time: 2024-05-01, 2024-05-01T09:00, 2024-05-01T09:00:00Z, or 90m,"
                + " 12h, 7d ago.")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "The latest event time.")
    String until;

    @Option(
        names = "--profile",
        paramLabel = "PROFILE",
        description = "The AWS profile to use (default: the SDK's chain, AWS_PROFILE included).")
    String profile;

    @Option(
        names = "--endpoint-url",
        paramLabel = "URL",
        description = "Call this endpoint instead of the region's (a VPC endpoint, a test server).")
    URI endpoint;

    @Option(
        names = "--save",
        paramLabel = "FILE",
        description = "Also append every pulled record to this JSON lines file (for the ticket).")
    Path save;

    @Option(
        names = "--timezone",
        paramLabel = "ZONE",
        description =
            "Zone of --since/--until times written without one (default: ${DEFAULT-VALUE}).")
    String timezone = ZoneId.systemDefault().getId();

    /** Whether a pull was asked for (a region was given). */
    public boolean requested() {
      return region != null;
    }

    LookupQuery query() {
      ZoneId zone = IngestCommand.zone(timezone);
      Instant now = Instant.now();
      LookupQuery.Attribute key = attribute == null ? null : attribute.key();
      String value = attribute == null ? null : attribute.value();
      try {
        return new LookupQuery(
            region, key, value, time(since, zone, now), time(until, zone, now), profile, endpoint);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
    }
  }

  /** The one attribute LookupEvents filters on. */
  static final class Attribute {
    @Option(
        names = "--access-key-id",
        paramLabel = "KEY",
        description = "Calls made with this access key id (e.g. the MGN installer's).")
    String accessKeyId;

    @Option(names = "--event-name", paramLabel = "NAME", description = "e.g. SendClientLogsForMgn.")
    String eventName;

    @Option(
        names = "--event-source",
        paramLabel = "SOURCE",
        description = "e.g. mgn.amazonaws.com.")
    String eventSource;

    @Option(
        names = "--username",
        paramLabel = "USER",
        description = "The IAM user or role session.")
    String username;

    LookupQuery.Attribute key() {
      if (accessKeyId != null) {
        return LookupQuery.Attribute.ACCESS_KEY_ID;
      }
      if (eventName != null) {
        return LookupQuery.Attribute.EVENT_NAME;
      }
      if (eventSource != null) {
        return LookupQuery.Attribute.EVENT_SOURCE;
      }
      return LookupQuery.Attribute.USERNAME;
    }

    String value() {
      if (accessKeyId != null) {
        return accessKeyId;
      }
      if (eventName != null) {
        return eventName;
      }
      return eventSource != null ? eventSource : username;
    }
  }

  private static final Pattern AGO = Pattern.compile("(\\d+)([smhd])");

  /** A time option: an instant, a local date-time or date in the zone, or an amount ago. */
  static Instant time(String text, ZoneId zone, Instant now) {
    if (text == null) {
      return null;
    }
    String s = text.trim();
    Matcher m = AGO.matcher(s.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d =
          switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      return now.minus(d);
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeException e) {
      // Not with an offset; try without.
    }
    try {
      return LocalDateTime.parse(s).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      // Not a date-time; try a date.
    }
    try {
      return LocalDate.parse(s).atStartOfDay(zone).toInstant();
    } catch (DateTimeException e) {
      throw new UserError(
          "cannot read the time '" + s + "' (try 2024-05-01, 2024-05-01T09:00:00Z or 7d)");
    }
  }

  /** Progress on stderr, redrawn in place, only on a terminal. */
  private static final class PullProgress implements CloudTrailPull.Progress {
    private final PrintWriter err;
    private int width;

    PullProgress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void update(int pages, long events, Instant oldest) {
      if (err == null) {
        return;
      }
      String line =
          String.format(
              Locale.ROOT,
              "%d pages · %,d events · back to %s",
              pages,
              events,
              oldest == null ? "-" : oldest.toString());
      err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
      err.flush();
      width = line.length();
    }

    void clear() {
      if (err != null && width > 0) {
        err.print("\r" + " ".repeat(width) + "\r");
        err.flush();
      }
    }
  }
}
