package io.egressdoctor.ingest.csv;

import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogFormatProvider;
import java.util.List;

/**
 * The shipped proxy export mapping: a generic CSV or TSV export with a header row (W3C logs have
 * their own format, {@code w3c}).
 */
public final class CsvFormatProvider implements LogFormatProvider {

  @Override
  public List<LogFormat> formats() {
    return List.of(
        new ProxyExportFormat(
            ProxyExportMapping.resource("proxy-csv.yaml"),
            List.of(
                "time,client_ip,user,method,host,port,url,action,status,bytes",
                "2026-11-25 10:15:02,10.20.1.15,-,CONNECT,mgn.ap-northeast-1.amazonaws.com,443,"
                    + "mgn.ap-northeast-1.amazonaws.com:443,ALLOW,200,6256")));
  }
}
