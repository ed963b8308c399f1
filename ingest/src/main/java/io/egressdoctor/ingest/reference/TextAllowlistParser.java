package io.egressdoctor.ingest.reference;

/**
 * Reads a plain-text allowlist: CIDRs, addresses and domains separated by line breaks, blanks or
 * commas, with {@code #} comments. This is also the shape of the files a Squid {@code acl} names in
 * quotes.
 */
final class TextAllowlistParser {

  private TextAllowlistParser() {}

  static int parse(ReferenceSource source, ReferenceCollector out) {
    int count = 0;
    for (TextLines.NumberedLine line : TextLines.read(source, '#')) {
      for (String token : line.text().split("[\\s,;]+")) {
        if (!token.isEmpty()) {
          out.allow(AllowlistValues.entry(token, source, line.number()));
          count++;
        }
      }
    }
    return count;
  }
}
