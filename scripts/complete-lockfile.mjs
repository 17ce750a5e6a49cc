// The npm registry reachable here serves only the linux-x64 builds of some native packages
// (e.g. @duckdb/node-bindings-darwin-arm64 is a 404), so `npm install` leaves their optional
// platform packages out of package-lock.json and `npm ci` then refuses the lockfile as out of
// sync. This adds a metadata-only entry (os/cpu/libc, optional) for each missing one; npm skips
// them on this platform without fetching. Run after `npm install`: `npm run lock:complete`.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = /-(darwin|linux|win32)-(x64|arm64)(-(musl|gnu|msvc))?$/;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = {};
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  packages[path] = entry;
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const match = PLATFORM.exec(name);
    if (lock.packages[key] || packages[key] || !match) continue;
    const [, os, cpu, , variant] = match;
    packages[key] = {
      version,
      cpu: [cpu],
      ...(os === 'linux' && { libc: [variant === 'musl' ? 'musl' : 'glibc'] }),
      optional: true,
      os: [os],
    };
    added += 1;
  }
}
lock.packages = packages;
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: added ${added} missing optional platform entries`);
