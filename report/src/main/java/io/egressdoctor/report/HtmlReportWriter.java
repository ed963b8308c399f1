package io.egressdoctor.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a report as one self-contained HTML page from the template {@code
 * html/report.html.mustache}, with its style sheet and script ({@code html/report.css}, {@code
 * html/report.js}) inlined, an inline SVG timeline, and a content security policy that forbids
 * loading anything else, so it works air-gapped. Findings are collapsible {@code details}; evidence
 * lines link to their bucket in the timeline, and timeline marks link back to their finding.
 * Printing opens every finding.
 */
public final class HtmlReportWriter implements ReportWriter {

  private static final String FOLDER = "io/egressdoctor/report/html";
  private static final String CSS = resource("report.css");
  private static final String SCRIPT = resource("report.js");
  private static final Mustache TEMPLATE = new HtmlTemplates().compile("report.html.mustache");

  @Override
  public void write(Report r, Appendable out) throws IOException {
    Writer writer = out instanceof Writer w ? w : new AppendableWriter(out);
    TEMPLATE.execute(writer, HtmlReportView.of(r, CSS, SCRIPT));
    writer.flush();
  }

  /** Templates from the class path, escaping every value the way {@link #esc} does. */
  private static final class HtmlTemplates extends DefaultMustacheFactory {
    HtmlTemplates() {
      super(FOLDER);
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(esc(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A writer onto any appendable. */
  private static final class AppendableWriter extends Writer {
    private final Appendable out;

    AppendableWriter(Appendable out) {
      this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      out.append(new String(buf, off, len));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static String resource(String name) {
    try (InputStream in =
        HtmlReportWriter.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name)) {
      if (in == null) {
        throw new IllegalStateException(FOLDER + "/" + name + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Escapes text for HTML element content and attribute values. */
  static String esc(String s) {
    var sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
