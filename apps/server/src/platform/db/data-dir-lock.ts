import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite takes no lock on its data directory, and a second process that opens it silently loses
 * data. Paydesk therefore holds `paydesk.lock` (the holder's pid) for as long as it has the
 * directory open. A lock whose holder is gone (a crash, `kill -9`) is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Paydesk process (pid ${holderPid}). ` +
        'Stop that process first, or point PAYDESK_DATA_DIR at another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'paydesk.lock');

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolderPid(lockPath);
      if (holder !== undefined && holder !== process.pid && isProcessAlive(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      // The holder is gone: remove its stale lock and try once more. If another process wins the
      // race to recreate it, the second attempt sees a live holder and refuses.
      fs.rmSync(lockPath, { force: true });
      continue;
    }
    return {
      path: lockPath,
      release() {
        if (readHolderPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
      },
    };
  }
  const holder = readHolderPid(lockPath) ?? 0;
  throw new DataDirLockedError(dataDir, holder);
}

function readHolderPid(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means the directory is taken.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
