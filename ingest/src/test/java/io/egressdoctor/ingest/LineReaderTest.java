package io.egressdoctor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private static List<Line> read(byte[] bytes) throws IOException {
    return read(new ByteArrayInputStream(bytes));
  }

  private static List<Line> read(InputStream in) throws IOException {
    LineReader reader = new LineReader(in);
    List<Line> lines = new ArrayList<>();
    for (Line l = reader.next(); l != null; l = reader.next()) {
      lines.add(l);
    }
    return lines;
  }

  @Test
  void keepsNumbersAndByteOffsetsAcrossLineEndings() throws IOException {
    List<Line> lines = read("a\r\nbé\n\nlast".getBytes(StandardCharsets.UTF_8));
    assertThat(lines)
        .extracting(Line::text, Line::number, Line::byteOffset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 1L, 0L),
            org.assertj.core.groups.Tuple.tuple("bé", 2L, 3L),
            org.assertj.core.groups.Tuple.tuple("", 3L, 7L),
            org.assertj.core.groups.Tuple.tuple("last", 4L, 8L));
  }

  @Test
  void anEmptyInputHasNoLines() throws IOException {
    assertThat(read(new byte[0])).isEmpty();
    assertThat(read("\n".getBytes(StandardCharsets.UTF_8))).hasSize(1);
  }

  @Test
  void replacesBytesThatAreNotUtf8() throws IOException {
    List<Line> lines = read(new byte[] {'o', 'k', (byte) 0xff, (byte) 0xfe, '\n', 'x'});
    assertThat(lines.getFirst().text()).isEqualTo("ok\ufffd\ufffd");
    assertThat(lines.get(1).byteOffset()).isEqualTo(5);
  }

  @Test
  void aLineLongerThanTheCapKeepsItsStartAndItsTrueLength() throws IOException {
    int huge = LineReader.MAX_LINE_BYTES + 12345;
    byte[] bytes = new byte[huge + 1 + 3];
    Arrays.fill(bytes, 0, huge, (byte) 'x');
    bytes[huge] = '\n';
    bytes[huge + 1] = 'e';
    bytes[huge + 2] = 'n';
    bytes[huge + 3] = 'd';
    List<Line> lines = read(bytes);
    assertThat(lines).hasSize(2);
    assertThat(lines.getFirst().truncated()).isTrue();
    assertThat(lines.getFirst().length()).isEqualTo(huge);
    assertThat(lines.getFirst().text()).hasSize(LineReader.MAX_LINE_BYTES);
    assertThat(lines.get(1).text()).isEqualTo("end");
    assertThat(lines.get(1).byteOffset()).isEqualTo(huge + 1);
  }

  @Test
  void readsStreamsThatDeliverOneByteAtATime() throws IOException {
    byte[] bytes = "first line\r\nsecond\n".getBytes(StandardCharsets.UTF_8);
    InputStream trickle =
        new ByteArrayInputStream(bytes) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
          }
        };
    assertThat(read(trickle)).extracting(Line::text).containsExactly("first line", "second");
  }
}
