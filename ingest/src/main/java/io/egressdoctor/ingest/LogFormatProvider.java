package io.egressdoctor.ingest;

import java.util.List;

/** Supplies log formats; implementations are listed in {@code META-INF/services}. */
public interface LogFormatProvider {

  /** The formats this provider offers, in order of preference when they sniff equally. */
  List<LogFormat> formats();
}
