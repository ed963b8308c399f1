package io.egressdoctor.ingest.session;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.event.Origin;
import io.egressdoctor.ingest.EventSink;
import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.ParseContext;
import io.egressdoctor.ingest.declarative.BuiltInFormatProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a block of a session with a built-in format file (winhttp, the registry's Internet
 * Settings, the installer log), so that a pasted output gives exactly the fields the collected file
 * gives.
 */
final class FormatReuse {

  private static final class Holder {
    static final Map<String, LogFormat> FORMATS =
        new BuiltInFormatProvider()
            .formats().stream().collect(Collectors.toMap(LogFormat::name, Function.identity()));
  }

  private FormatReuse() {}

  /**
   * The events the named format makes of the block's lines, each line first rewritten by {@code
   * line} (the same count of lines must come out).
   */
  static List<Block.Found> read(String format, Block block, List<String> lines) {
    LogFormat f = Holder.FORMATS.get(format);
    if (f == null) {
      throw new IllegalStateException("no built-in format " + format);
    }
    byte[] text = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    List<Block.Found> out = new ArrayList<>();
    EventSink sink =
        new EventSink() {
          @Override
          public void accept(Event event, long position) {
            int from =
                event.origin() instanceof Origin.FileLine l
                    ? (int) l.line() - 1
                    : (int) position - 1;
            out.add(new Block.Found(event.toBuilder(), from, (int) position - 1));
          }

          @Override
          public void reject(long position, long byteOffset, String original, String reason) {
            out.add(
                new Block.Found(
                    null,
                    (int) position - 1,
                    (int) position - 1,
                    reason.replace(format, "session-transcript (" + format + ")")));
          }
        };
    try {
      f.newParser(new ParseContext(block.command(), ZoneOffset.UTC))
          .parse(new ByteArrayInputStream(text), sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
