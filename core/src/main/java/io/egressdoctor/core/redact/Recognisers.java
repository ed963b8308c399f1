package io.egressdoctor.core.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns that find a secret or an identity in text, each naming the groups that hold the
 * value. They find values where they stand (after {@code ProxyPassword=}, inside a URL's user info,
 * in an ARN); the {@link Masker} then masks every other occurrence of a value it found too.
 *
 * <p>The collectors' scrub rules ({@code collect-data.tsv}) mask credentials the same places, with
 * the same vocabulary ({@link SecretVocabulary}); these differ in form because they must hand back
 * the value itself (so it is masked wherever else it appears, with a numbered mask) and read what
 * the collectors keep on purpose: key ids, accounts and user names, which support needs unless a
 * report is redacted. A test runs the collectors' corpus through these too.
 */
final class Recognisers {

  /** One value in a match: the first of the groups that matched. */
  record Capture(MaskKind kind, int... groups) {

    /** The group holding the value in this match, or -1. */
    int group(Matcher m) {
      for (int g : groups) {
        if (m.group(g) != null) {
          return g;
        }
      }
      return -1;
    }
  }

  /**
   * A pattern and the values it captures.
   *
   * @param name what it finds, for tests and docs
   * @param basicGroup the group holding an authorization scheme, whose Basic credentials are
   *     decoded to learn the user and password inside; 0 for none
   */
  record Recogniser(String name, Pattern pattern, List<Capture> captures, int basicGroup) {

    Recogniser(String name, Pattern pattern, Capture... captures) {
      this(name, pattern, List.of(captures), 0);
    }
  }

  private static final String KEY_CHAR = "A-Za-z0-9_.-";
  private static final String SECRET_KEY =
      "(?<!["
          + KEY_CHAR
          + "])["
          + KEY_CHAR
          + "]*(?:(?:"
          + SecretVocabulary.alternatives(SecretVocabulary.WORDS)
          + ")["
          + KEY_CHAR
          + "]*|"
          + SecretVocabulary.alternatives(SecretVocabulary.SUFFIXES)
          + ")";

  /** A value after {@code :} or {@code =}: quoted (to its end, or the line's) or bare. */
  private static final String VALUE =
      "[\"']?[ \\t]*[:=][ \\t]*"
          + "(?:\"((?:[^\"\\\\\\r\\n]|\\\\.)*)\"?|'([^'\\r\\n]*)'?|((?![*{])[^\\s,;&\"'<>]+))";

  private static final String ACCESS_KEY_PREFIXES = "AKIA|ASIA|ABIA|ACCA|APKA";
  private static final String UNIQUE_ID_PREFIXES = "AIDA|AROA|AIPA|ANPA|ANVA|AGPA|ASCA";

  static final List<Recogniser> ALL =
      List.of(
          new Recogniser(
              "url-user-info",
              Pattern.compile(
                  "(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9+.-]*://([^:/?#@\\s\"'<>]+)"
                      + "(?::([^/?#\\s\"'<>]*))?@"),
              new Capture(MaskKind.USER, 1),
              new Capture(MaskKind.PASSWORD, 2)),
          new Recogniser(
              "proxy-user-info",
              Pattern.compile(
                  "(?i)(?<![A-Za-z0-9_])[A-Za-z0-9_.-]*proxy[A-Za-z0-9_.-]*[\"']?"
                      + "(?:[ \\t]*[:=][ \\t]*|[ \\t]+)[\"']?([^:/?#@\\s\"'=]+):([^/?#\\s\"']*)@"),
              new Capture(MaskKind.USER, 1),
              new Capture(MaskKind.PASSWORD, 2)),
          new Recogniser(
              "authorization-digest",
              Pattern.compile(
                  "(?i)(?<![A-Za-z0-9_-])(?:proxy-)?authorization[\"']?[ \\t]*[:=][ \\t]*[\"']?"
                      + "(?:digest|aws4-hmac-sha256)[ \\t]+([^\"\\r\\n]+)"),
              new Capture(MaskKind.CREDENTIAL, 1)),
          new Recogniser(
              "authorization",
              Pattern.compile(
                  "(?i)(?<![A-Za-z0-9_-])(?:proxy-)?authorization[\"']?[ \\t]*[:=][ \\t]*[\"']?"
                      + "(?:(basic|bearer|negotiate|ntlm|kerberos)[ \\t]+)?"
                      + "(?!(?:digest|aws4-hmac-sha256)[ \\t])([^\\s\"',;)\\]}>]+)"),
              List.of(new Capture(MaskKind.CREDENTIAL, 2)),
              1),
          new Recogniser(
              "option",
              Pattern.compile(
                  "(?i)(?<![A-Za-z0-9_-])(?:"
                      + SecretVocabulary.alternatives(SecretVocabulary.OPTIONS)
                      + ")(?:=[ \\t]*|[ \\t]+)(?:\"([^\"\\r\\n]*)\"|'([^'\\r\\n]*)'|([^\\s\"']+))"),
              new Capture(MaskKind.SECRET, 1, 2, 3)),
          new Recogniser(
              "presigned",
              Pattern.compile(
                  "(?i)[?&](?:x-amz-signature|x-amz-security-token|signature|sig)="
                      + "([^&#\\s\"'<>]+)"),
              new Capture(MaskKind.SIGNATURE, 1)),
          new Recogniser(
              "presigned-key-id",
              Pattern.compile("(?i)[?&]x-amz-credential=([A-Z0-9]{16,128})(?=%2F|/)"),
              new Capture(MaskKind.ACCESS_KEY, 1)),
          new Recogniser(
              "password-setting",
              Pattern.compile(
                  "(?i)(?<!["
                      + KEY_CHAR
                      + "])["
                      + KEY_CHAR
                      + "]*(?:password|passwd|pwd)["
                      + KEY_CHAR
                      + "]*"
                      + VALUE),
              new Capture(MaskKind.PASSWORD, 1, 2, 3)),
          new Recogniser(
              "secret-setting",
              Pattern.compile("(?i)" + SECRET_KEY + VALUE),
              new Capture(MaskKind.SECRET, 1, 2, 3)),
          new Recogniser(
              "registry-value",
              Pattern.compile(
                  "(?i)^[ \\t]+" + SECRET_KEY + "[ \\t]+REG_[A-Z_]+[ \\t]+([^\\r\\n]+)"),
              new Capture(MaskKind.SECRET, 1)),
          new Recogniser(
              "secret-access-key",
              Pattern.compile("(?<![A-Za-z0-9/+=._-])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=._-])"),
              new Capture(MaskKind.SECRET, 1)),
          new Recogniser(
              "session-token",
              Pattern.compile(
                  "(?<![A-Za-z0-9/+=])((?:FwoGZXIvYXdz|FQoGZXIvYXdz|IQoJb3JpZ2lu)"
                      + "[A-Za-z0-9/+=%]{16,})"),
              new Capture(MaskKind.SECRET, 1)),
          new Recogniser(
              "access-key-id",
              Pattern.compile(
                  "(?<![A-Z0-9])((?:" + ACCESS_KEY_PREFIXES + ")[A-Z0-9]{16,124})(?![A-Z0-9])"),
              new Capture(MaskKind.ACCESS_KEY, 1)),
          new Recogniser(
              "unique-id",
              Pattern.compile(
                  "(?<![A-Z0-9])((?:" + UNIQUE_ID_PREFIXES + ")[A-Z0-9]{16,124})(?![A-Z0-9])"),
              new Capture(MaskKind.UNIQUE_ID, 1)),
          new Recogniser(
              "arn-account",
              Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\\d{12}):"),
              new Capture(MaskKind.ACCOUNT, 1)),
          new Recogniser(
              "account-setting",
              Pattern.compile(
                  "(?i)(?<![A-Za-z0-9_])(?:[a-z_]*account[_-]?id|ownerId|account)[\"']?[ \\t]*"
                      + "[:=][ \\t]*[\"']?(\\d{12})(?!\\d)"),
              new Capture(MaskKind.ACCOUNT, 1)),
          new Recogniser(
              "account-words",
              Pattern.compile("(?i)(?<![A-Za-z0-9_])account(?: id)?[ \\t]+(\\d{12})(?!\\d)"),
              new Capture(MaskKind.ACCOUNT, 1)),
          new Recogniser(
              "cloudtrail-path",
              Pattern.compile("AWSLogs[/\\\\](?:o-[a-z0-9]{10,32}[/\\\\])?(\\d{12})(?!\\d)"),
              new Capture(MaskKind.ACCOUNT, 1)),
          new Recogniser(
              "cloudtrail-file",
              Pattern.compile("(?<!\\d)(\\d{12})_CloudTrail(?:-Digest|-Insight)?_"),
              new Capture(MaskKind.ACCOUNT, 1)),
          new Recogniser(
              "arn-user",
              Pattern.compile(
                  "arn:aws[a-z-]*:(?:iam|sts)::\\d{12}:user/(?:[\\w+=.@-]+/)*([\\w+=.@-]*[\\w+=@-])"),
              new Capture(MaskKind.USER, 1)),
          new Recogniser(
              "arn-session",
              Pattern.compile(
                  "arn:aws[a-z-]*:sts::\\d{12}:assumed-role/[\\w+=.@/-]*?/([\\w+=.@-]*[\\w+=@-])"
                      + "(?=[\"'\\s,;.)\\]]|$)"),
              new Capture(MaskKind.USER, 1)),
          new Recogniser(
              "user-setting",
              Pattern.compile(
                  "(?i)(?<![A-Za-z0-9_.-])(?:proxy[_-]?)?user(?:_?name)?[\"']?[ \\t]*[:=][ \\t]*"
                      + "[\"']?(?!arn:)([^\\s\"',;&{}\\[\\]]{2,128})"),
              new Capture(MaskKind.USER, 1)),
          new Recogniser(
              "principal-session",
              Pattern.compile("\"principalId\"\\s*:\\s*\"[A-Z0-9]{16,}:([^\"]{2,128})\""),
              new Capture(MaskKind.USER, 1)));

  /** IPv4 literals; the masker keeps the public ones. */
  static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?!\\d)");

  /** IPv6 literals; the masker keeps the public ones. */
  static final Pattern IPV6 =
      Pattern.compile(
          "(?<![0-9A-Fa-f:])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![0-9A-Fa-f:])");

  private Recognisers() {}

  /**
   * Whether a 40-character run standing alone is likely an AWS secret access key: random base64
   * holds upper and lower case letters and a digit, where hex digests and ids lack one.
   */
  static boolean looksLikeSecretKey(String s) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    int slashes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9' || c == '+';
      slashes += c == '/' ? 1 : 0;
    }
    // A path (logs/AWSLogs/1111.../vpcflowlogs) is 40 such characters too, but slashes in a random
    // key are rare: one in 64 characters.
    return upper && lower && digit && slashes <= 3;
  }
}
