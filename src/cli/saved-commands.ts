import type { ResultOf } from '../core/api';
import type { Workstation } from '../core/workstation';
import { visibleName } from '../shared/visible-name';
import { LOCATION_OPTIONS, parseCommandLine, parseCount, UsageError } from '../shell/args';
import { call, type CliContext } from './cli-context';
import { markSnippet } from './search-commands';
import { SEARCH_OPTIONS, searchFilters } from './search-options';

type Summary = ResultOf<'savedSearches'>[number];

const SAVED_OPTIONS = {
  ...LOCATION_OPTIONS,
  json: { type: 'boolean' },
  ...SEARCH_OPTIONS,
  entity: { type: 'string' },
  starred: { type: 'boolean' },
  tags: { type: 'string' },
  seen: { type: 'boolean' },
} as const;

const SAVED_USAGE = 'saved list | save NAME "<query>" | run NAME | seen NAME | rename NAME NEW-NAME | delete NAME';

/** "3 new, 1 changed", or "nothing new". */
function freshness({ added, changed }: { added: number; changed: number }): string {
  const parts = [added > 0 ? `${added} new` : '', changed > 0 ? `${changed} changed` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}

function tagList(text: string | undefined): string[] | undefined {
  return text?.split(',').map((t) => t.trim()).filter((t) => t !== '');
}

/** A saved search named on the command line: by its name (any case), else by its id. */
async function find(ws: Workstation, nameOrId: string): Promise<Summary> {
  const all = await call(ws, 'savedSearches', {});
  const wanted = nameOrId.trim().toLocaleLowerCase();
  const found = all.find((s) => s.name.toLocaleLowerCase() === wanted) ?? all.find((s) => s.id === nameOrId);
  if (!found) throw new UsageError(`no saved search named ${JSON.stringify(nameOrId)}${all.length > 0 ? `; saved: ${all.map((s) => s.name).join(', ')}` : ''}`);
  return found;
}

/**
 * `saved list|save|run|seen|rename|delete`: searches kept by name, each saying how many of its
 * matching documents are new or changed since it was last looked at (`seen`, or `run --seen`).
 */
export async function saved(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, SAVED_OPTIONS);
  const [action, ...rest] = positionals;
  const wants = (count: number, shape: string) => {
    if (rest.length !== count) throw new UsageError(`saved ${action} takes ${shape}`);
  };
  const print = (value: unknown, line: () => void) => (values.json ? cli.out(JSON.stringify(value, null, 2)) : line());
  const open = async () => {
    const ws = await cli.open(values);
    await ws.indexReady();
    return ws;
  };
  switch (action) {
    case 'list': {
      wants(0, 'no other arguments');
      const all = await call(await open(), 'savedSearches', {});
      print(all, () => {
        if (all.length === 0) cli.out('no saved searches (save one: saved save NAME "<query>")');
        for (const s of all) cli.out(`${s.name}  ${JSON.stringify(s.query)}  ${freshness(s)}  (seen ${s.seenAt})`);
      });
      return;
    }
    case 'save': {
      wants(2, 'a name and a query: saved save NAME "<query>" (a query starting with - goes after --)');
      const [name, query] = rest;
      if (query.trim() === '') throw new UsageError('the query is empty');
      const filters = searchFilters(values);
      const summary = await call(await open(), 'saveSearch', {
        name,
        query,
        ...filters,
        ...(values.entity ? { entity: values.entity } : {}),
        ...(values.starred ? { starred: true } : {}),
        ...(tagList(values.tags)?.length ? { documentTags: tagList(values.tags) } : {}),
      });
      print(summary, () => cli.out(`saved ${JSON.stringify(summary.name)}: ${JSON.stringify(summary.query)}`));
      return;
    }
    case 'run': {
      wants(1, 'the name of a saved search');
      const ws = await open();
      const run = await call(ws, 'runSavedSearch', { id: (await find(ws, rest[0])).id, limit: parseCount(values.limit, 'limit') });
      if (values.seen) await call(ws, 'markSavedSearchSeen', { id: run.search.id });
      print(run, () => {
        const { result } = run;
        cli.out(`${run.search.name}: ${result.total} ${result.total === 1 ? 'document matches' : 'documents match'} ${JSON.stringify(result.query)}, ${freshness(run.search)}`);
        const added = new Set(run.added);
        const changed = new Set(run.changed);
        result.hits.forEach((hit, i) => {
          const mark = added.has(hit.id) ? ' [new]' : changed.has(hit.id) ? ' [changed]' : '';
          cli.out(`\n${i + 1}.${mark} ${hit.title}\n   ${visibleName(hit.id)} · ${hit.matchCount} ${hit.matchCount === 1 ? 'match' : 'matches'}`);
          for (const snippet of hit.snippets.slice(0, 1)) cli.out(`   … ${markSnippet(snippet, cli.color)} …`);
        });
      });
      return;
    }
    case 'seen': {
      wants(1, 'the name of a saved search');
      const ws = await open();
      const summary = await call(ws, 'markSavedSearchSeen', { id: (await find(ws, rest[0])).id });
      print(summary, () => cli.out(`${summary.name}: marked as seen`));
      return;
    }
    case 'rename': {
      wants(2, 'a saved search and its new name: saved rename NAME NEW-NAME');
      const ws = await open();
      const summary = await call(ws, 'renameSavedSearch', { id: (await find(ws, rest[0])).id, name: rest[1] });
      print(summary, () => cli.out(`renamed to ${JSON.stringify(summary.name)}`));
      return;
    }
    case 'delete': {
      wants(1, 'the name of a saved search');
      const ws = await open();
      const found = await find(ws, rest[0]);
      const deleted = await call(ws, 'deleteSavedSearch', { id: found.id });
      print(deleted, () => cli.out(`deleted ${JSON.stringify(found.name)}`));
      return;
    }
    default:
      throw new UsageError(action === undefined ? `saved needs an action: ${SAVED_USAGE}` : `unknown action ${JSON.stringify(action)}; saved ${SAVED_USAGE}`);
  }
}

/** `marks [star|unstar|tag|untag ID [TAGS]] [--json]`: the documents starred or tagged, or a change to one's marks. */
export async function marks(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, json: { type: 'boolean' }, starred: { type: 'boolean' }, tag: { type: 'string' } });
  const [action, id, tags, ...extra] = positionals;
  const ws = await cli.open(values);
  const print = (value: unknown, line: () => void) => (values.json ? cli.out(JSON.stringify(value, null, 2)) : line());
  const line = (m: { docId: string; starred: boolean; tags: string[] }) =>
    `${m.starred ? '★' : ' '} ${visibleName(m.docId)}${m.tags.length > 0 ? `  #${m.tags.join(' #')}` : ''}`;
  if (action === undefined) {
    const wantedTag = values.tag?.trim().toLocaleLowerCase();
    const listed = (await call(ws, 'documentMarks', {}))
      .filter((m) => (!values.starred || m.starred) && (!wantedTag || m.tags.some((t) => t.toLocaleLowerCase() === wantedTag)))
      .sort((a, b) => a.docId.localeCompare(b.docId));
    print(listed, () => {
      if (listed.length === 0) cli.out('no documents starred or tagged');
      for (const m of listed) cli.out(line(m));
    });
    return;
  }
  if (!['star', 'unstar', 'tag', 'untag'].includes(action)) throw new UsageError(`unknown action ${JSON.stringify(action)}; marks [star|unstar ID | tag|untag ID TAG,TAG]`);
  const tagging = action === 'tag' || action === 'untag';
  if (id === undefined || extra.length > 0 || (tagging ? tags === undefined : tags !== undefined)) {
    throw new UsageError(tagging ? `marks ${action} takes a document id and tags: marks ${action} ID TAG[,TAG]` : `marks ${action} takes a document id`);
  }
  let change: { starred?: boolean; tags?: string[] };
  if (tagging) {
    const given = tagList(tags) ?? [];
    if (given.length === 0) throw new UsageError('no tags given');
    const before = (await call(ws, 'documentMarks', {})).find((m) => m.docId === id)?.tags ?? [];
    const lower = new Set(given.map((t) => t.toLocaleLowerCase()));
    change = { tags: action === 'tag' ? [...before, ...given.filter((t) => !before.some((b) => b.toLocaleLowerCase() === t.toLocaleLowerCase()))] : before.filter((t) => !lower.has(t.toLocaleLowerCase())) };
  } else {
    change = { starred: action === 'star' };
  }
  const mark = await call(ws, 'markDocument', { id, ...change });
  print(mark, () => cli.out(line(mark)));
}
