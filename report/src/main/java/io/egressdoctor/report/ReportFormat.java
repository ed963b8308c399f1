package io.egressdoctor.report;

import java.util.Locale;

/** The formats a report can be written in. */
public enum ReportFormat {
  /** Plain text for a terminal, in colour when asked. */
  TEXT("text", ".txt"),
  /** Markdown, to paste into a ticket. */
  MARKDOWN("md", ".md"),
  /** One self-contained HTML page. */
  HTML("html", ".html"),
  /** JSON following {@code docs/report-schema.json}. */
  JSON("json", ".json");

  private final String option;
  private final String extension;

  ReportFormat(String option, String extension) {
    this.option = option;
    this.extension = extension;
  }

  /** The {@code --format} value. */
  public String option() {
    return option;
  }

  /** The usual file extension, with its dot. */
  public String extension() {
    return extension;
  }

  /** A writer for this format; colour applies to text only. */
  public ReportWriter writer(boolean colour) {
    return switch (this) {
      case TEXT -> new TextReportWriter(colour);
      case MARKDOWN -> new MarkdownReportWriter();
      case HTML -> new HtmlReportWriter();
      case JSON -> new JsonReportWriter();
    };
  }

  /** Reads a {@code --format} value: text, md (or markdown), html or json. */
  public static ReportFormat parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (ReportFormat f : values()) {
      if (f.option.equals(v)) {
        return f;
      }
    }
    if (v.equals("markdown")) {
      return MARKDOWN;
    }
    throw new IllegalArgumentException(
        "unknown report format '" + value + "' (text, md, html or json)");
  }

  /** The format a file name's extension asks for, or null. */
  public static ReportFormat forFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".md") || n.endsWith(".markdown")) {
      return MARKDOWN;
    }
    if (n.endsWith(".html") || n.endsWith(".htm")) {
      return HTML;
    }
    if (n.endsWith(".json")) {
      return JSON;
    }
    if (n.endsWith(".txt")) {
      return TEXT;
    }
    return null;
  }
}
