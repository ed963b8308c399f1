package io.egressdoctor.collect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from collected text: passwords in proxy URLs, AWS secret keys and session tokens
 * given to the installer, values of password, secret and token settings, and such values in {@code
 * reg query} output. The rest of each line is kept byte for byte, so parsers still read it.
 *
 * <p>The words and options come from the shared collect data ({@link CollectData}); the patterns
 * are built from the {@code *_TEMPLATE}s below, which {@code egress-doctor-collect.ps1} holds
 * verbatim ({@code CollectDataTest} compares them) and {@code egress-doctor-collect.sh} mirrors in
 * sed (its test compares the results line by line).
 */
public final class SecretScrubber {

  /** What replaces a secret. */
  public static final String MASK = "***";

  /**
   * Java's {@code \s} as a bracket list: the templates spell out ASCII classes (no {@code \w},
   * {@code \s}, {@code \b}) so .NET, whose classes are Unicode, reads them alike.
   */
  static final String SPACE = " \\t\\n\\x0B\\f\\r";

  /**
   * Whitespace within a line: a secret's name, separator and value are on one line, so a mask never
   * reaches into the next line (and line-by-line tools such as sed mask alike).
   */
  static final String BLANK = " \\t\\x0B\\f";

  /** A password in a URL's user info: group 1 is kept, group 2 masked. */
  static final String URL_TEMPLATE =
      "((?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9+.-]*://[^:/@"
          + SPACE
          + "\"']+):([^@"
          + SPACE
          + "\"']+)@";

  /** An installer option's value: groups 1 and 2 are kept, 3 masked. */
  static final String OPTION_TEMPLATE =
      "(?i)({OPTIONS})(=|[" + BLANK + "]+)(\"[^\"\\r\\n]*\"|[^" + SPACE + "]+)";

  /** A setting's value: group 1 is kept, group 2 masked (keeping its quotes). */
  static final String SETTING_TEMPLATE =
      "(?i)([A-Za-z0-9_.-]*(?:{WORDS})[A-Za-z0-9_.-]*[\"']?["
          + BLANK
          + "]*[:=]["
          + BLANK
          + "]*)(\"[^\"\\r\\n]*\"|'[^'\\r\\n]*'|[^"
          + SPACE
          + ",;&]+)";

  /** A registry value in {@code reg query} output: group 1 is kept, group 2 masked. */
  static final String REG_TEMPLATE =
      "(?im)^(["
          + BLANK
          + "]+[A-Za-z0-9_.-]*(?:{WORDS})[A-Za-z0-9_.-]*["
          + BLANK
          + "]+REG_[A-Z_]+[ \\t]+)([^\\r\\n]+)";

  static final Pattern URL_PASSWORD = Pattern.compile(URL_TEMPLATE);
  static final Pattern INSTALLER_SECRET = Pattern.compile(fill(OPTION_TEMPLATE));
  static final Pattern SETTING = Pattern.compile(fill(SETTING_TEMPLATE));
  static final Pattern REG_VALUE = Pattern.compile(fill(REG_TEMPLATE));

  private SecretScrubber() {}

  /** A template with the shared words and options put in. */
  static String fill(String template) {
    CollectData data = CollectData.builtIn();
    return template
        .replace("{OPTIONS}", String.join("|", data.secretOptions()))
        .replace("{WORDS}", String.join("|", data.secretWords()));
  }

  /** The text with every secret replaced by {@link #MASK}. */
  public static String scrub(String text) {
    String out = replace(URL_PASSWORD, text, m -> m.group(1) + ":" + MASK + "@");
    out = replace(INSTALLER_SECRET, out, m -> m.group(1) + m.group(2) + MASK);
    out = replace(SETTING, out, m -> m.group(1) + quoted(m.group(2)));
    out = replace(REG_VALUE, out, m -> m.group(1) + MASK);
    return out;
  }

  /** Whether scrubbing changes the text. */
  public static boolean hasSecrets(String text) {
    return !scrub(text).equals(text);
  }

  private static String quoted(String value) {
    for (String q : List.of("\"", "'")) {
      if (value.length() >= 2 && value.startsWith(q) && value.endsWith(q)) {
        return q + MASK + q;
      }
    }
    return MASK;
  }

  private static String replace(
      Pattern p,
      String text,
      java.util.function.Function<java.util.regex.MatchResult, String> replacement) {
    return p.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
  }
}
