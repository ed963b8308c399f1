package io.egressdoctor.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** Builds the opensearch-java client for the settings: basic auth and a CA file for TLS. */
final class OpenSearchConnection {

  private OpenSearchConnection() {}

  static OpenSearchClient connect(OpenSearchSettings settings) throws IOException {
    var url = settings.url();
    int port = url.getPort() >= 0 ? url.getPort() : url.getScheme().equals("https") ? 443 : 9200;
    HttpHost host = new HttpHost(url.getScheme(), url.getHost(), port);
    SSLContext ssl = settings.caFile() == null ? null : sslContext(settings);
    ApacheHttpClient5TransportBuilder builder =
        ApacheHttpClient5TransportBuilder.builder(host)
            .setMapper(new JacksonJsonpMapper(new ObjectMapper()))
            .setRequestConfigCallback(
                r ->
                    r.setConnectionRequestTimeout(Timeout.ofSeconds(30))
                        .setResponseTimeout(Timeout.ofMinutes(5)))
            .setHttpClientConfigCallback(
                client -> {
                  if (settings.username() != null) {
                    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                    credentials.setCredentials(
                        new AuthScope(host),
                        new UsernamePasswordCredentials(
                            settings.username(),
                            settings.password() == null
                                ? new char[0]
                                : settings.password().toCharArray()));
                    client.setDefaultCredentialsProvider(credentials);
                  }
                  var manager = PoolingAsyncClientConnectionManagerBuilder.create();
                  manager.setMaxConnPerRoute(16).setMaxConnTotal(32);
                  if (ssl != null) {
                    manager.setTlsStrategy(
                        ClientTlsStrategyBuilder.create().setSslContext(ssl).build());
                  }
                  return client.setConnectionManager(manager.build());
                });
    String path = url.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      builder.setPathPrefix(path);
    }
    ApacheHttpClient5Transport transport = builder.build();
    return new OpenSearchClient(transport);
  }

  private static SSLContext sslContext(OpenSearchSettings settings) throws IOException {
    try (InputStream in = Files.newInputStream(settings.caFile())) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IOException("no certificate in " + settings.caFile());
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : certs) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "cannot read the CA file " + settings.caFile() + ": " + e.getMessage(), e);
    }
  }
}
