package io.egressdoctor.ingest.input;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files in a bundle that are documents, not evidence: notes, screenshots, PDFs, Office files and
 * this tool's own {@code expected-findings.json}. They are listed as skipped, never read as logs,
 * and do not make a diagnosis incomplete.
 *
 * <p>A plain-text note ({@code .txt}) is tried as a pasted session and by every other format first;
 * only when none reads it and few of its lines carry a time of day is it taken for a note.
 */
public final class Documents {

  /** The share of lines with a time of day above which unread text is a log, not a note. */
  public static final double LOG_LINE_SHARE = 0.2;

  private static final Pattern TIME_OF_DAY =
      Pattern.compile(
          "\\b\\d{1,2}:\\d\\d:\\d\\d\\b|^\\s*\\[?\\d{4}-\\d\\d-\\d\\d|^\\d{9,10}\\.\\d{3}\\b");

  private Documents() {}

  /** What kind of document a file is, by its name, or empty when it may be evidence. */
  public static Optional<String> kindOf(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.equals("expected-findings.json")) {
      return Optional.of("egress-doctor's expected findings of a sample bundle");
    }
    String ext = n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : "";
    return Optional.ofNullable(
        switch (ext) {
          case "md", "markdown", "rst", "adoc" -> "a note (" + ext + ")";
          case "png", "jpg", "jpeg", "gif", "bmp", "webp", "tif", "tiff", "heic", "svg" ->
              "an image (" + ext + ")";
          case "pdf" -> "a PDF document";
          case "doc", "docx", "odt", "rtf", "ppt", "pptx", "odp", "msg", "eml" ->
              "a document (" + ext + ")";
          case "xls", "xlsx", "ods" -> "a spreadsheet (" + ext + "): save it as CSV to read it";
          default -> null;
        });
  }

  /**
   * The AWS CLI listings ({@code aws ec2 describe-...}, {@code aws route53 ...}) of network
   * configuration that support engineers attach but that no rule reads yet: recognised by their
   * top-level key, so that they are listed as skipped rather than as evidence that could not be
   * read. The listings rules do read (VPC endpoints, network interfaces, VPN connections) are
   * reference data and never get here.
   */
  private static final Pattern UNUSED_AWS_LISTING =
      Pattern.compile(
          "\\A\\s*\\{\\s*\"(RouteTables|SecurityGroups|SecurityGroupRules|Subnets|Vpcs|NatGateways"
              + "|InternetGateways|EgressOnlyInternetGateways|TransitGateways"
              + "|TransitGatewayAttachments|TransitGatewayRouteTables|NetworkAcls|PrefixLists"
              + "|ManagedPrefixLists|Reservations|Addresses|VpcPeeringConnections|DhcpOptions"
              + "|CustomerGateways|VpnGateways|LoadBalancers|TargetGroups|ResolverEndpoints"
              + "|ResolverRules|ResolverRuleAssociations|HostedZones|ResourceRecordSets"
              + "|FlowLogs|Firewalls|FirewallPolicies)\"\\s*:\\s*\\[");

  /**
   * What kind of configuration listing a file no format reads is, when it is one that no rule reads
   * yet, or empty.
   */
  public static Optional<String> unusedListing(List<String> lines) {
    String head = String.join("\n", lines.subList(0, Math.min(lines.size(), 8)));
    if (head.startsWith("\uFEFF")) {
      head = head.substring(1);
    }
    var m = UNUSED_AWS_LISTING.matcher(head);
    return m.find()
        ? Optional.of(
            "an AWS CLI listing of "
                + m.group(1)
                + ": recognised, but no rule reads it yet (it does not make the diagnosis"
                + " incomplete)")
        : Optional.empty();
  }

  /**
   * Whether a file no format reads is a plain-text note: a .txt whose lines rarely carry a time.
   */
  public static boolean isNote(String fileName, List<String> lines) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (!n.endsWith(".txt") && !n.endsWith(".text")) {
      return false;
    }
    long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
    if (nonBlank == 0) {
      return true;
    }
    long timed = lines.stream().filter(l -> TIME_OF_DAY.matcher(l).find()).count();
    return timed < LOG_LINE_SHARE * nonBlank;
  }
}
