package io.egressdoctor.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from collected text with the shared scrubbing specification: the {@code scrub}
 * rules of {@code collect-data.tsv} ({@link CollectData.ScrubRule}), which {@code
 * egress-doctor-collect.sh} turns into a sed script and {@code egress-doctor-collect.ps1} into .NET
 * regular expressions. The rules apply in order to each line without its newline, as sed does, so
 * the three collectors mask alike (one corpus checks them, {@code collect/scrub-corpus.txt}); the
 * rest of each line is kept byte for byte, so parsers still read it.
 *
 * <p>What each rule masked is counted by kind, in lines, never with the values, for the manifest.
 */
public final class SecretScrubber {

  /** What replaces a secret. */
  public static final String MASK = "***";

  /**
   * {@code {S}}: the space characters as bracket-list content. Java's and .NET's escapes; sed gets
   * {@code [:space:]}. ASCII only, as .NET's {@code \s} is Unicode.
   */
  public static final String SPACE = " \\t\\n\\x0B\\f\\r";

  /** {@code {B}}: blanks within a line, so a mask never reaches into the next line. */
  public static final String BLANK = " \\t\\x0B\\f";

  /** {@code {CR}}: a carriage return, kept at the end of a Windows line. */
  public static final String RETURN = "\\r";

  private static final Pattern GROUP = Pattern.compile("\\\\([1-9])");

  /** A rule compiled for Java. */
  private record Compiled(String kind, Pattern pattern, String replacement) {}

  private static final List<Compiled> RULES = compile(CollectData.builtIn());

  /** The text scrubbed, and how many lines each kind of rule masked. */
  public record Result(String text, Map<String, Integer> counts) {

    public Result {
      counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
  }

  private SecretScrubber() {}

  /** A rule's regular expression for Java and .NET: the placeholders filled in. */
  public static String regex(CollectData.ScrubRule rule, CollectData data) {
    String re =
        rule.pattern()
            .replace("{S}", SPACE)
            .replace("{B}", BLANK)
            .replace("{CR}", RETURN)
            .replace("{WORDS}", String.join("|", data.secretWords()))
            .replace("{OPTIONS}", String.join("|", data.secretOptions()))
            .replace("{SUFFIXES}", String.join("|", data.secretSuffixes()));
    return (rule.ignoreCase() ? "(?i)" : "") + re;
  }

  /** A rule's replacement for Java and .NET: {@code \1} becomes {@code $1}. */
  public static String replacement(CollectData.ScrubRule rule) {
    return GROUP
        .matcher(rule.replacement())
        .replaceAll(m -> Matcher.quoteReplacement("$" + m.group(1)));
  }

  private static List<Compiled> compile(CollectData data) {
    List<Compiled> out = new ArrayList<>();
    for (CollectData.ScrubRule r : data.scrubRules()) {
      out.add(
          new Compiled(
              r.kind(), Pattern.compile(regex(r, data), Pattern.UNIX_LINES), replacement(r)));
    }
    return List.copyOf(out);
  }

  /** The kinds of rule, in the specification's order. */
  public static List<String> kinds() {
    return RULES.stream().map(Compiled::kind).distinct().toList();
  }

  /** The text with every secret replaced by {@link #MASK}. */
  public static String scrub(String text) {
    return scrubCounting(text).text();
  }

  /** The text with every secret masked, and the lines masked by kind. */
  public static Result scrubCounting(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      out.append(scrubLine(text.substring(start, end), counts));
      if (nl < 0) {
        break;
      }
      out.append('\n');
      start = nl + 1;
    }
    return new Result(out.toString(), counts);
  }

  private static String scrubLine(String line, Map<String, Integer> counts) {
    String out = line;
    for (Compiled rule : RULES) {
      Matcher m = rule.pattern().matcher(out);
      if (m.find()) {
        out = m.replaceAll(rule.replacement());
        counts.merge(rule.kind(), 1, Integer::sum);
      }
    }
    return out;
  }

  /** Whether scrubbing changes the text. */
  public static boolean hasSecrets(String text) {
    return !scrub(text).equals(text);
  }
}
