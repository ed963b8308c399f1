@echo off
rem Runs egress-doctor on Windows, like the bash launcher ./egress-doctor beside it. Builds the jar
rem first when it is missing or older than the sources. Finds a JDK 21+: %JAVA_HOME%, then java on
rem PATH, then the JDKs installed in the usual folders. Sets the JVM for batch work (heap: a quarter
rem of the memory, at most 512 MB; ParallelGC) and keeps a JDK start-up cache (AOT cache on 25+,
rem AppCDS on 21-23) that it builds in the background after the jar changes.
rem EGRESS_DOCTOR_JAVA_OPTS comes last and wins; EGRESS_DOCTOR_AOT=off skips the cache.
setlocal EnableExtensions DisableDelayedExpansion

set "ED_ROOT=%~dp0"
if "%ED_ROOT:~-1%"=="\" set "ED_ROOT=%ED_ROOT:~0,-1%"
set "ED_JAR=%ED_ROOT%\shell\target\egress-doctor.jar"
set "ED_JAVA="
set "ED_HEAP_CAP_MB=512"

if defined JAVA_HOME call :try "%JAVA_HOME%\bin\java.exe"
if defined ED_JAVA goto :found
for /f "delims=" %%J in ('where java.exe 2^>nul') do (
  if not defined ED_JAVA call :try "%%J"
)
if defined ED_JAVA goto :found
for %%D in ("%ProgramFiles%\Java" "%ProgramFiles%\Eclipse Adoptium" "%ProgramFiles%\Microsoft" "%ProgramFiles%\Zulu" "%ProgramFiles%\Amazon Corretto" "%ProgramFiles%\BellSoft" "%LOCALAPPDATA%\Programs\Eclipse Adoptium" "%USERPROFILE%\.jdks") do (
  if exist "%%~D\" for /d %%H in ("%%~D\*") do (
    if not defined ED_JAVA call :try "%%~H\bin\java.exe"
  )
)
if defined ED_JAVA goto :found
echo egress-doctor: a JDK 21 or newer is needed; install one or set JAVA_HOME to it.>&2
exit /b 2

:found
for %%I in ("%ED_JAVA%") do set "ED_JAVA_HOME=%%~dpI.."
call :stale
if errorlevel 1 (
  echo egress-doctor: building the jar first ^(missing or older than the sources^)...>&2
  call :build
  if errorlevel 1 (
    echo egress-doctor: the build failed; see the output above.>&2
    exit /b 4
  )
)

call :jvm_options

rem Box-drawing and sparkline characters need a UTF-8 console: switch for this run, then restore.
set "ED_CP="
for /f "tokens=2 delims=:" %%C in ('chcp 2^>nul') do set "ED_CP=%%C"
if defined ED_CP set "ED_CP=%ED_CP: =%"
if defined ED_CP set "ED_CP=%ED_CP:.=%"
if defined ED_CP chcp 65001 >nul 2>&1
"%ED_JAVA%" --enable-native-access=ALL-UNNAMED %ED_OPTS% -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 %EGRESS_DOCTOR_JAVA_OPTS% -jar "%ED_JAR%" %*
set "ED_EXIT=%ERRORLEVEL%"
if defined ED_CP chcp %ED_CP% >nul 2>&1
exit /b %ED_EXIT%

rem ---- subroutines ---------------------------------------------------------------------------

:try
rem Sets ED_JAVA to %1 when it is a java.exe of version 21 or newer.
if not exist "%~1" exit /b 1
set "ED_VERSION="
for /f "tokens=2 delims==" %%V in ('""%~1" -XshowSettings:properties -version 2>&1 | findstr /c:"java.specification.version = ""') do set "ED_VERSION=%%V"
if not defined ED_VERSION exit /b 1
set "ED_VERSION=%ED_VERSION: =%"
for /f "tokens=1 delims=." %%M in ("%ED_VERSION%") do set "ED_VERSION=%%M"
if %ED_VERSION% GEQ 21 set "ED_JAVA=%~1"
exit /b 0

:stale
rem Exit code 1 when the jar is missing or a pom.xml or main source is newer than it.
if not exist "%ED_JAR%" exit /b 1
powershell -NoProfile -NonInteractive -Command ^
  "$jar = (Get-Item -LiteralPath $env:ED_JAR).LastWriteTimeUtc;" ^
  "$paths = @(Join-Path $env:ED_ROOT 'pom.xml') + @(Get-ChildItem -Path $env:ED_ROOT -Directory | ForEach-Object { Join-Path $_.FullName 'pom.xml'; Join-Path $_.FullName 'src\main' }) + @(Get-ChildItem -Path (Join-Path $env:ED_ROOT 'collect\egress-doctor-collect.*') | ForEach-Object { $_.FullName });" ^
  "$newer = Get-ChildItem -LiteralPath ($paths | Where-Object { Test-Path -LiteralPath $_ }) -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTimeUtc -gt $jar } | Select-Object -First 1;" ^
  "if ($newer) { exit 1 } else { exit 0 }" >nul 2>&1
exit /b %ERRORLEVEL%

:jvm_options
rem Sets ED_OPTS: heap and GC unless EGRESS_DOCTOR_JAVA_OPTS sets them (the JVM takes the last of
rem repeated options and rejects two collectors), and the start-up cache when there is a fresh one.
set "ED_OPTS="
set "ED_USER=%EGRESS_DOCTOR_JAVA_OPTS% "
rem One PowerShell start for what cmd cannot read: memory in MB, cache fresh, cache tried.
set "ED_RAM_MB="
set "ED_AOT_FRESH=0"
set "ED_AOT_TRIED=0"
for /f "tokens=1-3" %%A in ('powershell -NoProfile -NonInteractive -Command "$mb = [math]::Floor((Get-CimInstance Win32_ComputerSystem).TotalPhysicalMemory / 1MB); $jar = (Get-Item -LiteralPath $env:ED_JAR).LastWriteTimeUtc; $aot = Join-Path $env:ED_ROOT ('shell\target\aot\egress-doctor-jdk' + $env:ED_VERSION + $(if ([int]$env:ED_VERSION -ge 25) { '.aot' } else { '.jsa' })); $fresh = (Test-Path -LiteralPath $aot) -and ((Get-Item -LiteralPath $aot).LastWriteTimeUtc -gt $jar); $tried = (Test-Path -LiteralPath ($aot + '.log')) -and ((Get-Item -LiteralPath ($aot + '.log')).LastWriteTimeUtc -gt $jar); Write-Output ('{0} {1} {2}' -f $mb, [int]$fresh, [int]$tried)" 2^>nul') do (
  set "ED_RAM_MB=%%A"
  set "ED_AOT_FRESH=%%B"
  set "ED_AOT_TRIED=%%C"
)
set "ED_HEAP="
if not "%ED_USER:-Xmx=%"=="%ED_USER%" set "ED_HEAP=user"
if not "%ED_USER:MaxRAM=%"=="%ED_USER%" set "ED_HEAP=user"
if not "%ED_USER:MaxHeapSize=%"=="%ED_USER%" set "ED_HEAP=user"
if not defined ED_HEAP (
  set "ED_HEAP=%ED_HEAP_CAP_MB%"
  if defined ED_RAM_MB call :smaller_heap
)
if not "%ED_HEAP%"=="user" set "ED_OPTS=-Xmx%ED_HEAP%m"
if "%ED_USER:GC=%"=="%ED_USER%" set "ED_OPTS=%ED_OPTS% -XX:+UseParallelGC"
if /i "%EGRESS_DOCTOR_AOT%"=="off" exit /b 0
rem JDK 24's AOT cache takes two training steps; the bash launcher makes it, this one leaves it.
if %ED_VERSION% EQU 24 exit /b 0
if %ED_VERSION% GEQ 25 (set "ED_AOT_EXT=aot") else (set "ED_AOT_EXT=jsa")
set "ED_AOT=%ED_ROOT%\shell\target\aot\egress-doctor-jdk%ED_VERSION%.%ED_AOT_EXT%"
if "%ED_AOT_FRESH%"=="1" (
  if "%ED_AOT_EXT%"=="aot" (
    set "ED_OPTS=%ED_OPTS% -XX:AOTCache="%ED_AOT%" -Xlog:aot=off -Xlog:cds=off"
  ) else (
    set "ED_OPTS=%ED_OPTS% -XX:SharedArchiveFile="%ED_AOT%" -Xlog:cds=off"
  )
  exit /b 0
)
rem One training run per jar, in the background at low priority: its log marks the attempt.
if "%ED_AOT_TRIED%"=="1" exit /b 0
if not exist "%ED_ROOT%\shell\target\aot\" mkdir "%ED_ROOT%\shell\target\aot" >nul 2>&1
if "%ED_AOT_EXT%"=="aot" (set "ED_TRAIN=-XX:AOTCacheOutput="%ED_AOT%"") else (set "ED_TRAIN=-XX:ArchiveClassesAtExit="%ED_AOT%"")
start "" /b /low cmd /c ""%ED_JAVA%" --enable-native-access=ALL-UNNAMED %ED_OPTS% %ED_TRAIN% -cp "%ED_JAR%" io.egressdoctor.shell.AotTraining >"%ED_AOT%.log" 2>&1"
exit /b 0

:smaller_heap
rem A quarter of the memory when that is below the cap.
set /a ED_QUARTER=ED_RAM_MB / 4
if %ED_QUARTER% LSS %ED_HEAP_CAP_MB% set "ED_HEAP=%ED_QUARTER%"
exit /b 0

:build
set "ED_LOG=%TEMP%\egress-doctor-build-%RANDOM%.log"
setlocal
set "JAVA_HOME=%ED_JAVA_HOME%"
call "%ED_ROOT%\mvnw.cmd" -q -f "%ED_ROOT%\pom.xml" -DskipTests -Dspotless.check.skip=true -pl shell -am package >"%ED_LOG%" 2>&1
set "ED_BUILD=%ERRORLEVEL%"
endlocal & set "ED_BUILD=%ED_BUILD%"
if not "%ED_BUILD%"=="0" type "%ED_LOG%" >&2
del "%ED_LOG%" >nul 2>&1
exit /b %ED_BUILD%
