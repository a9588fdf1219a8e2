// `npm run dist`: builds the app (`npm run build`), then the installers that electron-builder.yml
// lists for this operating system (Linux AppImage, macOS dmg, Windows nsis), written to
// release/. They package the Electron binary that `npm install` fetched (electronDist in
// electron-builder.yml); where there is none, or a step fails, one line says why.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function electronInstalled() {
  try {
    return existsSync(createRequire(import.meta.url)('electron'));
  } catch {
    return false;
  }
}

if (!electronInstalled()) {
  process.stderr.write(
    'placewise: no installers: they package the Electron binary that `npm install` fetches, and it is not installed here (`npm run fetch-electron` downloads it)\n',
  );
  process.exit(1);
}
// npm names itself to the scripts it runs; `npm run build` is the one build of the app.
if (!process.env.npm_execpath) {
  process.stderr.write('placewise: run this as `npm run dist`\n');
  process.exit(1);
}
const built = spawnSync(process.execPath, [process.env.npm_execpath, 'run', 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) {
  process.stderr.write('placewise: no installers: `npm run build` failed\n');
  process.exit(1);
}
const { build } = await import('electron-builder');
try {
  const artifacts = await build({ projectDir: root, publish: 'never' });
  for (const artifact of artifacts) process.stdout.write(`placewise: built ${relative(root, artifact)}\n`);
} catch (error) {
  const reason = (error instanceof Error ? error.message : String(error)).trim().split('\n')[0];
  process.stderr.write(
    `placewise: the installers could not be built (${reason}); electron-builder's log above says more\n`,
  );
  process.exitCode = 1;
}
