import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { noCounts } from './counts';
import { CheckpointFile, fingerprintFile, newCheckpoint, resumeConflict } from './checkpoint';

describe('checkpoint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'checkpoint-'));

  it('writes and reads back the resume state', () => {
    const file = new CheckpointFile(join(dir, 'a.checkpoint.json'));
    expect(file.read()).toBeNull();
    const state = { ...newCheckpoint({ fingerprint: 'f', size: 10 }, 'commands', noCounts(true)), done: 2000, inFlight: { from: 2001, to: 3000, commandId: 'c', excluded: [2005] } };
    file.write(state);
    expect(file.read()).toEqual(state);
    file.remove();
    expect(file.read()).toBeNull();
  });

  it('refuses a damaged checkpoint with a message that says what to do', () => {
    const path = join(dir, 'bad.checkpoint.json');
    writeFileSync(path, '{"version":');
    expect(() => new CheckpointFile(path).read()).toThrow(/cannot be read .*delete it or run with --restart/);
  });

  it('tells files apart by size and content, and a resume through the other API', async () => {
    writeFileSync(join(dir, 'x.ndjson'), '{"eventId":"1"}\n');
    writeFileSync(join(dir, 'y.ndjson'), '{"eventId":"2"}\n');
    const x = await fingerprintFile(join(dir, 'x.ndjson'));
    const y = await fingerprintFile(join(dir, 'y.ndjson'));
    expect(x.size).toBe(y.size);
    expect(x.fingerprint).not.toBe(y.fingerprint);
    const state = newCheckpoint(x, 'commands', noCounts(true));
    expect(resumeConflict(state, x, 'commands')).toBeNull();
    expect(resumeConflict(state, y, 'commands')).toBe('it was written for another version of the file');
    expect(resumeConflict(state, x, 'crm')).toBe('it was written for a load through commands');
  });
});
