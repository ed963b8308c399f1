package io.egressdoctor.collect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** Resolves a host name to addresses; injected so tests never touch the network. */
@FunctionalInterface
public interface HostResolver {

  /**
   * The addresses of a name, as literal IPs.
   *
   * @throws UnknownHostException when the name does not resolve
   */
  List<String> resolve(String host) throws UnknownHostException;

  /** The machine's own resolver. */
  static HostResolver system() {
    return host ->
        Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress).toList();
  }
}
