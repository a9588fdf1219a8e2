// The host's own files (its data folder: the recovery copy, the recent list, the journal of
// writes in flight; in Electron, the whole profile) are not the file API's to open, import,
// benchmark or save over: a path that leads there, through symlinks too, is refused.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { realTarget } from './atomic-write';

// Windows and macOS compare names without case.
const comparable = (path: string) => (process.platform === 'linux' ? path : path.toLowerCase());

export class OwnFiles {
  constructor(private readonly folders: readonly string[]) {}

  /** Why `path` may not be used, or undefined when it may. */
  async refusal(path: string): Promise<string | undefined> {
    const target = comparable(await realTarget(path));
    for (const folder of this.folders) {
      const own = comparable(await realTarget(folder));
      const inside = relative(own, target);
      if (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside))
        return `${resolve(path)}: is one of Placewise's own files (its data folder ${folder}); choose another file`;
    }
    return undefined;
  }
}
