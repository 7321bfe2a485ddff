import { renderProfile, summariseProfile } from './lib/cpu-profile';

/** `npx ts-node bench/profile-summary.ts <file.cpuprofile> [top]`: the top self-time functions of a profile. */
const [file, top] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: ts-node bench/profile-summary.ts <file.cpuprofile> [top]\n');
  process.exit(2);
}
process.stdout.write(`${renderProfile(summariseProfile(file, top ? Number(top) : 25))}\n`);
