import { realpath } from 'node:fs/promises';
import { CasefileError } from './errors';
import { PreferencesStore } from './preferences';
import type { SegmentBuilder } from './search/index-builder';
import { Workstation, type WorkstationInfo } from './workstation';

export interface SessionOptions {
  archiveDir: string;
  dataDir: string;
  /**
   * The app's way (one-shot commands leave it off): follow changes to the open archive's folder, and
   * open an archive seen before as it was last seen while its folder is listed again in the background.
   */
  watch?: boolean;
  indexBuilder?: SegmentBuilder;
}

/** How many archives the "recent" list remembers. */
const RECENT = 10;

/**
 * The archive a shell has open, and the switch to another folder. Each archive keeps its own
 * index, annotations and dossiers in the data dir; the recent ones are remembered in the preferences.
 */
export class ArchiveSession {
  private constructor(
    private workstation: Workstation,
    private readonly options: SessionOptions,
  ) {}

  static async open(options: SessionOptions): Promise<ArchiveSession> {
    const session = new ArchiveSession(await ArchiveSession.start(options, options.archiveDir), options);
    await session.remember(session.workstation.info().archiveRoot);
    return session;
  }

  get current(): Workstation {
    return this.workstation;
  }

  /** Opens another folder as the archive; the one open now stays open if that fails. */
  async switchTo(archiveDir: string): Promise<WorkstationInfo> {
    let root: string;
    try {
      root = await realpath(archiveDir);
    } catch {
      throw new CasefileError('not-found', `no folder ${JSON.stringify(archiveDir)}`);
    }
    if (root === this.workstation.info().archiveRoot) return this.workstation.info();
    const next = await ArchiveSession.start(this.options, root);
    const previous = this.workstation;
    this.workstation = next;
    await previous.close();
    await this.remember(root);
    return next.info();
  }

  /** Archives opened before, most recent first, each still there or not. */
  async recent(): Promise<Array<{ path: string; exists: boolean }>> {
    const preferences = await PreferencesStore.open(this.options.dataDir);
    return Promise.all(
      preferences.get().recentArchives.map(async (p) => ({ path: p, exists: await realpath(p).then(() => true, () => false) })),
    );
  }

  async close(): Promise<void> {
    await this.workstation.close();
  }

  private static async start(options: SessionOptions, archiveDir: string): Promise<Workstation> {
    const ws = await Workstation.open({ archiveDir, dataDir: options.dataDir, indexBuilder: options.indexBuilder, openAsLastSeen: options.watch });
    if (options.watch) await ws.watch();
    return ws;
  }

  private async remember(root: string): Promise<void> {
    const preferences = await PreferencesStore.open(this.options.dataDir);
    const list = [root, ...preferences.get().recentArchives.filter((p) => p !== root)].slice(0, RECENT);
    await preferences.set({ recentArchives: list }).catch(() => undefined);
  }
}
