#!/usr/bin/env bash
# Installs newsdesk into a temporary prefix and builds examples/ against it twice, as an
# outside user would: with CMake's find_package(newsdesk) and with pkg-config. Both programs
# must index and find the example's articles.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
test -f "$work/prefix/include/newsdesk/newsdesk.hpp"
! grep -rl "xapian.h\|unicode/" "$work/prefix/include/newsdesk"   # no dependency types leak out

cmake -S "$src/examples" -B "$work/example" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" > "$work/configure.log"
cmake --build "$work/example" > "$work/build.log"
out=$(LD_LIBRARY_PATH="$work/prefix/lib:$work/prefix/lib/x86_64-linux-gnu" "$work/example/search_archive" "$work/db1" erdogan)
echo "$out"
grep -q "^1 articles" <<<"$out"
grep -q "speaker: Recep Tayyip Erdogan (1)" <<<"$out"
grep -q "country: Turkey (1)" <<<"$out"

pcdir=$(dirname "$(find "$work/prefix" -name newsdesk.pc | head -n 1)")
flags=$(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs newsdesk)
c++ "$src/examples/search_archive.cpp" $flags -o "$work/search_archive_pc"
LD_LIBRARY_PATH="$work/prefix/lib:$work/prefix/lib/x86_64-linux-gnu" "$work/search_archive_pc" "$work/db2" mwangi | grep -q "^1 articles"
echo "installed package works with find_package and pkg-config"
