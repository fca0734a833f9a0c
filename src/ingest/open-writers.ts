import { readdir, readFile, readlink, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** O_ACCMODE bits of a Linux open file's flags: 1 O_WRONLY, 2 O_RDWR (0 is read-only). */
const ACCESS_MODE = 0o3;
/** One look through /proc serves every file asked about within this time. */
const SCAN_REUSE_MS = 500;

/**
 * Which files in a folder some process holds open for writing, read from /proc (Linux; elsewhere, and
 * for other users' processes we may not look at, nothing is known and nothing is reported). A writer
 * that appends a line a second through one open handle leaves the file quiet between lines, so a
 * stability window alone cannot tell it from a finished file; its open handle can.
 */
export class OpenWriters {
  private scan: { at: number; paths: Promise<Set<string>> } | null = null;
  private readonly realDirs = new Map<string, Promise<string | null>>();
  /** The real folders asked about: only their files' handles are looked at closely. */
  private readonly watched = new Set<string>();

  /** True when some process we can see has `path` open for writing. */
  async isOpenForWriting(path: string): Promise<boolean> {
    if (process.platform !== 'linux') return false;
    const dir = await this.realDir(dirname(path));
    if (dir === null) return false;
    this.watched.add(dir);
    const open = await this.openPaths();
    return open.has(join(dir, path.slice(dirname(path).length + 1)));
  }

  private realDir(dir: string): Promise<string | null> {
    let real = this.realDirs.get(dir);
    if (!real) {
      real = realpath(dir).catch(() => null);
      this.realDirs.set(dir, real);
    }
    return real;
  }

  private openPaths(): Promise<Set<string>> {
    if (!this.scan || Date.now() - this.scan.at > SCAN_REUSE_MS) this.scan = { at: Date.now(), paths: scanProc(this.watched) };
    return this.scan.paths;
  }
}

/** Every file directly in one of `dirs` that some visible process has open for writing (one pass over /proc/<pid>/fd). */
async function scanProc(dirs: ReadonlySet<string>): Promise<Set<string>> {
  const writing = new Set<string>();
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  } catch {
    return writing;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = await readdir(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    await Promise.all(
      fds.map(async (fd) => {
        try {
          const target = await readlink(`/proc/${pid}/fd/${fd}`);
          if (!dirs.has(dirname(target)) || writing.has(target)) return;
          const info = await readFile(`/proc/${pid}/fdinfo/${fd}`, 'utf8');
          const flags = /^flags:\s*([0-7]+)/m.exec(info)?.[1];
          if (flags !== undefined && (parseInt(flags, 8) & ACCESS_MODE) !== 0) writing.add(target);
        } catch {
          // closed meanwhile
        }
      }),
    );
  }
  return writing;
}
