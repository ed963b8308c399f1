package io.egressdoctor.ingest.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextEncodingTest {

  private static final String TEXT =
      "2024-05-01 09:00:00 proxy 10.0.0.5 → mgn.ap-northeast-1.amazonaws.com:443 🚫 denied\r\n"
          + "second line\r\n";

  @TempDir Path dir;

  private static byte[] bytes(byte[] mark, String text, java.nio.charset.Charset cs) {
    byte[] body = text.getBytes(cs);
    byte[] out = new byte[mark.length + body.length];
    System.arraycopy(mark, 0, out, 0, mark.length);
    System.arraycopy(body, 0, out, mark.length, body.length);
    return out;
  }

  private String read(String name, byte[] content) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, content);
    try (InputStream in = new InputFile(f, name).open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void powerShellUtf16LittleEndianWithMarkReadsAsUtf8() throws IOException {
    byte[] ps51 = bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT, StandardCharsets.UTF_16LE);
    assertThat(read("ps.txt", ps51)).isEqualTo(TEXT);
    assertThat(TextEncoding.of(ps51, ps51.length)).isEqualTo(TextEncoding.UTF_16LE_BOM);
  }

  @Test
  void utf16BigEndianWithMarkReadsAsUtf8() throws IOException {
    byte[] be = bytes(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT, StandardCharsets.UTF_16BE);
    assertThat(read("be.txt", be)).isEqualTo(TEXT);
  }

  @Test
  void utf8MarkIsDropped() throws IOException {
    byte[] bom =
        bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT, StandardCharsets.UTF_8);
    assertThat(read("bom.txt", bom)).isEqualTo(TEXT);
  }

  @Test
  void utf16WithoutMarkIsRecognisedByItsZeroBytes() throws IOException {
    byte[] le = TEXT.getBytes(StandardCharsets.UTF_16LE);
    assertThat(read("le.txt", le)).isEqualTo(TEXT);
    byte[] be = TEXT.getBytes(StandardCharsets.UTF_16BE);
    assertThat(read("be.txt", be)).isEqualTo(TEXT);
  }

  @Test
  void plainUtf8AndBinaryLookingBytesPassThroughUntouched() throws IOException {
    assertThat(read("plain.txt", TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(TEXT);
    assertThat(read("empty.txt", new byte[0])).isEmpty();
    assertThat(read("one.txt", new byte[] {'x'})).isEqualTo("x");
  }

  @Test
  void gzippedUtf16IsDecompressedThenDecoded() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT, StandardCharsets.UTF_16LE));
    }
    assertThat(read("ps.txt.gz", gz.toByteArray())).isEqualTo(TEXT);
  }

  @Test
  void longUtf16TextWithSurrogatePairsAcrossBufferEdgesSurvives() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      b.append(i % 7 == 0 ? "🚫" : "a").append(i % 100 == 0 ? "\r\n" : "");
    }
    String text = b.toString();
    byte[] le = bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, text, StandardCharsets.UTF_16LE);
    assertThat(read("long.txt", le)).isEqualTo(text);
  }

  @Test
  void smallFilesOfAnyEncodingReadAsStrings() throws IOException {
    Path conf = dir.resolve("squid.conf");
    Files.write(
        conf,
        bytes(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            "logformat x %ts %>a\n",
            StandardCharsets.UTF_16LE));
    assertThat(TextEncoding.readString(conf)).isEqualTo("logformat x %ts %>a\n");
  }
}
