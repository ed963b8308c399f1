package io.egressdoctor.samples.bundle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A proxy log under construction: background and telling transactions, written in time order. */
final class ProxyLog {

  private final List<ProxyRequest> requests = new ArrayList<>();

  ProxyLog add(List<ProxyRequest> more) {
    requests.addAll(more);
    return this;
  }

  ProxyLog add(ProxyRequest one) {
    requests.add(one);
    return this;
  }

  /** The lines in completion order, as the proxy writes them. */
  List<String> lines(ProxyLogFormat format) {
    List<ProxyRequest> sorted = new ArrayList<>(requests);
    sorted.sort(Comparator.comparingLong(ProxyRequest::millis));
    List<String> out = new ArrayList<>(sorted.size());
    for (ProxyRequest r : sorted) {
      out.add(format.line(r));
    }
    return out;
  }

  /** The lines logged before {@code millis}, e.g. for a rotated file. */
  List<String> linesBefore(long millis, ProxyLogFormat format) {
    ProxyLog part = new ProxyLog();
    requests.stream().filter(r -> r.millis() < millis).forEach(part::add);
    return part.lines(format);
  }

  /** The lines logged from {@code millis} on. */
  List<String> linesFrom(long millis, ProxyLogFormat format) {
    ProxyLog part = new ProxyLog();
    requests.stream().filter(r -> r.millis() >= millis).forEach(part::add);
    return part.lines(format);
  }
}
