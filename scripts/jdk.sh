#!/usr/bin/env bash
# Sourced by ./mvnw and ./switchboard: exports JAVA_HOME as the newest JDK >= 21.
# Order: $JAVA_HOME if it is >= 21, then the newest under /usr/lib/jvm, then `java` on PATH.
jdk_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1; }
pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(jdk_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/ /opt/java/*/; do
    d=${d%/}
    [ -x "$d/bin/javac" ] || continue
    v=$(jdk_major "$d"); v=${v%%.*}
    if [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null; then
    d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(jdk_major "$d"); [ "${v%%.*}" -ge 21 ] 2>/dev/null && best=$d
  fi
  if [ -z "$best" ]; then
    echo "switchboard: no JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm, /opt/java, PATH)." >&2
    echo "switchboard: install one, e.g. 'apt-get install openjdk-21-jdk-headless' or a Temurin 21+." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
pick_jdk && export PATH="$JAVA_HOME/bin:$PATH"
