package io.egressdoctor.collect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Opens a TCP connection to see whether a target answers; injected so tests stay on loopback. */
@FunctionalInterface
public interface TcpProbe {

  /** The word for a connection that was accepted. */
  String OPEN = "open";

  /** The word for a connection that was actively refused. */
  String REFUSED = "refused";

  /** The word for a connection that got no answer in time. */
  String TIMEOUT = "timeout";

  /**
   * Tries one connection.
   *
   * @return {@link #OPEN}, {@link #REFUSED}, {@link #TIMEOUT} or {@code ERROR reason}
   */
  String check(String address, int port, Duration timeout);

  /** Real connections from this machine. */
  static TcpProbe system() {
    return (address, port, timeout) -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
        return OPEN;
      } catch (SocketTimeoutException e) {
        return TIMEOUT;
      } catch (NoRouteToHostException e) {
        return "ERROR unreachable";
      } catch (ConnectException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("timed out")) {
          return TIMEOUT;
        }
        if (m.contains("refused")) {
          return REFUSED;
        }
        return m.contains("unreachable") || m.contains("no route")
            ? "ERROR unreachable"
            : "ERROR " + m;
      } catch (IOException | RuntimeException e) {
        return "ERROR " + e.getClass().getSimpleName();
      }
    };
  }
}
