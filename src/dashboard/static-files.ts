import { readFileSync } from 'node:fs';
import { projectPath } from '../paths.js';

export interface StaticFile {
  body: string;
  contentType: string;
}

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

/** The dashboard's own script and stylesheet, read once (they ship under src/, found from src/ or dist/). */
export function loadStaticFiles(names: readonly string[] = ['app.js', 'style.css']): Map<string, StaticFile> {
  return new Map(
    names.map((name) => [name, { body: readFileSync(projectPath('src', 'dashboard', 'static', name), 'utf8'), contentType: TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream' }]),
  );
}
