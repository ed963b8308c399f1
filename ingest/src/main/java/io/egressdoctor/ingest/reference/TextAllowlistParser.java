package io.egressdoctor.ingest.reference;

/**
 * Reads a plain-text allowlist: CIDRs, addresses and domains separated by line breaks, blanks or
 * commas, with {@code #} comments. This is also the shape of the files a Squid {@code acl} names in
 * quotes. A firewall export with columns ({@code 192.0.2.1/32 tcp/443 console (published IP)})
 * counts only its first column when the others are not allowlist values themselves.
 */
final class TextAllowlistParser {

  private TextAllowlistParser() {}

  static int parse(ReferenceSource source, ReferenceCollector out) {
    int count = 0;
    for (TextLines.NumberedLine line : TextLines.read(source, '#')) {
      for (String token : values(line.text())) {
        out.allow(AllowlistValues.entry(token, source, line.number()));
        count++;
      }
    }
    return count;
  }

  private static java.util.List<String> values(String text) {
    java.util.List<String> tokens =
        java.util.Arrays.stream(text.strip().split("[\\s,;]+")).filter(t -> !t.isEmpty()).toList();
    boolean listOfValues =
        text.contains(",")
            || text.contains(";")
            || tokens.stream().allMatch(AllowlistValues::looksLikeEntry);
    boolean columns =
        !listOfValues && !tokens.isEmpty() && AllowlistValues.looksLikeEntry(tokens.getFirst());
    return columns ? tokens.subList(0, 1) : tokens;
  }
}
