package io.egressdoctor.shell.repl;

import io.egressdoctor.core.field.Fields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import picocli.CommandLine;

/**
 * Colours a command line: the command, options, query field names (red when the schema has no such
 * field), values, phrases and the query operators.
 */
final class QueryHighlighter implements Highlighter {

  private static final Pattern TOKENS =
      Pattern.compile(
          "(?<phrase>\"[^\"]*\"?)"
              + "|(?<field>[@\\w][\\w.@-]*)(?<colon>:)"
              + "|(?<op>\\b(?:AND|OR|NOT|TO)\\b|[()\\[\\]{}]|&&|\\|\\|)"
              + "|(?<option>(?<=^|\\s)--?[\\w-]+)"
              + "|(?<word>[^\\s\"()\\[\\]{}:]+)");

  static final AttributedStyle COMMAND = AttributedStyle.BOLD;
  static final AttributedStyle FIELD = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle UNKNOWN_FIELD =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();
  static final AttributedStyle VALUE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
  static final AttributedStyle PHRASE = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle OPERATOR =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA).bold();
  static final AttributedStyle OPTION = AttributedStyle.DEFAULT.faint();

  private final CommandLine root;

  QueryHighlighter(CommandLine root) {
    this.root = root;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    Matcher m = TOKENS.matcher(buffer);
    int at = 0;
    boolean first = true;
    boolean afterColon = false;
    while (m.find()) {
      sb.append(buffer, at, m.start());
      if (first && m.group("word") != null && root.getSubcommands().containsKey(m.group())) {
        sb.styled(COMMAND, m.group());
      } else if (m.group("field") != null) {
        boolean known =
            Fields.find(m.group("field")).isPresent()
                || ShellFields.names().contains(m.group("field"));
        sb.styled(known ? FIELD : UNKNOWN_FIELD, m.group("field")).append(":");
      } else if (m.group("phrase") != null) {
        sb.styled(PHRASE, m.group());
      } else if (m.group("op") != null) {
        sb.styled(OPERATOR, m.group());
      } else if (m.group("option") != null) {
        sb.styled(OPTION, m.group());
      } else {
        sb.styled(afterColon ? VALUE : AttributedStyle.DEFAULT, m.group());
      }
      afterColon = m.group("colon") != null || afterColon && m.group("op") != null;
      first = false;
      at = m.end();
    }
    sb.append(buffer.substring(at));
    return sb.toAttributedString();
  }
}
