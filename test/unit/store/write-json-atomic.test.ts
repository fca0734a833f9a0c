// writeJsonAtomic remembers the folders it made (issue 21: no mkdir before every write); a folder
// removed behind its back is made again, and a write that cannot happen still names path and cause.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputWriteError, writeJsonAtomic } from '../../../src/store/output.js';
import { tempDir } from '../../helpers/pipeline.js';

describe('writeJsonAtomic', () => {
  it('writes again into a folder that was removed after its first write', async () => {
    const out = tempDir('atomic-folder');
    const path = join(out, 'articles', 'a.json');
    await writeJsonAtomic(path, { n: 1 }, { compact: true });
    rmSync(join(out, 'articles'), { recursive: true, force: true });
    await writeJsonAtomic(path, { n: 2 }, { compact: true });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ n: 2 });
    expect(readdirSync(join(out, 'articles'))).toEqual(['a.json']);
  });

  it('fails with the path and the system\'s code when the folder is a file, leaving no temp file', async () => {
    const out = tempDir('atomic-blocked');
    await writeJsonAtomic(join(out, 'stories', 'first.json'), { n: 1 });
    rmSync(join(out, 'stories'), { recursive: true, force: true });
    writeFileSync(join(out, 'stories'), 'not a folder');
    const error = await writeJsonAtomic(join(out, 'stories', 'x.json'), { n: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as OutputWriteError).message).toMatch(/cannot write .*stories\/x\.json: (ENOTDIR|EEXIST)/);
    expect(readdirSync(out)).toEqual(['stories']);
  });

});
