#!/usr/bin/env bash
# Copies the front-end files listed in vendor-files.txt from node_modules into wwwroot/lib, where they are committed,
# so that `dotnet run` on a machine without npm serves them. After changing a version in package.json:
#   npm install && ./update-vendor.sh && git add package.json package-lock.json wwwroot/lib
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules ] || npm ci --no-audit --no-fund
rm -rf wwwroot/lib
grep -v '^#' vendor-files.txt | while read -r package source target; do
  [ -n "$package" ] || continue
  mkdir -p "$(dirname "wwwroot/lib/$package/$target")"
  cp "node_modules/$package/$source" "wwwroot/lib/$package/$target"
done
echo "wwwroot/lib updated from node_modules."
