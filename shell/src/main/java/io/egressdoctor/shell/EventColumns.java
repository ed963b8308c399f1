package io.egressdoctor.shell;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.core.field.Fields;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Chooses and renders the columns that show events of a dataset best. */
final class EventColumns {

  private static final Map<String, List<String>> BY_DATASET_PREFIX =
      Map.of(
          "squid.",
          List.of(
              "@timestamp",
              "source.ip",
              "http.request.method",
              "url.original",
              "http.response.status_code",
              "squid.result_code"),
          "aws.cloudtrail",
          List.of(
              "@timestamp",
              "event.action",
              "source.ip",
              "user.name",
              "aws.cloudtrail.vpc_endpoint_id",
              "error.code"));

  private static final List<String> GENERIC =
      List.of("@timestamp", "event.dataset", "log.file.path", "text");

  private EventColumns() {}

  /** The columns for these events: the dataset's own when they share one, else generic ones. */
  static List<String> choose(List<Event> events) {
    List<String> datasets = events.stream().map(Event::dataset).distinct().toList();
    boolean anyError = events.stream().anyMatch(Event::isPipelineError);
    if (datasets.size() == 1 && !anyError) {
      for (Map.Entry<String, List<String>> e : BY_DATASET_PREFIX.entrySet()) {
        if (datasets.get(0).startsWith(e.getKey())) {
          return e.getValue();
        }
      }
    }
    return GENERIC;
  }

  /** One cell. */
  static String cell(Event e, String column) {
    switch (column) {
      case "@timestamp" -> {
        return e.timestamp().isPresent()
            ? Instant.ofEpochMilli(e.timestamp().getAsLong()).toString()
            : "-";
      }
      case "event.dataset" -> {
        return e.dataset();
      }
      case "event.original" -> {
        return e.original() == null ? "" : e.original();
      }
      case "log.file.path" -> {
        return e.origin() == null ? "-" : e.origin().display();
      }
      case "log.file.line" -> {
        return e.origin() instanceof Origin.FileLine f ? Long.toString(f.line()) : "-";
      }
      case "text" -> {
        return text(e);
      }
      default -> {
        List<Object> values = e.values(column);
        return values.isEmpty()
            ? "-"
            : values.stream().map(String::valueOf).collect(Collectors.joining(","));
      }
    }
  }

  private static String text(Event e) {
    String base = e.getString(Fields.MESSAGE).orElse(e.original() == null ? "" : e.original());
    if (e.isPipelineError()) {
      return "[rejected: " + e.getString(Fields.ERROR_MESSAGE).orElse("?") + "] " + base;
    }
    return base;
  }
}
