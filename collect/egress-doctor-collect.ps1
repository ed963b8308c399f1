# egress-doctor-collect.ps1: gathers, without Java and without secrets, what `egress-doctor report`
# needs from the Windows machine where a migration or DR agent or appliance install failed:
# MGN/DRS agent and installer logs, ASR and Azure Migrate logs and configuration (appliance.json,
# ProxyInfo.conf), the proxy environment, WinHTTP (netsh winhttp show proxy) and the system
# account's Internet Options, the hosts file, DNS answers for the required endpoints of the
# products found, and TCP checks to the proxies, the endpoints (443) and the replication servers
# (1500). It writes the same bundle as `egress-doctor collect` (the jar) and
# egress-doctor-collect.sh, as a .zip, then prints the report command to run on it.
#
# Windows PowerShell 5.1 (Windows Server 2016 and later) or PowerShell 7; nothing to install.
# Run it in an elevated PowerShell (Run as administrator) so it can read the agents' folders:
#   powershell -NoProfile -ExecutionPolicy Bypass -File .\egress-doctor-collect.ps1 [--output FILE.zip]
#       [--root DIR] [--region REGION]... [--resolve NAME]... [--no-dns] [--no-tcp]
# PowerShell-style names work too (-Output FILE, -NoDns). Pasted into a session, it runs with the
# defaults. Get it from a machine with egress-doctor: egress-doctor collect --print-script ps1
#
# Never collected: credential and key files, files holding a private key. Masked on the way in:
# passwords in URLs (http://user:***@proxy:3128), installer secret options, and the values of
# settings whose names hold password, secret, token, credential...

# What to collect: the shared collect data, the same list the jar and the sh collector use.
$EgressDoctorCollectData = @'
# BEGIN collect-data
# Generated from collect/src/main/resources/io/egressdoctor/collect/collect-data.tsv and
# the required-endpoint catalog. Do not edit here: edit those, then run
# ./mvnw -pl collect -am test -Dtest=CollectDataTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
setting	format	1
setting	max-file-bytes	536870912
setting	dns-timeout-seconds	10
setting	tcp-timeout-seconds	5
setting	max-tcp-checks	40
setting	max-replication-servers	5
file	aws-replication	var/lib/aws-replication-agent/agent.log*	MGN/DRS agent log (Linux)
file	aws-replication	var/lib/aws-replication-agent/*.log	MGN/DRS agent logs (Linux)
file	aws-replication	root/aws_replication_agent_installer.log	MGN/DRS installer log (Linux)
file	aws-replication	home/*/aws_replication_agent_installer.log	MGN/DRS installer log (Linux)
file	aws-replication	tmp/aws_replication_agent_installer.log	MGN/DRS installer log (Linux)
file	aws-replication	Program Files (x86)/AWS Replication Agent/agent.log*	MGN/DRS agent log (Windows 64-bit)
file	aws-replication	Program Files/AWS Replication Agent/agent.log*	MGN/DRS agent log (Windows 32-bit)
file	aws-replication	Program Files (x86)/AWS Replication Agent/aws_replication_agent_installer.log	MGN/DRS installer log (Windows)
file	aws-replication	Program Files/AWS Replication Agent/aws_replication_agent_installer.log	MGN/DRS installer log (Windows)
file	asr	ProgramData/ASRSetupLogs/*.log	ASR mobility agent setup logs
file	asr	ProgramData/ASRLogs/*.log	ASR logs
file	asr	ProgramData/ASR/home/svsystems/eventmanager*.log	ASR process server logs
file	asr	ProgramData/ASR/home/svsystems/monitor_protection*.log	ASR process server logs
file	asr	ProgramData/ASR/home/svsystems/transport/log/cxps.*	ASR process server transport logs
file	asr	Program Files (x86)/Microsoft Azure Site Recovery/agent/svagents*.log	ASR source agent logs
file	asr	Program Files/Microsoft Azure Recovery Services Agent/Temp/CBEngineCurr.errlog	MARS agent error log
file	asr	ProgramData/Microsoft Azure Site Recovery/Config/ProxyInfo.conf	ASR Mobility service proxy (Windows)
file	asr	usr/local/InMage/config/ProxyInfo.conf	ASR Mobility service proxy (Linux)
file	asr	var/log/ua_install.log	ASR Mobility service installer log (Linux)
file	migrate	ProgramData/Microsoft Azure/Logs/*.log	Azure Migrate appliance logs
file	migrate	ProgramData/Microsoft Azure/Config/appliance.json	Azure Migrate appliance configuration
file	migrate	ProgramData/MicrosoftAzure/Config/appliance.json	Azure Migrate appliance configuration
file	-	etc/environment	environment (Linux)
file	-	etc/profile.d/*proxy*	proxy profile scripts (Linux)
file	-	etc/hosts	hosts file (Linux)
file	-	etc/resolv.conf	resolver configuration (Linux)
file	-	Windows/System32/drivers/etc/hosts	hosts file (Windows)
never	credentials	credential file
never	*credential*	credential file
never	*.pem	key or certificate file
never	*.key	key file
never	*.pfx	key or certificate file
never	*.p12	key or certificate file
never	*.ppk	key file
never	id_rsa*	key file
never	id_ecdsa*	key file
never	id_ed25519*	key file
never	*passphrase*	passphrase file
never	*.keytab	key file
never	*.kdbx	password database
never	shadow	password file
key-marker	PRIVATE KEY-----	holds a private key
key-marker	PuTTY-User-Key-File	holds a private key
secret-word	password	passwd	pwd	secret	token	credential	apikey	api_key
secret-option	--aws-secret-access-key	--aws-session-token	--secret-access-key	--session-token	--proxy-password	--proxy-user
secret-suffix	_pass	-pass	_auth	-auth	proxypass	proxyauth
scrub	url-password	-	(^|[^A-Za-z0-9_])([A-Za-z][A-Za-z0-9+.-]*://[^:/?#@{S}"']+):[^/?#{S}"']*@	\1\2:***@
scrub	proxy-password	i	((^|[^A-Za-z0-9_])[A-Za-z0-9_.-]*proxy[A-Za-z0-9_.-]*["']?([{B}]*[:=][{B}]*|[{B}]+)["']?[^:/?#@{S}"'=]+):[^/?#{S}"']*@	\1:***@
scrub	authorization	i	((^|[^A-Za-z0-9_-])(Proxy-)?Authorization["']?[{B}]*[:=][{B}]*["']?((Basic|Bearer|Negotiate|NTLM|Kerberos)[{B}]+)?)[^{S}"',;]+	\1***
scrub	option	i	({OPTIONS})(=[{B}]*|[{B}]+)("[^"{CR}]*"|[^{S}]+)	\1\2***
scrub	presigned	i	([?&](X-Amz-Signature|X-Amz-Security-Token|Signature|sig)=)[^&#{S}"']+	\1***
scrub	setting	i	([A-Za-z0-9_.-]*(({WORDS})[A-Za-z0-9_.-]*|{SUFFIXES})["']?[{B}]*[:=][{B}]*)"[^"{CR}]*({CR}?)$	\1***\4
scrub	setting	i	([A-Za-z0-9_.-]*(({WORDS})[A-Za-z0-9_.-]*|{SUFFIXES})["']?[{B}]*[:=][{B}]*)'[^'{CR}]*({CR}?)$	\1***\4
scrub	setting	i	([A-Za-z0-9_.-]*(({WORDS})[A-Za-z0-9_.-]*|{SUFFIXES})["']?[{B}]*[:=][{B}]*)"[^"{CR}]*"	\1"***"
scrub	setting	i	([A-Za-z0-9_.-]*(({WORDS})[A-Za-z0-9_.-]*|{SUFFIXES})["']?[{B}]*[:=][{B}]*)'[^'{CR}]*'	\1'***'
scrub	setting	i	([A-Za-z0-9_.-]*(({WORDS})[A-Za-z0-9_.-]*|{SUFFIXES})["']?[{B}]*[:=][{B}]*)([^{S},;&"'*]|\*+[^{S},;&*])[^{S},;&]*	\1***
scrub	registry	i	^([{B}]+[A-Za-z0-9_.-]*(({WORDS})[A-Za-z0-9_.-]*|{SUFFIXES})[{B}]+REG_[A-Za-z_]+[{B}]+)[^{CR}]+	\1***
variable	http_proxy
variable	https_proxy
variable	ftp_proxy
variable	all_proxy
variable	no_proxy
command	windows	system-account/netsh-winhttp-show-proxy.txt	netsh	winhttp	show	proxy
command	windows	system-account/reg-query-internet-settings.txt	reg	query	HKU\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings
command	windows	system-account/reg-query-internet-settings-policies.txt	reg	query	HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings
command	windows	system-account/reg-query-asr-proxy-settings.txt	reg	query	HKLM\SOFTWARE\Microsoft\Azure Site Recovery\ProxySettings
product	aws-replication	mgn	drs
product	asr	site-recovery
product	migrate	migrate	site-recovery
port	endpoint	443
port	replication-server	1500
endpoint	aws-replication	mgn.<region>.amazonaws.com
endpoint	aws-replication	mgn.<region>.api.aws
endpoint	aws-replication	aws-mgn-clients-<region>.s3.<region>.amazonaws.com
endpoint	aws-replication	aws-mgn-clients-hashes-<region>.s3.<region>.amazonaws.com
endpoint	aws-replication	aws-mgn-internal-<region>.s3.<region>.amazonaws.com
endpoint	aws-replication	aws-mgn-internal-hashes-<region>.s3.<region>.amazonaws.com
endpoint	aws-replication	aws-application-migration-service-<region>.s3.<region>.amazonaws.com
endpoint	aws-replication	aws-application-migration-service-hashes-<region>.s3.<region>.amazonaws.com
endpoint	aws-replication	amazon-ssm-<region>.s3.<region>.amazonaws.com
endpoint	aws-replication	s3.<region>.amazonaws.com
endpoint	aws-replication	drs.<region>.amazonaws.com
endpoint	aws-replication	aws-elastic-disaster-recovery-<region>.s3.<region>.amazonaws.com
endpoint	aws-replication	aws-elastic-disaster-recovery-hashes-<region>.s3.<region>.amazonaws.com
endpoint	asr	management.azure.com
endpoint	asr	login.microsoftonline.com
endpoint	asr	login.windows.net
endpoint	asr	graph.windows.net
endpoint	asr	graph.microsoft.com
endpoint	asr	portal.azure.com
endpoint	asr	download.microsoft.com
endpoint	asr	aka.ms
endpoint	migrate	management.azure.com
endpoint	migrate	login.microsoftonline.com
endpoint	migrate	login.windows.net
endpoint	migrate	graph.windows.net
endpoint	migrate	graph.microsoft.com
endpoint	migrate	portal.azure.com
endpoint	migrate	download.microsoft.com
endpoint	migrate	aka.ms
# END collect-data
'@

# Secret masking: the shared data's scrub rules. Their regular expressions read alike in sed, Java
# and .NET once the placeholders are filled in: these are the jar's SecretScrubber fillings,
# verbatim (a test compares them), and New-ScrubRule does what the jar's SecretScrubber.regex does.
$EgressDoctorScrubSpace = ' \t\n\x0B\f\r'
$EgressDoctorScrubBlank = ' \t\x0B\f'
$EgressDoctorScrubReturn = '\r'
# The jar's Collector patterns, verbatim too.
$EgressDoctorRegionPattern = '(?:(?<![A-Za-z0-9_])(?:mgn|drs|s3|ec2)\.|--region[= ]|"region"[ \t\x0B\f]*:[ \t\x0B\f]*")([a-z]{2}(?:-gov)?-[a-z]+-[0-9])(?![A-Za-z0-9_])'
$EgressDoctorServerTemplate = '(?<![0-9.])([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}):{PORT}(?![0-9])'
$EgressDoctorEnvLinePattern = '^[ \t\n\x0B\f\r]*(?:export[ \t\n\x0B\f\r]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t\n\x0B\f\r]*=[ \t\n\x0B\f\r]*(.*?)[ \t\n\x0B\f\r]*$'

function Invoke-EgressDoctorCollect {
  param([object[]] $Arguments = @())

  Set-StrictMode -Version 2.0
  $ErrorActionPreference = 'Stop'
  $me = 'egress-doctor-collect'
  $usage = @'
Usage: egress-doctor-collect.ps1 [--output FILE.zip] [--root DIR] [--region REGION]...
                                 [--resolve NAME]... [--no-dns] [--no-tcp]
Gathers, into one .zip and without secrets, what 'egress-doctor report' needs from the machine
where an agent or appliance install failed. Then prints the report command to run.
  --output FILE    the bundle to write (default: egress-doctor-collect-<time>.zip here)
  --root DIR       read the machine's files under DIR (a mounted disk, a copied tree) instead of
                   the system drive
  --region REGION  resolve the endpoints of this region too (found in the agent logs otherwise)
  --resolve NAME   resolve this name too
  --no-dns         resolve no name (dns-resolution.tsv stays empty)
  --no-tcp         open no TCP connection (tcp-reachability.tsv stays empty)
  -h, --help       show this help
Exit codes: 0 collected, 2 usage or input error, 4 internal error.
'@
  $out = [Console]::Out

  # ---- options -------------------------------------------------------------------------------
  $output = ''
  $root = ''
  $extraRegions = New-Object 'System.Collections.Generic.List[string]'
  $extraNames = New-Object 'System.Collections.Generic.List[string]'
  $dns = $true
  $tcp = $true
  $i = 0
  while ($i -lt $Arguments.Count) {
    $arg = [string]$Arguments[$i]
    $value = $null
    $name = $arg
    if ($arg -match '^--?[A-Za-z-]+=') {
      $name = $arg.Substring(0, $arg.IndexOf('='))
      $value = $arg.Substring($arg.IndexOf('=') + 1)
    }
    $key = $name.TrimStart('-').Replace('-', '').ToLowerInvariant()
    if (-not $name.StartsWith('-')) { $key = '' }
    switch ($key) {
      { $_ -in @('output', 'root', 'region', 'resolve') } {
        if ($null -eq $value) {
          if ($i + 1 -ge $Arguments.Count) {
            [Console]::Error.WriteLine("${me}: $name needs a value (see --help)")
            return 2
          }
          $i++
          $value = [string]$Arguments[$i]
        }
        if ($value -eq '') {
          [Console]::Error.WriteLine("${me}: $name needs a value (see --help)")
          return 2
        }
        if ($key -eq 'output') { $output = $value }
        elseif ($key -eq 'root') { $root = $value }
        elseif ($key -eq 'region') { $extraRegions.Add($value) }
        else { $extraNames.Add($value) }
      }
      'nodns' { $dns = $false }
      'notcp' { $tcp = $false }
      { $_ -in @('h', 'help', '?') } { $out.Write($usage + [Environment]::NewLine); return 0 }
      default {
        [Console]::Error.WriteLine("${me}: unknown option: $arg (see --help)")
        return 2
      }
    }
    $i++
  }

  $live = $false
  if ($root -eq '') {
    $drive = $env:SystemDrive
    if (-not $drive) { $drive = 'C:' }
    $root = $drive + '\'
    $live = $true
  }
  if (-not (Test-Path -LiteralPath $root -PathType Container)) {
    [Console]::Error.WriteLine("${me}: no such folder: $root")
    return 2
  }
  $rootFull = (Get-Item -LiteralPath $root -Force).FullName.TrimEnd('\', '/')
  $here = (Get-Location).ProviderPath
  $now = [DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ssZ', [Globalization.CultureInfo]::InvariantCulture)
  if ($output -eq '') {
    $output = 'egress-doctor-collect-' + [DateTime]::UtcNow.ToString('yyyyMMdd-HHmmss', [Globalization.CultureInfo]::InvariantCulture) + '.zip'
  }
  if (-not $output.ToLowerInvariant().EndsWith('.zip')) {
    [Console]::Error.WriteLine("${me}: --output must end in .zip (this collector writes a zip): $output")
    return 2
  }
  if (-not [IO.Path]::IsPathRooted($output)) { $output = Join-Path $here $output }
  $output = [IO.Path]::GetFullPath($output)

  # ---- the shared data -------------------------------------------------------------------------
  $records = New-Object 'System.Collections.Generic.List[string[]]'
  foreach ($line in ($EgressDoctorCollectData -split "`n")) {
    $line = $line.TrimEnd("`r")
    if ($line -eq '' -or $line.StartsWith('#')) { continue }
    $records.Add([string[]]($line -split "`t"))
  }
  function Get-Records([string] $kind) {
    $list = New-Object 'System.Collections.Generic.List[string[]]'
    foreach ($r in $records) { if ($r[0] -eq $kind) { $list.Add($r) } }
    return , $list
  }
  function Get-Setting([string] $name) {
    foreach ($r in (Get-Records 'setting')) { if ($r[1] -eq $name) { return [long]$r[2] } }
    throw "no setting $name"
  }
  $maxBytes = Get-Setting 'max-file-bytes'
  $dnsTimeoutMs = [int](Get-Setting 'dns-timeout-seconds') * 1000
  $tcpTimeoutSeconds = Get-Setting 'tcp-timeout-seconds'
  $maxTcp = Get-Setting 'max-tcp-checks'
  $maxServers = Get-Setting 'max-replication-servers'
  $ports = @{}
  foreach ($r in (Get-Records 'port')) { $ports[$r[1]] = [int]$r[2] }
  $variables = New-Object 'System.Collections.Generic.List[string]'
  foreach ($r in (Get-Records 'variable')) { $variables.Add($r[1]) }
  function Get-Words([string] $kind) {
    $list = New-Object 'System.Collections.Generic.List[string]'
    foreach ($r in (Get-Records $kind)) { $list.AddRange([string[]]$r[1..($r.Count - 1)]) }
    return ($list -join '|')
  }
  $fill = @{
    '{S}' = $EgressDoctorScrubSpace; '{B}' = $EgressDoctorScrubBlank; '{CR}' = $EgressDoctorScrubReturn
    '{WORDS}' = (Get-Words 'secret-word'); '{OPTIONS}' = (Get-Words 'secret-option'); '{SUFFIXES}' = (Get-Words 'secret-suffix')
  }
  $rxOptions = [Text.RegularExpressions.RegexOptions]::CultureInvariant
  $scrubRules = New-Object 'System.Collections.Generic.List[object]'
  $scrubKinds = New-Object 'System.Collections.Generic.List[string]'
  $scrubCounts = @{}
  foreach ($r in (Get-Records 'scrub')) {
    $rx = $r[3]
    foreach ($k in $fill.Keys) { $rx = $rx.Replace($k, $fill[$k]) }
    if ($r[2] -eq 'i') { $rx = '(?i)' + $rx }
    $with = [Text.RegularExpressions.Regex]::Replace($r[4], '\\([1-9])', '$$$1')
    $anyLine = New-Object Text.RegularExpressions.Regex($rx, ($rxOptions -bor [Text.RegularExpressions.RegexOptions]::Multiline))
    $scrubRules.Add(@{ Kind = $r[1]; Regex = (New-Object Text.RegularExpressions.Regex($rx, $rxOptions)); AnyLine = $anyLine; With = $with })
    if (-not $scrubKinds.Contains($r[1])) { $scrubKinds.Add($r[1]); $scrubCounts[$r[1]] = 0 }
  }

  $regionRx = New-Object Text.RegularExpressions.Regex($EgressDoctorRegionPattern, $rxOptions)
  $serverRx = New-Object Text.RegularExpressions.Regex($EgressDoctorServerTemplate.Replace('{PORT}', [string]$ports['replication-server']), $rxOptions)
  $envLineRx = New-Object Text.RegularExpressions.Regex($EgressDoctorEnvLinePattern, $rxOptions)
  $ipv4Rx = New-Object Text.RegularExpressions.Regex('^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$')

  # Each rule on each line (without its newline), in order, as sed applies them; a rule that
  # matches nowhere in the text is skipped without splitting it.
  function Protect-Text([string] $text) {
    $lines = $null
    foreach ($rule in $scrubRules) {
      if (-not $rule.AnyLine.IsMatch($text)) { continue }
      if ($null -eq $lines) { $lines = $text.Split([char]10) }
      for ($i = 0; $i -lt $lines.Length; $i++) {
        if ($rule.Regex.IsMatch($lines[$i])) {
          $lines[$i] = $rule.Regex.Replace($lines[$i], $rule.With)
          $scrubCounts[$rule.Kind] += 1
        }
      }
    }
    if ($null -eq $lines) { return $text }
    return ($lines -join [string][char]10)
  }

  # ---- the bundle ------------------------------------------------------------------------------
  Add-Type -AssemblyName System.IO.Compression
  $outFolder = Split-Path -Parent $output
  if (-not (Test-Path -LiteralPath $outFolder)) { [void](New-Item -ItemType Directory -Path $outFolder -Force) }
  $partial = $output + '.partial'
  # Readable by its owner only, before a byte is written: an ACL with inheritance cut off and one
  # rule, full control for the user running the collector.
  $created = [IO.File]::Open($partial, [IO.FileMode]::Create)
  $created.Dispose()
  if ([Environment]::OSVersion.Platform -eq [PlatformID]::Win32NT) {
    $acl = New-Object Security.AccessControl.FileSecurity
    $acl.SetAccessRuleProtection($true, $false)
    $owner = [Security.Principal.WindowsIdentity]::GetCurrent().User
    $acl.SetOwner($owner)
    $acl.AddAccessRule((New-Object Security.AccessControl.FileSystemAccessRule($owner, [Security.AccessControl.FileSystemRights]::FullControl, [Security.AccessControl.AccessControlType]::Allow)))
    Set-Acl -LiteralPath $partial -AclObject $acl
  }
  $stream = [IO.File]::Open($partial, [IO.FileMode]::Truncate)
  $zip = New-Object IO.Compression.ZipArchive($stream, [IO.Compression.ZipArchiveMode]::Create)
  $utf8 = New-Object Text.UTF8Encoding($false)
  $latin1 = [Text.Encoding]::GetEncoding(28591)
  function Add-Entry([string] $name, [byte[]] $bytes, [byte[]] $bom = @()) {
    $entry = $zip.CreateEntry($name)
    $s = $entry.Open()
    if ($bom.Length -gt 0) { $s.Write($bom, 0, $bom.Length) }
    $s.Write($bytes, 0, $bytes.Length)
    $s.Dispose()
  }

  $files = New-Object 'System.Collections.Generic.List[string]'
  $notFound = New-Object 'System.Collections.Generic.List[string]'
  $notCollected = New-Object 'System.Collections.Generic.List[string]'
  $scrubbed = New-Object 'System.Collections.Generic.List[string]'
  $truncated = New-Object 'System.Collections.Generic.List[string]'
  $commands = New-Object 'System.Collections.Generic.List[string]'
  $products = New-Object 'System.Collections.Generic.SortedSet[string]' ([StringComparer]::Ordinal)
  $regions = New-Object 'System.Collections.Generic.SortedSet[string]' ([StringComparer]::Ordinal)
  $servers = New-Object 'System.Collections.Generic.SortedSet[string]' ([StringComparer]::Ordinal)
  $envProxyValues = New-Object 'System.Collections.Generic.List[string]'
  $fileProxyValues = New-Object 'System.Collections.Generic.List[string]'
  foreach ($r in $extraRegions) { [void]$regions.Add($r) }

  # A symbolic link or junction below the root, to a file or a folder, is never followed: a log in
  # a writable place may point at a credential store. Listed once as not collected.
  function Test-Link([string] $path) {
    $item = Get-Item -LiteralPath $path -Force -ErrorAction SilentlyContinue
    return ($null -ne $item) -and (($item.Attributes -band [IO.FileAttributes]::ReparsePoint) -ne 0)
  }
  function Skip-Link([string] $path) {
    $line = $path.Substring($rootFull.Length).TrimStart('\', '/').Replace('\', '/') + '  (symbolic link, not followed)'
    if (-not $notCollected.Contains($line)) { $notCollected.Add($line) }
  }

  function Find-Matches([string] $pattern) {
    $current = New-Object 'System.Collections.Generic.List[string]'
    $current.Add($rootFull)
    foreach ($segment in $pattern.Split('/')) {
      $next = New-Object 'System.Collections.Generic.List[string]'
      foreach ($dir in $current) {
        if (-not $segment.Contains('*')) {
          $p = Join-Path $dir $segment
          if (Test-Link $p) { Skip-Link $p }
          elseif (Test-Path -LiteralPath $p) { $next.Add($p) }
          continue
        }
        if (-not (Test-Path -LiteralPath $dir -PathType Container)) { continue }
        $names = @(Get-ChildItem -LiteralPath $dir -Force -ErrorAction SilentlyContinue |
            Where-Object { $_.Name -like $segment } | ForEach-Object { $_.Name })
        [Array]::Sort($names, [StringComparer]::Ordinal)
        foreach ($n in $names) {
          $p = Join-Path $dir $n
          if (Test-Link $p) { Skip-Link $p } else { $next.Add($p) }
        }
      }
      $current = $next
    }
    return , @($current | Where-Object { Test-Path -LiteralPath $_ -PathType Leaf })
  }

  function Get-NeverReason([string] $fileName) {
    foreach ($r in (Get-Records 'never')) { if ($fileName -like $r[1]) { return $r[2] } }
    return $null
  }

  function Read-Content([string] $path) {
    $fs = New-Object IO.FileStream($path, [IO.FileMode]::Open, [IO.FileAccess]::Read, ([IO.FileShare]::ReadWrite -bor [IO.FileShare]::Delete))
    try {
      $size = $fs.Length
      $keep = [Math]::Min($size, $maxBytes)
      $bytes = New-Object byte[] $keep
      [void]$fs.Seek($size - $keep, [IO.SeekOrigin]::Begin)
      $read = 0
      while ($read -lt $keep) {
        $n = $fs.Read($bytes, $read, $keep - $read)
        if ($n -le 0) { break }
        $read += $n
      }
    }
    finally { $fs.Dispose() }
    $isTruncated = $keep -lt $size
    if ($bytes.Length -ge 2 -and $bytes[0] -eq 0xff -and $bytes[1] -eq 0xfe -and -not $isTruncated) {
      return @{ Text = [Text.Encoding]::Unicode.GetString($bytes, 2, $bytes.Length - 2); Encoding = [Text.Encoding]::Unicode; Bom = [byte[]](0xff, 0xfe); Truncated = $false }
    }
    $text = $latin1.GetString($bytes)
    if ($isTruncated) {
      $newline = $text.IndexOf("`n")
      if ($newline -ge 0) { $text = $text.Substring($newline + 1) }
    }
    return @{ Text = $text; Encoding = $latin1; Bom = [byte[]]@(); Truncated = $isTruncated }
  }

  function Get-ProxyValue([string] $line) {
    $m = $envLineRx.Match($line)
    if (-not $m.Success) { return $null }
    $n = $m.Groups[1].Value.ToLowerInvariant()
    if (($variables -notcontains $n) -or $n -eq 'no_proxy') { return $null }
    return (Remove-Quotes $m.Groups[2].Value)
  }

  function Remove-Quotes([string] $v) {
    if ($v.Length -ge 2 -and (($v.StartsWith('"') -and $v.EndsWith('"')) -or ($v.StartsWith("'") -and $v.EndsWith("'")))) {
      return $v.Substring(1, $v.Length - 2)
    }
    return $v
  }

  # ---- 1. files --------------------------------------------------------------------------------
  $seen = New-Object 'System.Collections.Generic.HashSet[string]' ([StringComparer]::OrdinalIgnoreCase)
  foreach ($r in (Get-Records 'file')) {
    $product = $r[1]; $pattern = $r[2]; $what = $r[3]
    $found = Find-Matches $pattern
    if ($found.Count -eq 0) { $notFound.Add("$pattern  ($what)"); continue }
    foreach ($file in $found) {
      if (-not $seen.Add([IO.Path]::GetFullPath($file))) { continue }
      $relative = $file.Substring($rootFull.Length).TrimStart('\', '/').Replace('\', '/')
      $never = Get-NeverReason ([IO.Path]::GetFileName($file))
      if ($never) { $notCollected.Add("$relative  ($never)"); continue }
      # Checked again right before the read: the file may have been swapped for a link since.
      if (Test-Link $file) { Skip-Link $file; continue }
      try { $content = Read-Content $file }
      catch {
        # One unreadable log (permissions, a file locked by the agent) must not lose the rest.
        $e = $_.Exception
        while ($e.InnerException) { $e = $e.InnerException }
        if ($e -is [UnauthorizedAccessException]) { $notCollected.Add("$relative  (unreadable: permission denied)") }
        else { $notCollected.Add("$relative  (unreadable: " + $e.GetType().Name + ')') }
        continue
      }
      $key = $null
      foreach ($k in (Get-Records 'key-marker')) { if ($content.Text.Contains($k[1])) { $key = $k[2]; break } }
      if ($key) { $notCollected.Add("$relative  ($key)"); continue }
      if ($content.Truncated) { $truncated.Add($relative) }
      $clean = Protect-Text $content.Text
      if ($clean -cne $content.Text) { $scrubbed.Add($relative) }
      $body = $content.Encoding.GetBytes($clean)
      Add-Entry ('files/' + $relative) $body $content.Bom
      $files.Add($relative)
      if ($product -ne '-') { [void]$products.Add($product) }
      foreach ($m in $regionRx.Matches($clean)) { [void]$regions.Add($m.Groups[1].Value) }
      if ($product -eq 'aws-replication') {
        foreach ($m in $serverRx.Matches($clean)) { [void]$servers.Add($m.Groups[1].Value) }
      }
      if ($relative -eq 'etc/environment') {
        foreach ($line in ($clean -split "`r`n|`n|`r")) {
          $v = Get-ProxyValue $line
          if ($null -ne $v) { $fileProxyValues.Add($v) }
        }
      }
    }
  }

  # ---- 2. commands of the live machine ---------------------------------------------------------
  foreach ($r in (Get-Records 'command')) {
    $argv = @($r[3..($r.Count - 1)])
    $shown = (@($argv | ForEach-Object { if ($_.Contains(' ')) { '"' + $_ + '"' } else { $_ } }) -join ' ')
    $what = $r[2] + '  (' + $shown + ': '
    if (-not $live) { $commands.Add($what + 'not run, --root reads another machine)'); continue }
    if ($r[1] -ne 'windows') { $commands.Add($what + 'not run, not on ' + $r[1] + ')'); continue }
    try {
      $rest = @()
      if ($argv.Count -gt 1) { $rest = $argv[1..($argv.Count - 1)] }
      # Windows PowerShell 5.1 turns a native command's stderr into errors: collect them as text.
      $text = & {
        $ErrorActionPreference = 'Continue'
        & $argv[0] @rest 2>&1 | ForEach-Object { [string]$_ }
      } | Out-String
      $code = $LASTEXITCODE
    }
    catch { $commands.Add($what + 'failed, ' + $_.Exception.Message + ')'); continue }
    $clean = Protect-Text $text
    if ($clean -cne $text) { $scrubbed.Add($r[2]) }
    Add-Entry $r[2] $utf8.GetBytes($clean)
    if ($code -eq 0) { $commands.Add($what + 'ok)') } else { $commands.Add($what + "exit $code)") }
  }

  # ---- 3. the proxy variables of this process --------------------------------------------------
  $envText = New-Object Text.StringBuilder
  [void]$envText.Append("# Proxy variables of the process that ran egress-doctor collect.`n")
  $envNames = @(Get-ChildItem Env: | ForEach-Object { $_.Name } | Where-Object { $variables -contains $_.ToLowerInvariant() })
  [Array]::Sort($envNames, [StringComparer]::Ordinal)
  foreach ($n in $envNames) {
    # The whole NAME=value line, as the other collectors mask it: a proxy without a scheme
    # (user:password@host) is known for one by its variable's name.
    $line = Protect-Text ($n + '=' + [Environment]::GetEnvironmentVariable($n))
    $v = $line.Substring($line.IndexOf('=') + 1)
    [void]$envText.Append("$line`n")
    if ($n.ToLowerInvariant() -ne 'no_proxy') { $envProxyValues.Add($v) }
  }
  Add-Entry 'proxy-environment.env' $utf8.GetBytes($envText.ToString())

  # ---- 4. DNS answers --------------------------------------------------------------------------
  function Resolve-Name([string] $name) {
    try {
      $ar = [Net.Dns]::BeginGetHostAddresses($name, $null, $null)
      if (-not $ar.AsyncWaitHandle.WaitOne($dnsTimeoutMs)) { return 'ERROR timeout' }
      $addresses = [Net.Dns]::EndGetHostAddresses($ar)
    }
    catch { return 'ERROR unknown host' }
    $v4 = @($addresses | Where-Object { $_.AddressFamily -eq [Net.Sockets.AddressFamily]::InterNetwork } | ForEach-Object { $_.IPAddressToString })
    $v6 = @($addresses | Where-Object { $_.AddressFamily -ne [Net.Sockets.AddressFamily]::InterNetwork } | ForEach-Object { $_.IPAddressToString })
    $all = @(@($v4) + @($v6) | Select-Object -Unique)
    if ($all.Count -eq 0) { return 'ERROR unknown host' }
    return ($all -join ',')
  }
  $names = New-Object 'System.Collections.Generic.SortedSet[string]' ([StringComparer]::Ordinal)
  foreach ($n in $extraNames) { [void]$names.Add($n) }
  foreach ($r in (Get-Records 'endpoint')) {
    if (-not $products.Contains($r[1])) { continue }
    if ($r[2].Contains('<region>')) {
      foreach ($region in $regions) { [void]$names.Add($r[2].Replace('<region>', $region.ToLowerInvariant())) }
    }
    else { [void]$names.Add($r[2]) }
  }
  $resolved = New-Object 'System.Collections.Generic.List[string]'
  if ($dns) { foreach ($n in $names) { $resolved.Add($n + "`t" + (Resolve-Name $n)) } }
  $dnsText = "# name`taddresses (comma-separated) or ERROR reason, resolved at $now`n"
  if (-not $dns) { $dnsText += "# not resolved: --no-dns`n" }
  foreach ($l in $resolved) { $dnsText += "$l`n" }
  Add-Entry 'dns-resolution.tsv' $utf8.GetBytes($dnsText)

  # ---- 5. TCP checks ---------------------------------------------------------------------------
  function Select-Address([string] $addresses) {
    $all = $addresses.Split(',')
    foreach ($a in $all) { if ($ipv4Rx.IsMatch($a)) { return $a } }
    return $all[0]
  }
  function Get-ProxyTarget([string] $url) {
    $v = Remove-Quotes $url.Trim()
    $scheme = ''
    $sep = $v.IndexOf('://')
    if ($sep -ge 0) { $scheme = $v.Substring(0, $sep).ToLowerInvariant(); $v = $v.Substring($sep + 3) }
    $slash = $v.IndexOf('/')
    if ($slash -ge 0) { $v = $v.Substring(0, $slash) }
    $at = $v.LastIndexOf('@')
    if ($at -ge 0) { $v = $v.Substring($at + 1) }
    $h = $v
    $p = ''
    if ($scheme -eq 'http') { $p = '80' } elseif ($scheme -eq 'https') { $p = '443' }
    $colon = $v.LastIndexOf(':')
    if ($colon -ge 0) { $h = $v.Substring(0, $colon); $p = $v.Substring($colon + 1) }
    if ($h -eq '' -or $h.Contains(':') -or $p -notmatch '^[0-9]+$') { return $null }
    return "${h}:$p"
  }
  function Test-Tcp([string] $address, [int] $port) {
    $client = New-Object Net.Sockets.TcpClient
    try {
      $ar = $client.BeginConnect($address, $port, $null, $null)
      if (-not $ar.AsyncWaitHandle.WaitOne([int]$tcpTimeoutSeconds * 1000)) { return 'timeout' }
      $client.EndConnect($ar)
      return 'open'
    }
    catch {
      $e = $_.Exception
      while ($e.InnerException -and -not ($e -is [Net.Sockets.SocketException])) { $e = $e.InnerException }
      if ($e -is [Net.Sockets.SocketException]) {
        switch ([string]$e.SocketErrorCode) {
          'ConnectionRefused' { return 'refused' }
          'TimedOut' { return 'timeout' }
          { $_ -in @('HostUnreachable', 'NetworkUnreachable') } { return 'ERROR unreachable' }
        }
        return 'ERROR ' + ([string]$e.SocketErrorCode).ToLowerInvariant()
      }
      return 'ERROR ' + $e.GetType().Name
    }
    finally { $client.Close() }
  }
  $targets = New-Object 'System.Collections.Generic.List[object[]]'
  $proxies = New-Object 'System.Collections.Generic.List[string]'
  foreach ($v in (@($envProxyValues) + @($fileProxyValues))) {
    $t = Get-ProxyTarget $v
    if ($t -and -not $proxies.Contains($t)) { $proxies.Add($t) }
  }
  foreach ($t in $proxies) {
    $colon = $t.LastIndexOf(':')
    $h = $t.Substring(0, $colon)
    if ($ipv4Rx.IsMatch($h)) { $a = $h }
    elseif (-not $dns) { $a = 'ERROR not resolved (--no-dns)' }
    else {
      $a = Resolve-Name $h
      if (-not $a.StartsWith('ERROR')) { $a = Select-Address $a }
    }
    $targets.Add([object[]]@('proxy', $h, $a, [int]$t.Substring($colon + 1)))
  }
  foreach ($l in $resolved) {
    $f = $l.Split("`t")
    if (-not $f[1].StartsWith('ERROR')) { $targets.Add([object[]]@('endpoint', $f[0], (Select-Address $f[1]), $ports['endpoint'])) }
  }
  $count = 0
  foreach ($s in $servers) {
    if ($count -ge $maxServers) { break }
    $targets.Add([object[]]@('replication-server', $s, $s, $ports['replication-server']))
    $count++
  }
  $checks = New-Object 'System.Collections.Generic.List[string]'
  if ($tcp) {
    foreach ($t in $targets) {
      if ($checks.Count -eq $maxTcp) {
        $checks.Add('# ' + ($targets.Count - $maxTcp) + " more targets not checked (at most $maxTcp)")
        break
      }
      if ($t[2].StartsWith('ERROR')) { $checks.Add($t[0] + "`t" + $t[1] + "`t-`t" + $t[3] + "`t" + $t[2]) }
      else { $checks.Add($t[0] + "`t" + $t[1] + "`t" + $t[2] + "`t" + $t[3] + "`t" + (Test-Tcp $t[2] $t[3])) }
    }
  }
  $tcpText = "# kind`ttarget`taddress`tport`topen, refused, timeout or ERROR reason, checked at $now, timeout $tcpTimeoutSeconds s`n"
  if (-not $tcp) { $tcpText += "# not checked: --no-tcp`n" }
  foreach ($l in $checks) { $tcpText += "$l`n" }
  Add-Entry 'tcp-reachability.tsv' $utf8.GetBytes($tcpText)
  $checked = @($checks | Where-Object { -not $_.StartsWith('#') }).Count

  # ---- 6. the manifest -------------------------------------------------------------------------
  $manifest = New-Object Text.StringBuilder
  function Add-Section([string] $title, $lines) {
    [void]$manifest.Append("`n$title`n")
    foreach ($l in $lines) { [void]$manifest.Append("  $l`n") }
  }
  [void]$manifest.Append("egress-doctor collect (ps1), $now`nroot: $root`n")
  Add-Section 'collected:' $files
  Add-Section 'secrets masked in:' $scrubbed
  Add-Section 'secrets masked (lines, by kind):' @($scrubKinds | Where-Object { $scrubCounts[$_] -gt 0 } | ForEach-Object { $_ + '  (' + $scrubCounts[$_] + ')' })
  Add-Section "kept only the newest $maxBytes bytes of:" $truncated
  Add-Section 'commands:' $commands
  [void]$manifest.Append("`nproducts seen: " + (@($products) -join ', '))
  [void]$manifest.Append("`nregions seen: " + (@($regions) -join ', '))
  if ($dns) { [void]$manifest.Append("`ndns answers: " + $resolved.Count + ' names') } else { [void]$manifest.Append("`ndns answers: skipped (--no-dns)") }
  if ($tcp) { [void]$manifest.Append("`ntcp checks: $checked targets`n") } else { [void]$manifest.Append("`ntcp checks: skipped (--no-tcp)`n") }
  Add-Section 'not collected:' $notCollected
  Add-Section 'not found:' $notFound
  Add-Entry 'collect-manifest.txt' $utf8.GetBytes($manifest.ToString())

  $zip.Dispose()
  $stream.Dispose()
  Move-Item -LiteralPath $partial -Destination $output -Force

  # ---- 7. what to run next ---------------------------------------------------------------------
  function Format-Quoted([string] $s) {
    # PowerShell quoting, where the command will be run on Windows.
    if ($s -cmatch '^[A-Za-z0-9_./:\\-]+$') { return $s }
    return "'" + $s.Replace("'", "''") + "'"
  }
  $out.WriteLine('Collected ' + $files.Count + " files into $output")
  if ($scrubbed.Count -gt 0) { $out.WriteLine('Secrets masked in: ' + ($scrubbed -join ', ')) }
  if ($notCollected.Count -gt 0) { $out.WriteLine('Not collected: ' + ($notCollected -join ', ')) }
  $out.WriteLine('Resolved ' + $resolved.Count + ' required endpoint names.')
  $out.WriteLine("Checked $checked TCP targets.")
  if (@($notCollected | Where-Object { $_.Contains('permission denied') }).Count -gt 0) {
    $out.WriteLine('Some files could not be read: run again in an elevated PowerShell (Run as administrator) to include them.')
  }
  $html = [IO.Path]::GetFileNameWithoutExtension($output) + '.html'
  $out.WriteLine('Now run:')
  $out.WriteLine('  egress-doctor report ' + (Format-Quoted $output) + ' --output ' + (Format-Quoted $html))
  return 0
}

$egressDoctorArgs = @()
if (Test-Path variable:args) { $egressDoctorArgs = $args }
$egressDoctorExit = 4
try {
  $egressDoctorExit = Invoke-EgressDoctorCollect -Arguments $egressDoctorArgs
}
catch {
  [Console]::Error.WriteLine('egress-doctor-collect: ' + $_.Exception.Message)
  $egressDoctorExit = 4
}
if ($PSCommandPath) { exit $egressDoctorExit }
