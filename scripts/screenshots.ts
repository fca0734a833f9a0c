// Regenerates the README's dashboard screenshots (docs/dashboard-*.png) from the browser test:
// runs test/dashboard/browser.test.ts (the real pipeline on the seeds, Chromium via playwright-core),
// then copies the screenshots it saved under test/artifacts/. Needs Chromium (KHABAR_CHROMIUM or /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SHOTS = ['dashboard-overview.png', 'dashboard-record.png', 'dashboard-record-phone.png', 'dashboard-conflicts.png', 'dashboard-news.png', 'dashboard-story.png', 'dashboard-entities.png'];
const started = Date.now();

const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/dashboard/browser.test.ts'], { stdio: 'inherit', env: { ...process.env, CI: 'true' } });
if (run.status !== 0) {
  console.error('screenshots: the browser test failed; docs/ left as it was');
  process.exit(run.status ?? 1);
}
mkdirSync('docs', { recursive: true });
for (const name of SHOTS) {
  const from = join('test', 'artifacts', name);
  if (!existsSync(from) || statSync(from).mtimeMs < started) {
    console.error(`screenshots: ${from} was not written by this run`);
    process.exit(1);
  }
  copyFileSync(from, join('docs', name));
  console.log(`screenshots: docs/${name}`);
}
