package io.egressdoctor.core.event;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of an event that the index stores: what JSON would say, at a fraction of
 * the bytes and of the time to write and read.
 *
 * <p>Layout: a version byte, a flags varint (timestamp, original text, origin kind), the timestamp
 * as a zig-zag varlong, the dataset, the original text, the origin, then each field as a 3-byte
 * code followed by a tagged value. A code is a hash of the field's name, so it is the same in every
 * build and needs no table; names of dynamic namespaces, which have no fixed code, are written out
 * after code 0. Fields whose code a reader does not know (removed since) are skipped.
 *
 * <p>Parsers set one string in several fields (a proxy line's host is its destination domain,
 * address, URL domain and related host); a value that is the very object of one of the last string
 * values written is stored as a back reference, so it is neither copied nor decoded twice.
 */
public final class EventBinary {

  /** The first byte of every encoded event; JSON sources start with {@code '{'}. */
  public static final byte VERSION = 1;

  private static final int HAS_TIMESTAMP = 1;
  private static final int HAS_ORIGINAL = 2;
  private static final int ORIGIN_FILE = 4;
  private static final int ORIGIN_API = 8;

  private static final byte STRING = 0;
  private static final byte LONG = 1;
  private static final byte TRUE = 2;
  private static final byte FALSE = 3;
  private static final byte LIST = 4;
  private static final byte SAME_STRING = 5;

  /** How many earlier string values of an event a value is compared with, by identity. */
  private static final int RECENT = 16;

  private static final int NAMED = 0;
  private static final Map<String, Integer> CODES = new HashMap<>();
  private static final Map<Integer, FieldDefinition> BY_CODE = new HashMap<>();

  static {
    for (FieldDefinition f : Fields.all()) {
      int code = code(f.name());
      FieldDefinition clash = BY_CODE.putIfAbsent(code, f);
      if (clash != null) {
        throw new IllegalStateException(
            "fields " + clash.name() + " and " + f.name() + " share the stored code " + code);
      }
      CODES.put(f.name(), code);
    }
  }

  private EventBinary() {}

  /** The stable 24-bit code of a declared field name; never 0. */
  static int code(String name) {
    int h = 0x811C9DC5;
    for (int i = 0; i < name.length(); i++) {
      h = (h ^ name.charAt(i)) * 0x01000193;
    }
    int code = (h ^ (h >>> 24)) & 0xFFFFFF;
    return code == NAMED ? 1 : code;
  }

  /** Encodes an event, appending to a reusable buffer. */
  public static void encode(Event event, Buffer out) {
    encode(event, out, Map.of());
  }

  /**
   * Encodes an event with some fields' values replaced (an empty list leaves the field out), as the
   * index keeps it, without building another event.
   */
  public static void encode(Event event, Buffer out, Map<String, List<Object>> replaced) {
    out.writeByte(VERSION);
    int flags = 0;
    Long ts = event.rawTimestamp();
    if (ts != null) {
      flags |= HAS_TIMESTAMP;
    }
    if (event.original() != null) {
      flags |= HAS_ORIGINAL;
    }
    if (event.origin() instanceof Origin.FileLine) {
      flags |= ORIGIN_FILE;
    } else if (event.origin() instanceof Origin.Api) {
      flags |= ORIGIN_API;
    }
    out.writeVInt(flags);
    if (ts != null) {
      out.writeZLong(ts);
    }
    out.writeString(event.dataset());
    if (event.original() != null) {
      out.writeString(event.original());
    }
    switch (event.origin()) {
      case Origin.FileLine f -> {
        out.writeString(f.path());
        out.writeZLong(f.line());
        out.writeZLong(f.byteOffset());
      }
      case Origin.Api a -> {
        out.writeString(a.api());
        out.writeString(a.reference());
      }
      case null -> {}
    }
    Map<String, Object> fields = event.fields();
    int dropped = 0;
    for (Map.Entry<String, List<Object>> r : replaced.entrySet()) {
      if (r.getValue().isEmpty() && fields.containsKey(r.getKey())) {
        dropped++;
      }
    }
    out.writeVInt(fields.size() - dropped);
    out.strings = 0;
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      Object value = e.getValue();
      if (!replaced.isEmpty() && replaced.containsKey(e.getKey())) {
        List<Object> kept = replaced.get(e.getKey());
        if (kept.isEmpty()) {
          continue;
        }
        value = kept;
      }
      Integer code = CODES.get(e.getKey());
      if (code == null) {
        writeCode(out, NAMED);
        out.writeString(e.getKey());
      } else {
        writeCode(out, code);
      }
      writeValue(out, value);
    }
  }

  /** Encodes an event into a new array. */
  public static byte[] encode(Event event) {
    Buffer b = new Buffer(256);
    encode(event, b);
    return b.toByteArray();
  }

  /** Whether stored bytes are in this form (and not in the JSON of earlier indexes). */
  public static boolean isBinary(byte[] bytes, int offset, int length) {
    return length > 0 && bytes[offset] == VERSION;
  }

  /** Decodes an event written by {@link #encode}. */
  public static Event decode(byte[] bytes, int offset, int length) {
    Reader in = new Reader(bytes, offset, offset + length);
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IllegalArgumentException("not a stored event (version byte " + version + ")");
    }
    int flags = in.readVInt();
    Long ts = (flags & HAS_TIMESTAMP) != 0 ? in.readZLong() : null;
    Event.Builder b = Event.builder(in.readString());
    if (ts != null) {
      b.timestamp(ts);
    }
    if ((flags & HAS_ORIGINAL) != 0) {
      b.original(in.readString());
    }
    if ((flags & ORIGIN_FILE) != 0) {
      b.origin(new Origin.FileLine(in.readString(), in.readZLong(), in.readZLong()));
    } else if ((flags & ORIGIN_API) != 0) {
      b.origin(new Origin.Api(in.readString(), in.readString()));
    }
    int n = in.readVInt();
    in.strings.clear();
    for (int i = 0; i < n; i++) {
      int code = readCode(in);
      FieldDefinition field =
          code == NAMED ? Fields.find(in.readString()).orElse(null) : BY_CODE.get(code);
      Object value = readValue(in);
      if (field != null && value != null) {
        b.putNormalised(field, value);
      }
    }
    return b.build();
  }

  private static void writeCode(Buffer out, int code) {
    out.writeByte((byte) (code >>> 16));
    out.writeByte((byte) (code >>> 8));
    out.writeByte((byte) code);
  }

  private static int readCode(Reader in) {
    return ((in.readByte() & 0xFF) << 16) | ((in.readByte() & 0xFF) << 8) | (in.readByte() & 0xFF);
  }

  private static void writeValue(Buffer out, Object value) {
    switch (value) {
      case String s -> writeStringValue(out, s);
      case Long l -> {
        out.writeByte(LONG);
        out.writeZLong(l);
      }
      case Boolean bool -> out.writeByte(bool ? TRUE : FALSE);
      case List<?> list -> {
        out.writeByte(LIST);
        out.writeVInt(list.size());
        for (Object o : list) {
          writeValue(out, o);
        }
      }
      default -> writeStringValue(out, String.valueOf(value));
    }
  }

  private static void writeStringValue(Buffer out, String s) {
    int seen = out.strings;
    for (int i = seen - 1; i >= Math.max(0, seen - RECENT); i--) {
      if (out.recent[i % RECENT] == s) {
        out.writeByte(SAME_STRING);
        out.writeVInt(i);
        return;
      }
    }
    out.writeByte(STRING);
    out.writeString(s);
    out.recent[seen % RECENT] = s;
    out.strings = seen + 1;
  }

  private static Object readValue(Reader in) {
    byte tag = in.readByte();
    return switch (tag) {
      case STRING -> {
        String s = in.readString();
        in.strings.add(s);
        yield s;
      }
      case SAME_STRING -> {
        int i = in.readVInt();
        if (i < 0 || i >= in.strings.size()) {
          throw new IllegalArgumentException("bad back reference in a stored event");
        }
        yield in.strings.get(i);
      }
      case LONG -> in.readZLong();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case LIST -> {
        int n = in.readVInt();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readValue(in));
        }
        yield list;
      }
      default -> throw new IllegalArgumentException("bad value tag " + tag + " in a stored event");
    };
  }

  /** A growable byte buffer, reused across events by one thread. */
  public static final class Buffer {
    private byte[] bytes;
    private int length;
    private final String[] recent = new String[RECENT];
    private int strings;

    /** A buffer with an initial capacity. */
    public Buffer(int capacity) {
      bytes = new byte[Math.max(16, capacity)];
    }

    /** The bytes written so far; valid up to {@link #length()}. */
    public byte[] bytes() {
      return bytes;
    }

    /** How many bytes were written. */
    public int length() {
      return length;
    }

    /** Forgets what was written. */
    public void reset() {
      length = 0;
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
      return Arrays.copyOf(bytes, length);
    }

    void writeByte(byte b) {
      ensure(1);
      bytes[length++] = b;
    }

    void writeVInt(int v) {
      ensure(5);
      while ((v & ~0x7F) != 0) {
        bytes[length++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      bytes[length++] = (byte) v;
    }

    void writeZLong(long v) {
      long z = (v << 1) ^ (v >> 63);
      ensure(10);
      while ((z & ~0x7FL) != 0) {
        bytes[length++] = (byte) ((z & 0x7F) | 0x80);
        z >>>= 7;
      }
      bytes[length++] = (byte) z;
    }

    void writeString(String s) {
      int n = s.length();
      ensure(n + 5);
      int start = length;
      writeVInt(n);
      int at = length;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          // Not ASCII: start again with the real UTF-8 length.
          length = start;
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          writeVInt(utf8.length);
          ensure(utf8.length);
          System.arraycopy(utf8, 0, bytes, length, utf8.length);
          length += utf8.length;
          return;
        }
        bytes[at + i] = (byte) c;
      }
      length = at + n;
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }
  }

  private static final class Reader {
    private final List<String> strings = new ArrayList<>();
    private final byte[] bytes;
    private int pos;
    private final int end;

    Reader(byte[] bytes, int pos, int end) {
      this.bytes = bytes;
      this.pos = pos;
      this.end = end;
    }

    byte readByte() {
      if (pos >= end) {
        throw new IllegalArgumentException("stored event is cut short");
      }
      return bytes[pos++];
    }

    int readVInt() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        byte b = readByte();
        v |= (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("bad varint in a stored event");
    }

    long readZLong() {
      long z = 0;
      for (int shift = 0; shift < 70; shift += 7) {
        byte b = readByte();
        z |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return (z >>> 1) ^ -(z & 1);
        }
      }
      throw new IllegalArgumentException("bad varlong in a stored event");
    }

    String readString() {
      int n = readVInt();
      if (n < 0 || pos + n > end) {
        throw new IllegalArgumentException("stored event is cut short");
      }
      String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }
  }
}
