import { realpath } from 'node:fs/promises';
import { errorMessage } from './errors';
import { resolveFolder } from './folders';
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
    /** The one owner of the preferences file in this process, shared with each archive opened. */
    private readonly preferences: PreferencesStore,
  ) {}

  static async open(options: SessionOptions): Promise<ArchiveSession> {
    const preferences = await PreferencesStore.open(options.dataDir);
    const session = new ArchiveSession(await ArchiveSession.start(options, options.archiveDir, preferences), options, preferences);
    await session.remember(session.workstation.info().archiveRoot);
    return session;
  }

  get current(): Workstation {
    return this.workstation;
  }

  /** Opens another folder as the archive; the one open now stays open if that fails. */
  async switchTo(archiveDir: string): Promise<WorkstationInfo> {
    const root = await resolveFolder(archiveDir);
    if (root === this.workstation.info().archiveRoot) return this.workstation.info();
    const next = await ArchiveSession.start(this.options, root, this.preferences);
    const previous = this.workstation;
    this.workstation = next;
    await previous.close();
    await this.remember(root);
    return next.info();
  }

  /** Archives opened before, most recent first, each still there or not. */
  async recent(): Promise<Array<{ path: string; exists: boolean }>> {
    await this.preferences.reload(); // another process may have opened archives since
    return Promise.all(
      this.preferences.get().recentArchives.map(async (p) => ({ path: p, exists: await realpath(p).then(() => true, () => false) })),
    );
  }

  async close(): Promise<void> {
    await this.workstation.close();
    this.preferences.close();
  }

  private static async start(options: SessionOptions, archiveDir: string, preferences: PreferencesStore): Promise<Workstation> {
    return Workstation.open({
      archiveDir,
      dataDir: options.dataDir,
      indexBuilder: options.indexBuilder,
      openAsLastSeen: options.watch,
      followAfterFirstAnswer: options.watch,
      preferences,
    });
  }

  private async remember(root: string): Promise<void> {
    await this.preferences
      .change(({ recentArchives }) => ({ recentArchives: [root, ...recentArchives.filter((p) => p !== root)].slice(0, RECENT) }))
      .catch((error: unknown) => console.error('the recent archives list was not updated:', errorMessage(error)));
  }
}
