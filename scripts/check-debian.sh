#!/usr/bin/env bash
# Checks the project on a clean Debian release, as a newcomer would meet it:
#   scripts/check-debian.sh RELEASE [--rebuild-base] [--deb FILE] [--keep]
# RELEASE is 12 (bookworm) or 13 (trixie). In a fresh debootstrap chroot made from
# deb.debian.org it copies a clean clone of this repository (HEAD: commit first),
# runs the README's test command (./test.sh), then its run command without a
# display (./run.sh: the CLI demo), then builds the Debian package
# (scripts/package-deb.sh). In a second fresh chroot it installs that package with
# apt, runs `sdstereo --help`, the demo on the installed sample and the studio
# under Xvfb, then purges it and checks that no file was left behind.
#   --rebuild-base  make the base system anew instead of using the cached tarball
#   --deb FILE      skip the build chroot and check this package only (partial check)
#   --keep          keep the chroots (under the work folder) for inspection
#   --base-only     only make (or check) the cached base system, then stop
# Base tarballs are cached in $SDSTEREO_DEBIAN_CACHE (default ~/.cache/sdstereo-debian);
# chroots and logs go to $SDSTEREO_DEBIAN_WORK (default <cache>/work-RELEASE), which
# is emptied at the start of each run. Needs root (debootstrap, chroot, mount), about
# 8 GB of disk and, for the build, 40+ minutes of two cores. Exit status 0 only when
# every step passed; the last line says so.
set -euo pipefail

usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
release="$1"; shift
case "$release" in
  12) codename=bookworm ;;
  13) codename=trixie ;;
  *) usage ;;
esac
rebuild_base=0; deb=""; keep=0; base_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild-base) rebuild_base=1 ;;
    --deb) deb="$(realpath "$2")"; shift ;;
    --keep) keep=1 ;;
    --base-only) base_only=1 ;;
    *) usage ;;
  esac
  shift
done
[ "$(id -u)" -eq 0 ] || { echo "error: check-debian.sh needs root (debootstrap, chroot, mount)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "error: debootstrap is missing (apt-get install debootstrap)" >&2; exit 2; }

repo="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$repo" rev-parse --short HEAD)"  # the one cloned (later commits do not change the report)
cache="${SDSTEREO_DEBIAN_CACHE:-${HOME:-/root}/.cache/sdstereo-debian}"
work="${SDSTEREO_DEBIAN_WORK:-$cache/work-$release}"
mirror="${SDSTEREO_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# Parallel compile jobs in the build chroot (ninja would start cores + 2).
jobs="${SDSTEREO_CHECK_JOBS:-$(nproc)}"
base_tar="$cache/debian-$release-$codename-minbase.tar"
logs="$work/logs"
mkdir -p "$cache"
rm -rf "$work"
mkdir -p "$logs"

# ---- results ---------------------------------------------------------------
steps=(); results=(); times=(); notes=()
failed=0
record() {  # name status seconds note
  steps+=("$1"); results+=("$2"); times+=("$3"); notes+=("${4:-}")
  printf '== %-28s %-6s %5ss  %s\n' "$1" "$2" "$3" "${4:-}"
}
summary() {
  echo
  echo "Debian $release ($codename), $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
  local i
  for i in "${!steps[@]}"; do
    printf '  %-28s %-6s %6ss  %s\n' "${steps[$i]}" "${results[$i]}" "${times[$i]}" "${notes[$i]}"
  done
  echo "Logs: $logs"
  if [ "$failed" -eq 0 ] && [ -z "$deb_only_note" ]; then
    echo "check-debian $release ($codename): ALL STEPS PASSED"
  elif [ "$failed" -eq 0 ]; then
    echo "check-debian $release ($codename): PARTIAL CHECK PASSED ($deb_only_note)"
  else
    echo "check-debian $release ($codename): FAILED"
  fi
}
deb_only_note=""
[ -n "$deb" ] && deb_only_note="package steps only, build steps skipped with --deb"

# Runs "$@" as one step; its output goes to logs/NAME.log.
step() {
  local name="$1"; shift
  local t0=$SECONDS rc=0
  # A step's name may hold a path ("apt install ./x.deb"): its log's name may not.
  local log="$logs/${name//\//_}.log"
  echo "-- $name ($(date -u +%H:%M:%S)), log: $log"
  "$@" >"$log" 2>&1 || rc=$?
  if [ $rc -eq 0 ]; then
    record "$name" PASS $((SECONDS - t0)) "${step_note:-}"
  else
    record "$name" FAIL $((SECONDS - t0)) "exit $rc; last lines:"
    tail -n 25 "$log" | sed 's/^/   | /'
    failed=1
  fi
  step_note=""
  return $rc
}
finish() { summary; [ "$failed" -eq 0 ] && exit 0 || exit 1; }

# ---- chroots ---------------------------------------------------------------
make_base() {
  local dir="$work/base"
  rm -rf "$dir"
  debootstrap --variant=minbase "$codename" "$dir" "$mirror"
  echo "deb $mirror $codename main" >"$dir/etc/apt/sources.list"
  # No daemons may start inside the chroot.
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
  chmod +x "$dir/usr/sbin/policy-rc.d"
  chroot "$dir" apt-get clean
  tar -C "$dir" -cf "$base_tar.tmp" .
  mv "$base_tar.tmp" "$base_tar"
  rm -rf "$dir"
}

new_chroot() {  # dir
  mkdir -p "$1"
  tar -C "$1" -xf "$base_tar"
  cp -L /etc/resolv.conf "$1/etc/resolv.conf"
}

# Runs a bash script inside the chroot, as root, with a clean environment and no
# display, in a private mount namespace (the mounts vanish with it).
in_chroot() {  # dir script
  local dir="$1" script="$2"
  unshare --mount --propagation private -- bash -c '
    set -e
    d="$1"
    mount -t proc proc "$d/proc"
    mount -t sysfs sys "$d/sys"
    mount --rbind /dev "$d/dev"
    mount -t tmpfs -o size=2g tmpfs "$d/dev/shm"
    exec chroot "$d" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb CMAKE_BUILD_PARALLEL_LEVEL="$3" \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      DEBIAN_FRONTEND=noninteractive nice -n "${NICE:-0}" bash -euo pipefail -c "$2"
  ' in_chroot "$dir" "$script" "$jobs"
}

# Every path of the system a package could leave behind (data, not caches/logs).
# Left out too: dpkg's own *-old copies, and the account databases' backups
# (/etc/passwd-, group-, shadow-, gshadow-), which the shadow tools write
# whenever any package adds or removes a system group or user (seen on Debian
# 12: a dependency's group came and went, and gshadow- appeared).
snapshot_files() {  # dir out
  (cd "$1" && find . -xdev \( -path ./proc -o -path ./sys -o -path ./dev -o -path ./run -o -path ./tmp \
      -o -path ./root -o -path ./var/cache -o -path ./var/log -o -path ./var/lib/apt -o -path ./var/tmp \) -prune \
      -o -print | grep -v -E '^\./var/lib/dpkg/[^/]*-old$|^\./etc/(passwd|group|shadow|gshadow)-$' | sort) >"$2"
}

# ---- the steps ---------------------------------------------------------------
t_start=$SECONDS
if [ "$rebuild_base" -eq 1 ] || [ ! -f "$base_tar" ]; then
  step "debootstrap-$codename" make_base || finish
else
  record "debootstrap-$codename" CACHED 0 "$base_tar"
fi
if [ "$base_only" -eq 1 ]; then deb_only_note="base system only (--base-only)"; finish; fi

if [ -z "$deb" ]; then
  build="$work/build"
  step "build-chroot" new_chroot "$build" || finish
  # A clean clone: only what is committed, nothing from this checkout's build folders.
  step "clone" git clone --quiet --no-local "$repo" "$build/root/sdstereo" || finish

  step_note=""
  if step "test.sh" in_chroot "$build" 'cd /root/sdstereo && ./test.sh'; then
    summary_line=$(grep -E 'tests passed' "$logs/test.sh.log" | paste -sd ';' - || true)
    notes[${#notes[@]}-1]="$summary_line"
  fi
  if step "run.sh (no display)" in_chroot "$build" 'cd /root/sdstereo && unset DISPLAY WAYLAND_DISPLAY && ./run.sh && test -s out/demo/sample_sbs.png && test -s out/demo/sample.mpo'; then
    notes[${#notes[@]}-1]="$(ls "$build/root/sdstereo/out/demo" | wc -l) demo files in out/demo"
  fi
  step "package-deb.sh" in_chroot "$build" 'cd /root/sdstereo && scripts/package-deb.sh' || finish
  deb="$(ls "$build"/root/sdstereo/build/release/sdstereo_*.deb | head -n 1)"
  notes[${#notes[@]}-1]="$(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"
  cp "$deb" "$logs/"
fi

inst="$work/install"
step "install-chroot" new_chroot "$inst" || finish
cp "$deb" "$inst/tmp/"
debname="$(basename "$deb")"
# The package's files checked from the .deb itself, with tools removed again
# before the baseline (their triggers would otherwise react to the package).
step "package contents" in_chroot "$inst" "
  apt-get update -q
  apt-get install -y -q --no-install-recommends appstream desktop-file-utils
  rm -rf /tmp/pkg && dpkg-deb -x /tmp/$debname /tmp/pkg && cd /tmp/pkg
  dpkg-deb --info /tmp/$debname
  find . -type f | sort
  appstreamcli validate --no-net usr/share/metainfo/io.github.stereodiffusion.Studio.metainfo.xml
  desktop-file-validate usr/share/applications/io.github.stereodiffusion.Studio.desktop
  test -x usr/bin/sdstereo && test -x usr/bin/sdstereo-studio
  zcat usr/share/man/man1/sdstereo.1.gz | grep -q depth2stereo
  grep -q 'License: MIT' usr/share/doc/sdstereo/copyright
  test -s usr/share/icons/hicolor/256x256/apps/io.github.stereodiffusion.Studio.png
  test -s usr/share/icons/hicolor/scalable/apps/io.github.stereodiffusion.Studio.svg
  test -s usr/share/sdstereo/sample/image.png && test -s usr/share/sdstereo/sample/depth.png
  # Translations are compiled into the studio (Qt resources :/i18n; rcc keeps names in UTF-16).
  grep -q -a -P \"\\x00s\\x00d\\x00s\\x00t\\x00e\\x00r\\x00e\\x00o\\x00_\\x00s\\x00t\\x00u\\x00d\\x00i\\x00o\\x00_\\x00d\\x00e\" usr/bin/sdstereo-studio
  # No path of the build machine is compiled in.
  ! grep -l -a /root/sdstereo usr/bin/sdstereo usr/bin/sdstereo-studio
  cd / && rm -rf /tmp/pkg
  apt-get purge -y -q --autoremove appstream desktop-file-utils" || true
step "test-tools" in_chroot "$inst" 'apt-get install -y -q --no-install-recommends xvfb xauth' || finish
snapshot_files "$inst" "$logs/files-before.txt"
accounts() { (cd "$inst/etc" && { sed 's/:.*//; s/^/user /' passwd; sed 's/:.*//; s/^/group /' group; } | sort); }
accounts > "$logs/accounts-before.txt"
installed_packages() { in_chroot "$inst" "dpkg-query -W -f='\${Package}\n' | sort"; }
installed_packages > "$logs/packages-before.txt"
step "apt install ./$debname" in_chroot "$inst" "apt-get install -y -q --no-install-recommends /tmp/$debname" || finish
step "sdstereo --help" in_chroot "$inst" 'cd /tmp && command -v sdstereo sdstereo-studio && sdstereo --help' || true
step "demo on installed sample" in_chroot "$inst" '
  mkdir -p /tmp/demo && cd /tmp/demo
  s=/usr/share/sdstereo/sample
  for f in sbs anaglyph-dubois mpo; do
    ext=png; [ "$f" = mpo ] && ext=mpo
    sdstereo depth2stereo --image $s/image.png --depth $s/depth.png --depth-kind inverse-depth --scale 4 --format $f --out /tmp/demo/sample_$f.$ext
    test -s /tmp/demo/sample_$f.$ext
  done
  ls -l /tmp/demo' || true
step "studio under Xvfb" in_chroot "$inst" '
  export HOME=/tmp/home; mkdir -p $HOME
  # First start opens the installed sample; --screenshot quits once its preview is drawn.
  timeout 120 xvfb-run -a -s "-screen 0 1280x900x24" sdstereo-studio --screenshot /tmp/studio.png
  test -s /tmp/studio.png
  # And it stays up when started plainly (killed after 5 s: exit 124 is success here).
  rc=0; xvfb-run -a timeout 5 sdstereo-studio || rc=$?
  test $rc -eq 124' || true
cp "$inst/tmp/studio.png" "$logs/" 2>/dev/null || true
step "apt-purge" in_chroot "$inst" 'apt-get purge -y -q sdstereo && apt-get autoremove --purge -y -q' || true
# autoremove keeps an automatically installed package that an installed package
# suggests (APT::AutoRemove::SuggestsImportant, on by default): apt itself suggests
# gnupg, which OpenCV's image codecs pull in on Debian 13 (through GDAL and Poppler).
# Those, and only those (automatic, absent before), are what a user purges by name
# to return to the system as it was; the check does the same, names them, and
# then requires every path to be as before. A package marked manual, or one
# present before, is never touched: the file comparison then fails.
installed_packages > "$logs/packages-after.txt"
kept=$(comm -13 "$logs/packages-before.txt" "$logs/packages-after.txt" |
  comm -12 - <(in_chroot "$inst" 'apt-mark showauto | sort') | paste -sd ' ' - || true)
if [ -n "$kept" ]; then
  step_note="$(wc -w <<<"$kept") kept by apt's policy: $kept"
  step "purge apt-kept packages" in_chroot "$inst" "apt-get purge -y -q $kept" || true
fi
snapshot_files "$inst" "$logs/files-after.txt"
# System users and groups a dependency made stay after its purge by Debian's
# policy (files may still be owned by them); said here, not counted as a failure.
accounts > "$logs/accounts-after.txt"
left_accounts=$(comm -13 "$logs/accounts-before.txt" "$logs/accounts-after.txt" | paste -sd ',' - || true)
step_note=${left_accounts:+"accounts kept by Debian's policy: $left_accounts"}
step "nothing left behind" diff -u "$logs/files-before.txt" "$logs/files-after.txt" || true

[ "$keep" -eq 1 ] || rm -rf "$work/build" "$work/install"
echo "Total: $(( (SECONDS - t_start) / 60 )) min $(( (SECONDS - t_start) % 60 )) s"
finish
