import { linkSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWritable, OutputPathError, writeFileAtomic } from '../../../electron/host/export/write-file-atomic';

const directory = () => mkdtempSync(join(tmpdir(), 'placewise-export-'));

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temporary file behind', async () => {
    const dir = directory();
    await writeFileAtomic(join(dir, 'diagram.mmd'), new TextEncoder().encode('flowchart LR'));
    expect(readFileSync(join(dir, 'diagram.mmd'), 'utf8')).toBe('flowchart LR');
    expect(readdirSync(dir)).toEqual(['diagram.mmd']);
  });

  it('replaces an existing file whole', async () => {
    const dir = directory();
    writeFileSync(join(dir, 'report.md'), 'old and longer than the new one');
    await writeFileAtomic(join(dir, 'report.md'), new TextEncoder().encode('new'));
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('new');
  });

  it('writes over a hard-linked file in place, so that its other name sees the export too', async () => {
    const dir = directory();
    writeFileSync(join(dir, 'report.md'), 'old and longer than the new one');
    linkSync(join(dir, 'report.md'), join(dir, 'published.md'));
    await writeFileAtomic(join(dir, 'report.md'), new TextEncoder().encode('new'));
    expect(readFileSync(join(dir, 'published.md'), 'utf8')).toBe('new');
    expect(statSync(join(dir, 'report.md')).ino).toBe(statSync(join(dir, 'published.md')).ino);
    expect(readdirSync(dir).sort()).toEqual(['published.md', 'report.md']);
  });

  it('refuses a missing directory, naming it', () => {
    const target = join(directory(), 'missing', 'report.html');
    expect(() => checkWritable(target)).toThrow(OutputPathError);
    expect(() => checkWritable(target)).toThrow(/the directory .*missing does not exist \(create it first\)/);
  });

  it('refuses a directory as the output file', async () => {
    const dir = directory();
    await expect(writeFileAtomic(dir, new Uint8Array())).rejects.toThrow(/is a directory: give a file name/);
  });
});
