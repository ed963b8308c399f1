#!/bin/sh
# egress-doctor-collect.sh: gathers, without Java and without secrets, what `egress-doctor report`
# needs from the machine where a migration or DR agent install failed: MGN/DRS agent and installer
# logs, ASR and Azure Migrate logs and configuration (appliance.json, ProxyInfo.conf), the proxy
# environment, /etc/environment, hosts and resolver files, DNS answers for the required endpoints
# of the products found, and TCP checks to the proxies, the endpoints (443) and the replication
# servers (1500). It writes the same bundle as `egress-doctor collect` (the jar) and
# egress-doctor-collect.ps1, as a .tar.gz, then prints the report command to run on it.
#
# POSIX sh (dash, busybox ash, posh); needs only what a minimal Linux server has: sed, awk, od,
# tail, tar and gzip. DNS answers use getent (or nslookup); TCP checks use bash with timeout, curl
# or nc, whichever is there. Every name lookup and connection is bounded by a timeout.
#
# Run:   sh egress-doctor-collect.sh [--output FILE.tar.gz] [--root DIR] [--region REGION]...
#                                    [--resolve NAME]... [--no-dns] [--no-tcp]
# Or get it from a machine with egress-doctor: egress-doctor collect --print-script sh
#
# Never collected: credential and key files, files holding a private key. Masked on the way in:
# passwords in URLs (http://user:***@proxy:3128), installer secret options, and the values of
# settings whose names hold password, secret, token, credential...
#
# For tests (no network): EGRESS_DOCTOR_COLLECT_RESOLVER='CMD ARG...' resolves with `CMD ARG... NAME`
# (one address a line, non-zero exit when unknown); EGRESS_DOCTOR_COLLECT_TCP_TOOL=bash|curl|nc
# picks the TCP tool; EGRESS_DOCTOR_COLLECT_MAX_FILE_BYTES=N keeps at most N bytes of a file.

set -u
LC_ALL=C
export LC_ALL
umask 077

me=egress-doctor-collect
TAB=$(printf '\t')
CR=$(printf '\r')
NL='
'

usage() {
  cat <<'EOF'
Usage: sh egress-doctor-collect.sh [--output FILE.tar.gz] [--root DIR] [--region REGION]...
                                   [--resolve NAME]... [--no-dns] [--no-tcp]
Gathers, into one .tar.gz and without secrets, what 'egress-doctor report' needs from the machine
where an agent or appliance install failed. Then prints the report command to run.
  --output FILE    the bundle to write (default: egress-doctor-collect-<time>.tar.gz here)
  --root DIR       read the machine's files under DIR (a mounted disk, a copied tree) instead of /
  --region REGION  resolve the endpoints of this region too (found in the agent logs otherwise)
  --resolve NAME   resolve this name too
  --no-dns         resolve no name (dns-resolution.tsv stays empty)
  --no-tcp         open no TCP connection (tcp-reachability.tsv stays empty)
  -h, --help       show this help
Exit codes: 0 collected, 2 usage or input error, 4 internal error.
EOF
}

die() {
  printf '%s: %s\n' "$me" "$1" >&2
  exit "${2:-2}"
}

# ---------------------------------------------------------------------------------------------
# What to collect: the shared collect data, the same list the jar and the PowerShell collector use.
collect_data() {
  cat <<'END_OF_COLLECT_DATA'
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
END_OF_COLLECT_DATA
}

# ---------------------------------------------------------------------------------------------
# Options.
output=
root=
regions=
names=
dns=1
tcp=1
while [ $# -gt 0 ]; do
  case $1 in
    --output | --root | --region | --resolve)
      [ $# -ge 2 ] || die "$1 needs a value (see --help)"
      opt=$1
      val=$2
      shift 2
      ;;
    --output=* | --root=* | --region=* | --resolve=*)
      opt=${1%%=*}
      val=${1#*=}
      shift
      ;;
    --no-dns)
      dns=0
      shift
      continue
      ;;
    --no-tcp)
      tcp=0
      shift
      continue
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
  [ -n "$val" ] || die "$opt needs a value (see --help)"
  case $opt in
    --output) output=$val ;;
    --root) root=$val ;;
    --region) regions="$regions$val$NL" ;;
    --resolve) names="$names$val$NL" ;;
  esac
done

live=0
if [ -z "$root" ]; then
  root=/
  live=1
fi
[ -d "$root" ] || die "no such folder: $root"
base=${root%/}
while [ "$base" != "${base%/}" ]; do base=${base%/}; done

if [ -z "$output" ]; then
  output="$me-$(date -u +%Y%m%d-%H%M%S).tar.gz"
fi
case $output in
  *.tar.gz | *.tgz) ;;
  *) die "--output must end in .tar.gz or .tgz (this collector writes a gzipped tar): $output" ;;
esac
case $output in
  /*) ;;
  *) output="$(pwd)/$output" ;;
esac
mkdir -p "${output%/*}" 2>/dev/null || die "cannot create the folder of $output"

for tool in sed awk od tail head tr wc sort cmp grep cut; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed and missing" 4
done

stage="${TMPDIR:-/tmp}/$me.$$"
mkdir "$stage" || die "cannot create $stage" 4
trap 'rm -rf "$stage"' EXIT
trap 'exit 130' INT TERM
bundle="$stage/bundle"
mkdir "$bundle"
data="$stage/data.tsv"
collect_data >"$data"
for list in files scrubbed truncated commands products regions notcollected notfound proxies servers; do
  : >"$stage/$list.lst"
done

now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
os=other
[ "$(uname -s 2>/dev/null)" = Linux ] && os=linux

setting() {
  awk -F "$TAB" -v n="$1" '$1 == "setting" && $2 == n { print $3 }' "$data"
}
max_bytes=${EGRESS_DOCTOR_COLLECT_MAX_FILE_BYTES:-$(setting max-file-bytes)}
dns_timeout=$(setting dns-timeout-seconds)
tcp_timeout=$(setting tcp-timeout-seconds)
max_tcp=$(setting max-tcp-checks)
max_servers=$(setting max-replication-servers)
endpoint_port=$(awk -F "$TAB" '$1 == "port" && $2 == "endpoint" { print $3 }' "$data")
replication_port=$(awk -F "$TAB" '$1 == "port" && $2 == "replication-server" { print $3 }' "$data")

lower() {
  printf '%s' "$1" | tr '[:upper:]' '[:lower:]'
}

note() {
  printf '%s\n' "$2" >>"$stage/$1.lst"
}

# ---------------------------------------------------------------------------------------------
# Secret masking: the shared data's scrub rules, turned into a sed script. Each rule becomes one
# s command that writes the lines it masked to its own file, so the manifest can count them by kind.
ci_words() {
  # $1: record kind. Its words, each letter as [xX], joined with |.
  awk -F "$TAB" -v k="$1" '
    $1 == k {
      for (i = 2; i <= NF; i++) {
        w = ""
        for (j = 1; j <= length($i); j++) {
          c = substr($i, j, 1)
          w = w (c ~ /[A-Za-z]/ ? "[" tolower(c) toupper(c) "]" : c)
        }
        out = out (out == "" ? "" : "|") w
      }
    }
    END { print out }' "$data"
}
# The rules' regular expressions are ERE already; this fills in the placeholders and, in rules
# flagged i, spells each letter outside a bracket list as [xX] (sed has no portable I flag).
: >"$stage/scrub.kinds"
awk -F "$TAB" -v words="$(ci_words secret-word)" -v options="$(ci_words secret-option)" \
  -v suffixes="$(ci_words secret-suffix)" -v blanks=" $TAB$(printf '\v\f')" -v cr="$CR" \
  -v dir="$stage" '
  $1 == "scrub" {
    n++
    print n "\t" $2 >> (dir "/scrub.kinds")
    re = $4; out = ""; inb = 0; L = length(re)
    for (i = 1; i <= L; i++) {
      c = substr(re, i, 1)
      if (c == "\\") { out = out substr(re, i, 2); i++; continue }
      if (c == "{") {
        j = index(substr(re, i), "}"); name = substr(re, i + 1, j - 2); i += j - 1
        if (name == "S") out = out "[:space:]"
        else if (name == "B") out = out blanks
        else if (name == "CR") out = out cr
        else if (name == "WORDS") out = out words
        else if (name == "OPTIONS") out = out options
        else if (name == "SUFFIXES") out = out suffixes
        continue
      }
      if (inb) {
        out = out c
        if (c == "]") inb = 0
        continue
      }
      if (c == "[") {
        inb = 1; out = out c
        if (substr(re, i + 1, 1) == "^") { out = out "^"; i++ }
        if (substr(re, i + 1, 1) == "]") { out = out "]"; i++ }
        continue
      }
      if ($3 == "i" && c ~ /[A-Za-z]/) c = "[" tolower(c) toupper(c) "]"
      out = out c
    }
    printf "s%%%s%%%s%%gw %s/scrub.%d\n", out, $5, dir, n
  }' "$data" >"$stage/scrub.sed"
: >"$stage/scrubcounts.lst"
scrub() {
  # $1: a file. Writes it masked to stdout; adds how many lines each rule masked to the counts.
  sed -E -f "$stage/scrub.sed" "$@" || return 1
  while IFS="$TAB" read -r n kind; do
    printf '%s\t%s\n' "$kind" "$(wc -l <"$stage/scrub.$n" | tr -d ' ')" >>"$stage/scrubcounts.lst"
  done <"$stage/scrub.kinds"
}

# ---------------------------------------------------------------------------------------------
# Finding files: a pattern's segments, '*' globs within one, sorted in each folder like the jar.
# A symbolic link below the root, to a file or a folder, is never followed: a log in a writable
# place may be a link to /etc/shadow or a credentials file. sh cannot open with O_NOFOLLOW, so
# collect_file checks again right before it reads.
link_skipped() {
  l="${1#"$base"/}  (symbolic link, not followed)"
  grep -F -x -q -e "$l" "$stage/notcollected.lst" || note notcollected "$l"
}

expand_in() {
  # $1 a folder: appends its entries matching $seg to $next, sorted like the jar.
  dir=$1
  case $seg in
    *'*'*)
      [ -d "$dir/" ] || return 0
      found=
      oldifs=$IFS
      IFS=
      dotted=
      case $seg in '*'*) dotted="$dir/.$seg" ;; esac
      # shellcheck disable=SC2086
      for p in "$dir"/$seg $dotted; do
        case ${p##*/} in . | ..) continue ;; esac
        if [ -L "$p" ]; then
          link_skipped "$p"
        elif [ -e "$p" ]; then
          found="$found$p$NL"
        fi
      done
      IFS=$oldifs
      if [ -n "$found" ]; then next="$next$(printf '%s' "$found" | sort -u)$NL"; fi
      ;;
    *)
      if [ -L "$dir/$seg" ]; then
        link_skipped "$dir/$seg"
      elif [ -e "$dir/$seg" ]; then
        next="$next$dir/$seg$NL"
      fi
      ;;
  esac
}

matches() {
  # $1 a pattern: the regular files under the root matching it, one a line.
  list=
  first=1
  rest=$1
  while [ -n "$rest" ]; do
    case $rest in
      */*)
        seg=${rest%%/*}
        rest=${rest#*/}
        ;;
      *)
        seg=$rest
        rest=
        ;;
    esac
    next=
    if [ "$first" = 1 ]; then
      expand_in "$base"
      first=0
    else
      while IFS= read -r d; do
        if [ -n "$d" ]; then expand_in "$d"; fi
      done <<EOF
$list
EOF
    fi
    list=$next
    [ -n "$list" ] || return 0
  done
  printf '%s' "$list" | while IFS= read -r p; do
    if [ -n "$p" ] && [ -f "$p" ]; then printf '%s\n' "$p"; fi
  done
}

never_reason() {
  lc=$(lower "$1")
  while IFS="$TAB" read -r kind glob why; do
    [ "$kind" = never ] || continue
    glob=$(lower "$glob")
    # shellcheck disable=SC2254
    case $lc in
      $glob)
        printf '%s' "$why"
        return 0
        ;;
    esac
  done <"$data"
}

key_reason() {
  while IFS="$TAB" read -r kind marker why; do
    [ "$kind" = key-marker ] || continue
    if grep -F -q -e "$marker" "$1"; then
      printf '%s' "$why"
      return 0
    fi
  done <"$data"
}

# The AWS regions named in a file, like the jar's pattern.
regions_in() {
  awk '
    function word(c) { return c ~ /[A-Za-z0-9_]/ }
    {
      line = $0; p = 1
      while (p <= length(line)) {
        rest = substr(line, p)
        if (!match(rest, /(mgn|drs|s3|ec2)\.[a-z][a-z](-gov)?-[a-z]+-[0-9]|--region[= ][a-z][a-z](-gov)?-[a-z]+-[0-9]|"region"[ \t\f\v]*:[ \t\f\v]*"[a-z][a-z](-gov)?-[a-z]+-[0-9]/)) break
        at = p + RSTART - 1; len = RLENGTH
        m = substr(line, at, len)
        before = at > 1 ? substr(line, at - 1, 1) : ""
        after = substr(line, at + len, 1)
        if (word(after) || (m ~ /^(mgn|drs|s3|ec2)\./ && before != "" && word(before))) { p = at + 1; continue }
        match(m, /[a-z][a-z](-gov)?-[a-z]+-[0-9]$/)
        print substr(m, RSTART)
        p = at + len
      }
    }' "$1"
}

# The IPv4 addresses written as ADDRESS:PORT in a file.
servers_in() {
  awk -v port="$replication_port" '
    {
      line = $0; p = 1
      re = "[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+:" port
      while (p <= length(line)) {
        rest = substr(line, p)
        if (!match(rest, re)) break
        at = p + RSTART - 1; len = RLENGTH
        m = substr(line, at, len)
        before = at > 1 ? substr(line, at - 1, 1) : ""
        after = substr(line, at + len, 1)
        addr = substr(m, 1, index(m, ":") - 1)
        n = split(addr, o, ".")
        ok = before !~ /[0-9.]/ && after !~ /[0-9]/
        for (i = 1; i <= n; i++) if (length(o[i]) > 3) ok = 0
        if (!ok) { p = at + 1; continue }
        print addr
        p = at + len
      }
    }' "$1"
}

# Proxy values set on VAR=value lines (export allowed) of a file, unquoted; no_proxy left out.
proxy_values_in() {
  awk -F "$TAB" 'NR == FNR { if ($1 == "variable" && $2 != "no_proxy") v[$2] = 1; next }
    {
      line = $0
      sub(/^[ \t\f\v\r]+/, "", line)
      if (match(line, /^export[ \t\f\v\r]+/)) line = substr(line, RLENGTH + 1)
      if (!match(line, /^[A-Za-z_][A-Za-z0-9_]*[ \t\f\v\r]*=/)) next
      name = substr(line, 1, RLENGTH - 1); sub(/[ \t\f\v\r]+$/, "", name)
      value = substr(line, RLENGTH + 1)
      sub(/^[ \t\f\v\r]+/, "", value); sub(/[ \t\f\v\r]+$/, "", value)
      if (!(tolower(name) in v)) next
      print value
    }' "$data" "$1"
}

collect_file() {
  # $1 path, $2 relative path, $3 product
  f=$1
  rel=$2
  product=$3
  why=$(never_reason "${f##*/}")
  if [ -n "$why" ]; then
    note notcollected "$rel  ($why)"
    return 0
  fi
  raw="$stage/raw"
  if [ -L "$f" ]; then
    link_skipped "$f"
    return 0
  fi
  if [ ! -r "$f" ] || ! size=$(wc -c <"$f" 2>/dev/null); then
    note notcollected "$rel  (unreadable: permission denied)"
    return 0
  fi
  size=$(printf '%s' "$size" | tr -d ' ')
  truncated=0
  if [ "$size" -gt "$max_bytes" ]; then
    tail -c "$max_bytes" "$f" >"$raw.t" 2>/dev/null || {
      note notcollected "$rel  (unreadable: read error)"
      return 0
    }
    if [ "$(wc -l <"$raw.t" | tr -d ' ')" -gt 0 ]; then
      tail -n +2 "$raw.t" >"$raw"
    else
      mv "$raw.t" "$raw"
    fi
    truncated=1
  elif ! cat "$f" >"$raw" 2>/dev/null; then
    note notcollected "$rel  (unreadable: read error)"
    return 0
  fi
  utf16=0
  text=$raw
  if [ "$truncated" = 0 ] && [ "$(od -An -tx1 -N2 "$raw" | tr -d ' \n')" = fffe ]; then
    if ! command -v iconv >/dev/null 2>&1; then
      note notcollected "$rel  (UTF-16 text, and no iconv here to mask its secrets)"
      return 0
    fi
    if ! tail -c +3 "$raw" | iconv -f UTF-16LE -t UTF-8 >"$raw.u8" 2>/dev/null; then
      note notcollected "$rel  (unreadable: not valid UTF-16)"
      return 0
    fi
    utf16=1
    text=$raw.u8
  fi
  why=$(key_reason "$text")
  if [ -n "$why" ]; then
    note notcollected "$rel  ($why)"
    return 0
  fi
  [ "$truncated" = 1 ] && note truncated "$rel"
  scrub "$text" >"$stage/clean" || die "sed failed on $rel" 4
  cmp -s "$text" "$stage/clean" || note scrubbed "$rel"
  out="$bundle/files/$rel"
  mkdir -p "${out%/*}"
  if [ "$utf16" = 1 ]; then
    {
      printf '\377\376'
      iconv -f UTF-8 -t UTF-16LE "$stage/clean"
    } >"$out" || die "iconv failed on $rel" 4
  else
    cp "$stage/clean" "$out"
  fi
  note files "$rel"
  [ "$product" = - ] || note products "$product"
  regions_in "$stage/clean" >>"$stage/regions.lst"
  [ "$product" = aws-replication ] && servers_in "$stage/clean" >>"$stage/servers.lst"
  [ "$rel" = etc/environment ] && proxy_values_in "$stage/clean" >>"$stage/files-proxies.lst"
  rm -f "$raw" "$raw.t" "$raw.u8" "$stage/clean"
  return 0
}

# ---------------------------------------------------------------------------------------------
# 1. Files.
: >"$stage/seen.lst"
: >"$stage/files-proxies.lst"
while IFS="$TAB" read -r kind product pattern what; do
  [ "$kind" = file ] || continue
  matches "$pattern" >"$stage/matches.lst"
  if [ ! -s "$stage/matches.lst" ]; then
    note notfound "$pattern  ($what)"
    continue
  fi
  while IFS= read -r f; do
    if grep -F -x -q -e "$f" "$stage/seen.lst"; then continue; fi
    printf '%s\n' "$f" >>"$stage/seen.lst"
    collect_file "$f" "${f#"$base"/}" "$product" </dev/null
  done <"$stage/matches.lst"
done <"$data"

# 2. Commands of the live machine.
while IFS= read -r line; do
  case $line in "command$TAB"*) ;; *) continue ;; esac
  cos=$(printf '%s\n' "$line" | awk -F "$TAB" '{ print $2 }')
  entry=$(printf '%s\n' "$line" | awk -F "$TAB" '{ print $3 }')
  shown=$(printf '%s\n' "$line" | awk -F "$TAB" '{ for (i = 4; i <= NF; i++) { a = $i; if (index(a, " ")) a = "\"" a "\""; s = s (i > 4 ? " " : "") a }; print s }')
  if [ "$live" = 0 ]; then
    note commands "$entry  ($shown: not run, --root reads another machine)"
  elif [ "$cos" != "$os" ]; then
    note commands "$entry  ($shown: not run, not on $cos)"
  else
    # Only linux commands get here; their arguments hold no TAB.
    set -f
    oldifs=$IFS
    IFS=$TAB
    # shellcheck disable=SC2046
    set -- $(printf '%s\n' "$line" | cut -f 4-)
    IFS=$oldifs
    set +f
    mkdir -p "$bundle/$(dirname "$entry")"
    if command -v timeout >/dev/null 2>&1; then
      timeout 30 "$@" >"$stage/cmd.out" 2>&1
    else
      "$@" >"$stage/cmd.out" 2>&1
    fi </dev/null
    rc=$?
    scrub "$stage/cmd.out" >"$bundle/$entry"
    cmp -s "$stage/cmd.out" "$bundle/$entry" || note scrubbed "$entry"
    if [ "$rc" = 0 ]; then note commands "$entry  ($shown: ok)"; else note commands "$entry  ($shown: exit $rc)"; fi
  fi
done <"$data"

# 3. The proxy variables of this process.
{
  echo "# Proxy variables of the process that ran egress-doctor collect."
  env | awk -F "$TAB" 'NR == FNR { if ($1 == "variable") v[$2] = 1; next }
    {
      i = index($0, "="); if (i < 2) next
      name = substr($0, 1, i - 1)
      if (tolower(name) in v) print
    }' "$data" - | sort >"$stage/env.raw"
  scrub "$stage/env.raw"
} >"$bundle/proxy-environment.env"
awk 'NR > 1 { i = index($0, "="); n = tolower(substr($0, 1, i - 1)); if (n != "no_proxy") print substr($0, i + 1) }' \
  "$bundle/proxy-environment.env" >"$stage/proxies.lst"
cat "$stage/files-proxies.lst" >>"$stage/proxies.lst"

# 4. DNS answers for the required endpoints of the products found, in the regions found.
printf '%s' "$regions" >>"$stage/regions.lst"
sort -u "$stage/regions.lst" | sed '/^$/d' >"$stage/regions.sorted"
sort -u "$stage/products.lst" >"$stage/products.sorted"
awk -F "$TAB" 'FILENAME == ARGV[1] { p[$0] = 1; next }
  FILENAME == ARGV[2] { r[++n] = tolower($0); next }
  $1 == "endpoint" && ($2 in p) {
    if (index($3, "<region>")) { for (i = 1; i <= n; i++) { h = $3; gsub(/<region>/, r[i], h); print h } }
    else print $3
  }' "$stage/products.sorted" "$stage/regions.sorted" "$data" >"$stage/names.lst"
printf '%s' "$names" >>"$stage/names.lst"
sort -u "$stage/names.lst" | sed '/^$/d' >"$stage/names.sorted"

have() {
  command -v "$1" >/dev/null 2>&1
}

bounded() {
  # $1 seconds, then the command: runs it under timeout when there is one.
  t=$1
  shift
  if have timeout; then timeout "$t" "$@"; else "$@"; fi
}

# IPv4 addresses first, then the others, each once: the order the jar's resolver gives.
order_addresses() {
  awk 'NF { a = $1; if (seen[a]++) next; if (a ~ /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/) v4 = v4 (v4 == "" ? "" : ",") a; else v6 = v6 (v6 == "" ? "" : ",") a }
    END { s = v4; if (v6 != "") s = s (s == "" ? "" : ",") v6; print s }'
}

resolve() {
  # $1 name: its addresses, comma-separated, or ERROR reason.
  if [ -n "${EGRESS_DOCTOR_COLLECT_RESOLVER:-}" ]; then
    # shellcheck disable=SC2086
    bounded "$dns_timeout" $EGRESS_DOCTOR_COLLECT_RESOLVER "$1" >"$stage/dns.out" 2>/dev/null
  elif have getent; then
    bounded "$dns_timeout" getent ahosts "$1" >"$stage/dns.out" 2>/dev/null
  elif have nslookup; then
    bounded "$dns_timeout" nslookup "$1" 2>/dev/null |
      awk '/^Name:/ { named = 1; next } named && /^Address/ { sub(/^Address( [0-9]+)?:[ \t]*/, ""); print $1 }' >"$stage/dns.out"
  else
    echo "ERROR no resolver here (getent or nslookup)"
    return 0
  fi
  rc=$?
  if [ "$rc" = 124 ]; then
    echo "ERROR timeout"
    return 0
  fi
  a=$(order_addresses <"$stage/dns.out")
  if [ "$rc" != 0 ] || [ -z "$a" ]; then echo "ERROR unknown host"; else echo "$a"; fi
}

: >"$bundle/dns-resolution.tsv"
{
  printf '# name\taddresses (comma-separated) or ERROR reason, resolved at %s\n' "$now"
  if [ "$dns" = 1 ]; then
    while IFS= read -r name; do
      printf '%s\t%s\n' "$name" "$(resolve "$name" </dev/null)"
    done <"$stage/names.sorted"
  else
    echo "# not resolved: --no-dns"
  fi
} >"$bundle/dns-resolution.tsv"

# 5. TCP checks: proxies on their ports, resolved endpoints on 443, replication servers on 1500.
tcp_tool=${EGRESS_DOCTOR_COLLECT_TCP_TOOL:-}
if [ -z "$tcp_tool" ]; then
  if have bash && have timeout; then
    tcp_tool=bash
  elif have curl; then
    tcp_tool=curl
  elif have nc; then
    tcp_tool=nc
  else
    tcp_tool=none
  fi
fi

tcp_check() {
  # $1 address, $2 port: open, refused, timeout or ERROR reason.
  err="$stage/tcp.err"
  case $tcp_tool in
    bash)
      # shellcheck disable=SC2016
      timeout "$tcp_timeout" bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>"$err" </dev/null
      rc=$?
      if [ "$rc" = 0 ]; then
        echo open
      elif [ "$rc" = 124 ] || grep -q -i 'timed out' "$err"; then
        echo timeout
      elif grep -q -i refused "$err"; then
        echo refused
      elif grep -q -i 'unreachable\|no route' "$err"; then
        echo "ERROR unreachable"
      else
        echo "ERROR $(sed -n '$s/.*: //p' "$err" | tr '[:upper:]' '[:lower:]')"
      fi
      ;;
    curl)
      case $1 in *:*) host="[$1]" ;; *) host=$1 ;; esac
      curl -sv --noproxy '*' --connect-timeout "$tcp_timeout" --max-time "$((tcp_timeout + 1))" \
        "telnet://$host:$2" </dev/null >/dev/null 2>"$err"
      rc=$?
      if grep -q 'Connected to' "$err"; then
        echo open
      elif [ "$rc" = 28 ]; then
        echo timeout
      elif grep -q -i refused "$err"; then
        echo refused
      elif grep -q -i 'unreachable\|no route' "$err"; then
        echo "ERROR unreachable"
      else
        echo "ERROR curl exit $rc"
      fi
      ;;
    nc)
      if nc -z -w "$tcp_timeout" "$1" "$2" </dev/null >/dev/null 2>&1; then
        echo open
      else
        echo "ERROR no connection (nc cannot tell refused from timeout)"
      fi
      ;;
    *) echo "ERROR no tool to connect here (bash with timeout, curl or nc)" ;;
  esac
}

pick() {
  # The first IPv4 address of a comma-separated list, else the first.
  printf '%s\n' "$1" | awk -F, '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/) { print $i; exit } print $1 }'
}

is_ipv4() {
  printf '%s\n' "$1" | grep -q '^[0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*$'
}

# The proxies' host:port, as the jar reads proxy URLs: the port given, else 80 for http, 443 for
# https; each once, in order.
awk '
  function unquote(v) {
    if (length(v) >= 2 && ((substr(v, 1, 1) == "\"" && substr(v, length(v), 1) == "\"") || (substr(v, 1, 1) == "'"'"'" && substr(v, length(v), 1) == "'"'"'")))
      return substr(v, 2, length(v) - 2)
    return v
  }
  {
    v = $0
    sub(/^[ \t\f\v\r]+/, "", v); sub(/[ \t\f\v\r]+$/, "", v)
    v = unquote(v)
    scheme = ""
    i = index(v, "://")
    if (i) { scheme = tolower(substr(v, 1, i - 1)); v = substr(v, i + 3) }
    i = index(v, "/"); if (i) v = substr(v, 1, i - 1)
    while ((i = index(v, "@")) > 0) v = substr(v, i + 1)
    host = v
    port = scheme == "http" ? "80" : scheme == "https" ? "443" : ""
    c = 0
    for (j = length(v); j > 0; j--) if (substr(v, j, 1) == ":") { c = j; break }
    if (c) { host = substr(v, 1, c - 1); port = substr(v, c + 1) }
    if (host == "" || index(host, ":") || port !~ /^[0-9]+$/) next
    t = host ":" port
    if (!seen[t]++) print t
  }' "$stage/proxies.lst" >"$stage/proxy-targets.lst"

: >"$stage/targets.lst"
while IFS= read -r t; do
  host=${t%:*}
  port=${t##*:}
  if is_ipv4 "$host"; then
    addr=$host
  elif [ "$dns" = 0 ]; then
    addr="ERROR not resolved (--no-dns)"
  else
    addr=$(resolve "$host" </dev/null)
    case $addr in ERROR*) ;; *) addr=$(pick "$addr") ;; esac
  fi
  printf 'proxy\t%s\t%s\t%s\n' "$host" "$addr" "$port" >>"$stage/targets.lst"
done <"$stage/proxy-targets.lst"
if [ "$dns" = 1 ]; then
  while IFS="$TAB" read -r name answer; do
    case $name in '#'*) continue ;; esac
    case $answer in ERROR*) continue ;; esac
    printf 'endpoint\t%s\t%s\t%s\n' "$name" "$(pick "$answer")" "$endpoint_port" >>"$stage/targets.lst"
  done <"$bundle/dns-resolution.tsv"
fi
sort -u "$stage/servers.lst" | sed '/^$/d' | head -n "$max_servers" | while IFS= read -r a; do
  printf 'replication-server\t%s\t%s\t%s\n' "$a" "$a" "$replication_port"
done >>"$stage/targets.lst"

checks=0
{
  printf '# kind\ttarget\taddress\tport\topen, refused, timeout or ERROR reason, checked at %s, timeout %s s\n' "$now" "$tcp_timeout"
  if [ "$tcp" = 1 ]; then
    total=$(wc -l <"$stage/targets.lst" | tr -d ' ')
    while IFS="$TAB" read -r kind name addr port; do
      if [ "$checks" = "$max_tcp" ]; then
        echo "# $((total - max_tcp)) more targets not checked (at most $max_tcp)"
        break
      fi
      case $addr in
        ERROR*) printf '%s\t%s\t-\t%s\t%s\n' "$kind" "$name" "$port" "$addr" ;;
        *) printf '%s\t%s\t%s\t%s\t%s\n' "$kind" "$name" "$addr" "$port" "$(tcp_check "$addr" "$port" </dev/null)" ;;
      esac
      checks=$((checks + 1))
    done <"$stage/targets.lst"
  else
    echo "# not checked: --no-tcp"
  fi
} >"$bundle/tcp-reachability.tsv"
checks=$(grep -c -v '^#' "$bundle/tcp-reachability.tsv")

# 6. The manifest.
section() {
  printf '\n%s\n' "$1"
  sed 's/^/  /' "$stage/$2.lst"
}
joined() {
  awk 'NF { s = s (s == "" ? "" : ", ") $0 } END { print s }' "$1"
}
resolved=$(grep -c -v '^#' "$bundle/dns-resolution.tsv")
{
  echo "egress-doctor collect (sh), $now"
  echo "root: $root"
  section "collected:" files
  section "secrets masked in:" scrubbed
  printf '\n%s\n' "secrets masked (lines, by kind):"
  awk -F "$TAB" 'NR == FNR { if (!($2 in seen)) { seen[$2] = 1; order[++k] = $2 }; next }
    { total[$1] += $2 }
    END { for (i = 1; i <= k; i++) if (total[order[i]] > 0) print "  " order[i] "  (" total[order[i]] ")" }' \
    "$stage/scrub.kinds" "$stage/scrubcounts.lst"
  section "kept only the newest $max_bytes bytes of:" truncated
  section "commands:" commands
  echo
  echo "products seen: $(joined "$stage/products.sorted")"
  echo "regions seen: $(joined "$stage/regions.sorted")"
  if [ "$dns" = 1 ]; then echo "dns answers: $resolved names"; else echo "dns answers: skipped (--no-dns)"; fi
  if [ "$tcp" = 1 ]; then echo "tcp checks: $checks targets"; else echo "tcp checks: skipped (--no-tcp)"; fi
  section "not collected:" notcollected
  section "not found:" notfound
} >"$bundle/collect-manifest.txt"

# 7. The bundle.
if ! have tar || ! have gzip; then
  kept="${output%.t*gz}"
  rm -rf "$kept"
  mv "$bundle" "$kept" || die "cannot keep the bundle folder $kept" 4
  echo "tar or gzip is missing here: the bundle is the folder $kept; archive it elsewhere."
  bundle_out=$kept
else
  (cd "$bundle" && tar -cf - -- *) | gzip -c >"$output.partial" || die "tar or gzip failed writing $output" 4
  chmod 600 "$output.partial" || die "cannot make $output readable by its owner only" 4
  mv -f "$output.partial" "$output" || die "cannot write $output" 4
  bundle_out=$output
fi

quote() {
  case $1 in
    *[!A-Za-z0-9_./:\\-]* | '') printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")" ;;
    *) printf '%s' "$1" ;;
  esac
}
echo "Collected $(wc -l <"$stage/files.lst" | tr -d ' ') files into $bundle_out"
if [ -s "$stage/scrubbed.lst" ]; then echo "Secrets masked in: $(joined "$stage/scrubbed.lst")"; fi
if [ -s "$stage/notcollected.lst" ]; then echo "Not collected: $(joined "$stage/notcollected.lst")"; fi
echo "Resolved $resolved required endpoint names."
echo "Checked $checks TCP targets."
if grep -q 'permission denied' "$stage/notcollected.lst" && [ "$(id -u 2>/dev/null)" != 0 ]; then
  echo "Some files could not be read: run again as root (sudo sh $0 ...) to include them."
fi
html=${bundle_out##*/}
html="${html%.tar.gz}"
html="${html%.tgz}.html"
echo "Now run:"
echo "  egress-doctor report $(quote "$bundle_out") --output $(quote "$html")"
exit 0
