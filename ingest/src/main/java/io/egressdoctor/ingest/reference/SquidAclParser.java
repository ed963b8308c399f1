package io.egressdoctor.ingest.reference;

import io.egressdoctor.core.reference.AllowlistEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads what a Squid configuration allows from its {@code acl NAME dst ...} and {@code acl NAME
 * dstdomain ...} lines, values given inline or in files named in quotes.
 *
 * <p>When the configuration has {@code http_access} lines, only the acls an {@code http_access
 * allow} line names (not negated) count; a snippet of acl lines alone counts whole. Other
 * directives and acl types are ignored, since a real squid.conf holds many.
 */
final class SquidAclParser {

  private SquidAclParser() {}

  private record Acl(String name, String type, List<String> values, long line) {}

  static int parse(ReferenceSource source, ReferenceCollector out) {
    List<Acl> acls = new ArrayList<>();
    Set<String> allowed = new LinkedHashSet<>();
    boolean hasAccessRules = false;
    for (TextLines.NumberedLine line : logicalLines(source)) {
      String[] t = line.text().split("\\s+");
      String directive = t[0].toLowerCase(Locale.ROOT);
      if (directive.equals("acl") && t.length >= 3) {
        String type = t[2].toLowerCase(Locale.ROOT);
        if (type.equals("dst") || type.equals("dstdomain")) {
          List<String> values = new ArrayList<>();
          for (int i = 3; i < t.length; i++) {
            if (!t[i].startsWith("-")) {
              values.add(t[i]);
            }
          }
          acls.add(new Acl(t[1], type, values, line.number()));
        }
      } else if (directive.equals("http_access") && t.length >= 2) {
        hasAccessRules = true;
        if (t[1].equalsIgnoreCase("allow")) {
          for (int i = 2; i < t.length; i++) {
            if (!t[i].startsWith("!")) {
              allowed.add(t[i]);
            }
          }
        }
      }
    }
    int count = 0;
    for (Acl acl : acls) {
      if (hasAccessRules && !allowed.contains(acl.name())) {
        continue;
      }
      for (String value : acl.values()) {
        if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
          ReferenceSource list =
              ReferenceSource.of(
                  included(source, acl.line(), value.substring(1, value.length() - 1)));
          count += TextAllowlistParser.parse(list, out);
        } else {
          AllowlistEntry entry = AllowlistValues.entry(value, source, acl.line());
          if (acl.type().equals("dst") && entry.kind() != AllowlistEntry.Kind.CIDR) {
            throw source.fail(acl.line(), "acl dst takes addresses, not '" + value + "'");
          }
          out.allow(entry);
          count++;
        }
      }
    }
    return count;
  }

  /** The files the configuration's acls name in quotes that exist, for copying with it. */
  static List<Path> includedFiles(Path config) {
    ReferenceSource source = ReferenceSource.of(config);
    List<Path> out = new ArrayList<>();
    for (TextLines.NumberedLine line : logicalLines(source)) {
      for (String token : line.text().split("\\s+")) {
        if (token.length() > 1 && token.startsWith("\"") && token.endsWith("\"")) {
          try {
            out.add(included(source, line.number(), token.substring(1, token.length() - 1)));
          } catch (ReferenceFileException e) {
            // A missing list fails when the configuration is loaded; here it is just not copied.
          }
        }
      }
    }
    return out;
  }

  /**
   * The file a quoted acl value names: as written (relative to the configuration's folder), else
   * the same file name beside the configuration, as in a bundle or a stored copy.
   */
  private static Path included(ReferenceSource source, long line, String written) {
    Path folder = source.path().toAbsolutePath().getParent();
    Path asWritten = folder.resolve(written);
    if (Files.isRegularFile(asWritten)) {
      return asWritten;
    }
    Path beside = folder.resolve(Path.of(written).getFileName().toString());
    if (Files.isRegularFile(beside)) {
      return beside;
    }
    throw source.fail(
        line, "acl file " + written + " not found (put it beside " + source.name() + ")");
  }

  /** Lines with backslash continuations joined, numbered by their first physical line. */
  private static List<TextLines.NumberedLine> logicalLines(ReferenceSource source) {
    List<TextLines.NumberedLine> out = new ArrayList<>();
    StringBuilder pending = null;
    long start = 0;
    for (TextLines.NumberedLine line : TextLines.read(source, '#')) {
      String text = line.text();
      boolean continues = text.endsWith("\\");
      String body = continues ? text.substring(0, text.length() - 1) : text;
      if (pending == null) {
        pending = new StringBuilder(body);
        start = line.number();
      } else {
        pending.append(' ').append(body);
      }
      if (!continues) {
        out.add(new TextLines.NumberedLine(start, pending.toString().strip()));
        pending = null;
      }
    }
    if (pending != null) {
      out.add(new TextLines.NumberedLine(start, pending.toString().strip()));
    }
    return out;
  }
}
