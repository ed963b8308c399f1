package io.egressdoctor.samples.bundle;

/**
 * One proxied transaction, independent of the log format it is written in.
 *
 * @param millis when Squid logged it (at completion), UTC epoch milliseconds
 * @param elapsedMs how long it took
 * @param client the client IP
 * @param clientPort the client's source port
 * @param result Squid's result code, e.g. TCP_TUNNEL
 * @param status the HTTP status sent to the client, 0 for none
 * @param bytes bytes sent to the client
 * @param method the request method
 * @param host the requested host
 * @param port the requested port
 * @param path the path for non-CONNECT requests (starting with /), or null
 * @param user the authenticated user, or "-"
 * @param hierarchy the hierarchy code, e.g. HIER_DIRECT
 * @param peer the server IP Squid connected to, or "-"
 * @param mime the reply content type, or "-"
 * @param userAgent the User-Agent header, or "-"
 * @param error Squid's %err_code/%err_detail, or "-"
 */
record ProxyRequest(
    long millis,
    int elapsedMs,
    String client,
    int clientPort,
    String result,
    int status,
    long bytes,
    String method,
    String host,
    int port,
    String path,
    String user,
    String hierarchy,
    String peer,
    String mime,
    String userAgent,
    String error) {

  /** The URL as Squid logs it: host:port for CONNECT, an absolute URL otherwise. */
  String url() {
    if ("CONNECT".equals(method)) {
      return host + ":" + port;
    }
    if (host.startsWith("error:")) {
      return host; // Squid's pseudo-URL for a transaction without a request
    }
    String scheme = port == 443 ? "https" : "http";
    String hostPort = port == 80 || port == 443 ? host : host + ":" + port;
    return scheme + "://" + hostPort + (path == null ? "/" : path);
  }

  ProxyRequest at(long newMillis) {
    return new ProxyRequest(
        newMillis,
        elapsedMs,
        client,
        clientPort,
        result,
        status,
        bytes,
        method,
        host,
        port,
        path,
        user,
        hierarchy,
        peer,
        mime,
        userAgent,
        error);
  }
}
