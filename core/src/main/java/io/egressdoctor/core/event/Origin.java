package io.egressdoctor.core.event;

/** Where an event was read from: a place in a file, or an API call. */
public sealed interface Origin permits Origin.FileLine, Origin.Api {

  /** A short human form, {@code path:line} or {@code api:reference}. */
  String display();

  /**
   * A line (or record) of a file.
   *
   * @param path the file path as given, with {@code archive!entry} for archive members
   * @param line the 1-based line or record number
   * @param byteOffset the byte offset of the line in the decompressed file, or -1 if unknown
   */
  record FileLine(String path, long line, long byteOffset) implements Origin {
    @Override
    public String display() {
      return path + ":" + line;
    }
  }

  /**
   * A record returned by an API.
   *
   * @param api the API, e.g. {@code cloudtrail:LookupEvents}
   * @param reference the record's id in that API
   */
  record Api(String api, String reference) implements Origin {
    @Override
    public String display() {
      return api + ":" + reference;
    }
  }
}
