/**
 * A second Casefile process for the concurrency tests: opens the archive ARCHIVE with the data
 * folder DATA (as the CLI does, one Workstation for the whole run) and makes COUNT annotations one
 * after another on DOC, printing `ack <id>` only once each creation has resolved (acknowledged).
 */
import { Workstation } from '../../src/core/workstation';

const [archiveDir, dataDir, docId, countText] = process.argv.slice(2);
if (!archiveDir || !dataDir || !docId || !countText) {
  process.stderr.write('usage: annotate-loop-child.ts ARCHIVE DATA DOC COUNT\n');
  process.exit(2);
}
const ws = await Workstation.open({ archiveDir, dataDir });
const length = (await ws.getDocument(docId)).document.text.length;
for (let i = 0; i < Number(countText); i++) {
  const start = (i * 37) % (length - 20);
  const annotation = await ws.annotations.create({ docId, start, end: start + 12, note: `child ${i}` });
  process.stdout.write(`ack ${annotation.id}\n`);
}
await ws.close();
