package io.egressdoctor.ingest.csv;

import io.egressdoctor.ingest.LogFormat;
import io.egressdoctor.ingest.LogFormatProvider;
import java.util.List;

/** The shipped proxy export mappings: a W3C extended log and a generic CSV or TSV export. */
public final class CsvFormatProvider implements LogFormatProvider {

  @Override
  public List<LogFormat> formats() {
    return List.of(
        new ProxyExportFormat(
            ProxyExportMapping.resource("w3c-proxy.yaml"),
            List.of(
                "#Fields: date time time-taken c-ip sc-status s-action sc-bytes cs-method"
                    + " cs-uri-scheme cs-host cs-uri-port cs-uri-path cs-uri-query cs-username"
                    + " sc-filter-result cs(User-Agent) s-ip",
                "2026-11-25 01:15:02 310 10.20.1.15 200 TCP_TUNNELED 6256 CONNECT tcp"
                    + " mgn.ap-northeast-1.amazonaws.com 443 / - - OBSERVED"
                    + " \"aws-replication-agent/1.0\" 10.20.0.5")),
        new ProxyExportFormat(
            ProxyExportMapping.resource("proxy-csv.yaml"),
            List.of(
                "time,client_ip,user,method,host,port,url,action,status,bytes",
                "2026-11-25 10:15:02,10.20.1.15,-,CONNECT,mgn.ap-northeast-1.amazonaws.com,443,"
                    + "mgn.ap-northeast-1.amazonaws.com:443,ALLOW,200,6256")));
  }
}
