package io.egressdoctor.shell.collect;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the files {@code collect} gathers live, relative to the machine's root ({@code /} on Linux,
 * the system drive on Windows). Sources: the MGN and DRS user guides (agent and installer logs),
 * the Azure Site Recovery and Azure Migrate documentation (setup logs, process server logs,
 * appliance configuration), see {@code shared/reference/log-formats.md} sections 3 and 4.
 */
final class CollectLocations {

  /**
   * One place to look.
   *
   * @param what what is found there, for the manifest
   * @param pattern the path relative to the root, {@code /}-separated, {@code *} globs allowed in
   *     any segment
   * @param service the catalog service word it shows, e.g. {@code mgn}, or empty
   */
  record Location(String what, String pattern, String service) {}

  static final List<Location> ALL =
      List.of(
          new Location(
              "MGN/DRS agent log (Linux)",
              "var/lib/aws-replication-agent/agent.log*",
              "aws-replication"),
          new Location(
              "MGN/DRS agent logs (Linux)",
              "var/lib/aws-replication-agent/*.log",
              "aws-replication"),
          new Location(
              "MGN/DRS installer log (Linux)",
              "root/aws_replication_agent_installer.log",
              "aws-replication"),
          new Location(
              "MGN/DRS installer log (Linux)",
              "home/*/aws_replication_agent_installer.log",
              "aws-replication"),
          new Location(
              "MGN/DRS installer log (Linux)",
              "tmp/aws_replication_agent_installer.log",
              "aws-replication"),
          new Location(
              "MGN/DRS agent log (Windows 64-bit)",
              "Program Files (x86)/AWS Replication Agent/agent.log*",
              "aws-replication"),
          new Location(
              "MGN/DRS agent log (Windows 32-bit)",
              "Program Files/AWS Replication Agent/agent.log*",
              "aws-replication"),
          new Location(
              "MGN/DRS installer log (Windows)",
              "Program Files (x86)/AWS Replication Agent/aws_replication_agent_installer.log",
              "aws-replication"),
          new Location(
              "MGN/DRS installer log (Windows)",
              "Program Files/AWS Replication Agent/aws_replication_agent_installer.log",
              "aws-replication"),
          new Location("ASR mobility agent setup logs", "ProgramData/ASRSetupLogs/*.log", "asr"),
          new Location("ASR logs", "ProgramData/ASRLogs/*.log", "asr"),
          new Location(
              "ASR process server logs", "ProgramData/ASR/home/svsystems/eventmanager*.log", "asr"),
          new Location(
              "ASR process server logs",
              "ProgramData/ASR/home/svsystems/monitor_protection*.log",
              "asr"),
          new Location(
              "ASR process server transport logs",
              "ProgramData/ASR/home/svsystems/transport/log/cxps.*",
              "asr"),
          new Location(
              "ASR source agent logs",
              "Program Files (x86)/Microsoft Azure Site Recovery/agent/svagents*.log",
              "asr"),
          new Location(
              "MARS agent error log",
              "Program Files/Microsoft Azure Recovery Services Agent/Temp/CBEngineCurr.errlog",
              "asr"),
          new Location(
              "Azure Migrate appliance logs", "ProgramData/Microsoft Azure/Logs/*.log", "migrate"),
          new Location(
              "Azure Migrate appliance configuration",
              "ProgramData/Microsoft Azure/Config/appliance.json",
              "migrate"),
          new Location(
              "Azure Migrate appliance configuration",
              "ProgramData/MicrosoftAzure/Config/appliance.json",
              "migrate"),
          new Location("environment (Linux)", "etc/environment", ""),
          new Location("proxy profile scripts (Linux)", "etc/profile.d/*proxy*", ""),
          new Location("hosts file (Linux)", "etc/hosts", ""),
          new Location("resolver configuration (Linux)", "etc/resolv.conf", ""),
          new Location("hosts file (Windows)", "Windows/System32/drivers/etc/hosts", ""));

  private CollectLocations() {}

  /** The regular files under the root matching the pattern, sorted. */
  static List<Path> find(Path root, String pattern) throws IOException {
    List<Path> current = List.of(root);
    for (String segment : pattern.split("/")) {
      List<Path> next = new ArrayList<>();
      for (Path dir : current) {
        if (!segment.contains("*")) {
          Path p = dir.resolve(segment);
          if (Files.exists(p)) {
            next.add(p);
          }
          continue;
        }
        if (!Files.isDirectory(dir)) {
          continue;
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + segment);
        try (Stream<Path> list = Files.list(dir)) {
          list.filter(p -> glob.matches(p.getFileName())).sorted().forEach(next::add);
        } catch (java.nio.file.AccessDeniedException e) {
          // A folder we may not list holds nothing we can collect.
        }
      }
      current = next;
    }
    return current.stream().filter(Files::isRegularFile).toList();
  }
}
