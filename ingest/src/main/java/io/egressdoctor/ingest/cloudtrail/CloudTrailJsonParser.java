package io.egressdoctor.ingest.cloudtrail;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.LogParser;
import io.egressdoctor.ingest.ParseContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Streams CloudTrail records out of every JSON shape they come in: {@code {"Records":[...]}} (S3
 * delivery), a bare array, one record or one batch per line, LookupEvents answers ({@code
 * {"Events":[...]}} with each record in a {@code CloudTrailEvent} string, as AWS CLI v1 and v2
 * print it), EventBridge events ({@code "detail-type": "AWS API Call via CloudTrail"}, the record
 * in {@code detail}) one per line, pretty-printed, or concatenated with no separator as Firehose
 * archives them, and CloudWatch Logs subscription batches ({@code logEvents}). Digest files,
 * CloudTrail Lake signature files and S3 delivery notifications (SNS, SQS) are read and hold no
 * events.
 *
 * <p>Only one record is held as a tree at a time, so memory is bounded by the largest record, not
 * the file. Positions are record numbers (1-based, in file order), so an interrupted ingest resumes
 * after the last committed record. A record that cannot be mapped is rejected with its reason. A
 * JSON syntax error spoils only its line when the input is one value per line; in a multi-line
 * document nothing after it can be trusted, so the error is reported and reading stops.
 */
public final class CloudTrailJsonParser implements LogParser {

  private static final int PEEK_BYTES = 1 << 20;

  /**
   * Members that hold records: S3 delivery files ({@code Records}), LookupEvents answers ({@code
   * Events}) and CloudWatch Logs subscription batches ({@code logEvents}, as Firehose archives
   * them).
   */
  private static final java.util.Set<String> CONTAINERS =
      java.util.Set.of("Records", "Events", "logEvents");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY =
      MAPPER.getFactory().copy().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

  private final ParseContext context;
  private EventSink sink;
  private long record;
  private long base;
  private LineSplitter lines;
  private RecordingInputStream recording;

  /** A parser for one input. */
  public CloudTrailJsonParser(ParseContext context) {
    this.context = context;
  }

  @Override
  public void parse(InputStream input, EventSink sink) throws IOException {
    this.sink = sink;
    BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
    if (oneValuePerLine(in)) {
      lines = new LineSplitter(in);
      for (InputStream line = lines.next(); line != null; line = lines.next()) {
        base = lines.lineStart();
        parseValues(line);
      }
    } else {
      base = 0;
      parseValues(in);
    }
  }

  /**
   * Whether the first non-blank line holds one complete JSON value (JSON lines, or a one-line S3
   * file), judged on at most {@link #PEEK_BYTES} bytes.
   */
  private static boolean oneValuePerLine(BufferedInputStream in) throws IOException {
    in.mark(PEEK_BYTES + 1);
    try {
      byte[] head = peek(in);
      int start = 0;
      while (start < head.length) {
        int nl = indexOf(head, (byte) '\n', start);
        if (nl < 0) {
          return head.length < PEEK_BYTES && isOneValue(head, start, head.length);
        }
        if (!blank(head, start, nl)) {
          return isOneValue(head, start, nl);
        }
        start = nl + 1;
      }
      return false;
    } finally {
      in.reset();
    }
  }

  /**
   * Up to {@link #PEEK_BYTES}, stopping after the first non-blank line. A read error (a cut gzip)
   * ends the peek; the parse meets it again where it happened, after the records before it.
   */
  private static byte[] peek(InputStream in) {
    byte[] head = new byte[8192];
    int length = 0;
    int lineStart = 0;
    try {
      while (length < PEEK_BYTES) {
        if (length == head.length) {
          head = Arrays.copyOf(head, Math.min(PEEK_BYTES, head.length * 2));
        }
        int n = in.read(head, length, Math.min(8192, head.length - length));
        if (n < 0) {
          break;
        }
        for (int i = length; i < length + n; i++) {
          if (head[i] == '\n') {
            if (!blank(head, lineStart, i)) {
              return Arrays.copyOf(head, i + 1);
            }
            lineStart = i + 1;
          }
        }
        length += n;
      }
    } catch (IOException e) {
      // Judged on what could be read.
    }
    return Arrays.copyOf(head, length);
  }

  private static boolean isOneValue(byte[] b, int from, int to) {
    try (JsonParser p = FACTORY.createParser(b, from, to - from)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void parseValues(InputStream input) throws IOException {
    recording = new RecordingInputStream(input);
    try (JsonParser p = FACTORY.createParser(recording)) {
      try {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          rootValue(p, t);
        }
      } catch (JacksonException e) {
        syntaxError(p, e);
      }
    }
  }

  private void rootValue(JsonParser p, JsonToken t) throws IOException {
    long offset = offset(p);
    if (t == JsonToken.START_ARRAY) {
      elements(p);
    } else if (t == JsonToken.START_OBJECT) {
      object(p, offset);
    } else {
      sink.reject(++record, offset, p.getText(), "expected a JSON object or array, found " + t);
    }
  }

  /** A root object: a container of records ({@code Records}, {@code Events}) or one record. */
  private void object(JsonParser p, long offset) throws IOException {
    recording.release(offset - base);
    ObjectNode fields = null;
    boolean container = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.START_ARRAY && CONTAINERS.contains(name)) {
        container = true;
        elements(p);
      } else if (container) {
        p.skipChildren();
      } else {
        if (fields == null) {
          fields = MAPPER.createObjectNode();
        }
        fields.set(name, MAPPER.readTree(p));
      }
    }
    if (container) {
      return;
    }
    JsonNode single = fields == null ? MAPPER.createObjectNode() : fields;
    element(single, offset, raw(offset - base, p));
  }

  /** The source text of the value that just ended, which began at {@code start}. */
  private String raw(long start, JsonParser p) {
    long end = p.currentLocation().getByteOffset();
    return start < 0 || end < 0 ? null : recording.text(start, end);
  }

  private void elements(JsonParser p) throws IOException {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      long offset = offset(p);
      if (t == JsonToken.START_OBJECT) {
        long start = p.currentTokenLocation().getByteOffset();
        recording.release(start);
        JsonNode node = MAPPER.readTree(p);
        element(node, offset, raw(start, p));
      } else {
        String text = t.isStructStart() ? t.asString() : p.getText();
        p.skipChildren();
        sink.reject(++record, offset, text, "expected a record object in the array, found " + t);
      }
    }
  }

  private void element(JsonNode node, long offset, String raw) {
    long position = ++record;
    JsonNode recordNode = node;
    String original;
    if (CloudTrailEnvelopes.notEvidence(node) != null) {
      // Digests, signatures and delivery notifications point at records and hold none.
      return;
    }
    if (CloudTrailEnvelopes.isEventBridge(node)) {
      original = raw != null ? raw : node.toString();
      recordNode = CloudTrailEnvelopes.eventBridgeRecord(node);
      if (recordNode == null) {
        sink.reject(
            position,
            offset,
            original,
            "an EventBridge event of type '"
                + CloudTrailRecordMapper.cut(node.path("detail-type").asText(""))
                + "', not a CloudTrail record");
        return;
      }
    } else if (CloudTrailEnvelopes.isCloudWatchLogEvent(node)) {
      String message = node.get("message").asText();
      if (!message.stripLeading().startsWith("{")) {
        // "CWL CONTROL MESSAGE: Checking health of destination": no record.
        return;
      }
      LookupEventRecords.Resolved r = LookupEventRecords.fromText(message);
      if (r.problem() != null) {
        sink.reject(
            position, offset, r.original(), r.problem().replace("CloudTrailEvent", "message"));
        return;
      }
      recordNode = r.record();
      original = r.original();
    } else if (LookupEventRecords.isLookupEvent(node)) {
      LookupEventRecords.Resolved r = LookupEventRecords.resolve(node);
      if (r.problem() != null) {
        sink.reject(position, offset, r.original(), r.problem());
        return;
      }
      recordNode = r.record();
      original = r.original();
    } else {
      original = raw != null ? raw : node.toString();
    }
    Event.Builder b = Event.builder(CloudTrailRecordMapper.DATASET);
    String problem = CloudTrailRecordMapper.map(recordNode, b, context.zone());
    if (problem != null) {
      sink.reject(position, offset, original, problem);
      return;
    }
    b.original(original).origin(context.origin(position, offset));
    sink.accept(b.build(), position);
  }

  private void syntaxError(JsonParser p, JacksonException e) {
    JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
    long position = ++record;
    long offset = at.getByteOffset() < 0 ? -1 : base + at.getByteOffset();
    String why = e.getOriginalMessage();
    int nl = why.indexOf('\n');
    why = nl < 0 ? why : why.substring(0, nl);
    if (lines != null) {
      String reason =
          e instanceof JsonEOFException
              ? "line " + lines.lineNumber() + " ends inside a JSON value (cut short?)"
              : "malformed JSON on line "
                  + lines.lineNumber()
                  + ", column "
                  + at.getColumnNr()
                  + ": "
                  + why;
      sink.reject(position, lines.lineStart(), lines.head(), reason);
      return;
    }
    String reason =
        e instanceof JsonEOFException
            ? "the input ends inside record " + position + " (the file is cut short)"
            : "malformed JSON at line "
                + at.getLineNr()
                + ", column "
                + at.getColumnNr()
                + ": "
                + why
                + "; nothing after it can be read";
    sink.reject(position, offset, null, reason);
  }

  private long offset(JsonParser p) {
    long o = p.currentTokenLocation().getByteOffset();
    return o < 0 ? -1 : base + o;
  }

  private static int indexOf(byte[] b, byte v, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }

  private static boolean blank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}
