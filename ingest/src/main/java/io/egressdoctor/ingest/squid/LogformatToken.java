package io.egressdoctor.ingest.squid;

/** One piece of a Squid {@code logformat} definition: literal text or a {@code %} format code. */
sealed interface LogformatToken permits LogformatToken.Literal, LogformatToken.Code {

  /**
   * Text written as is between codes.
   *
   * @param text the literal text, {@code %%} already turned into {@code %}
   */
  record Literal(String text) implements LogformatToken {}

  /**
   * A format code with its modifiers.
   *
   * @param code the code as Squid names it, e.g. {@code >a}, {@code Ss}, {@code err_code}
   * @param argument the {@code {...}} argument (a header name, a time format), or null
   * @param quoting how Squid quoted the value
   * @param width the minimum width, 0 for none
   * @param known whether the code is one Squid documents; unknown codes are kept as extras
   */
  record Code(String code, String argument, Quoting quoting, int width, boolean known)
      implements LogformatToken {}

  /** The quoting modifier before a code. */
  enum Quoting {
    /** No modifier: Squid's default escaping for the code. */
    DEFAULT,
    /** {@code "}: a C-style quoted string. */
    QUOTED,
    /** {@code [}: MIME-header escaping. */
    MIME,
    /** {@code #}: URL escaping. */
    URL,
    /** {@code '}: raw, unescaped. */
    RAW,
    /** {@code /}: shell escaping. */
    SHELL
  }
}
