// Summary of a cargo-mutants run (`./run.sh mutants`): per file and in all, how many mutants the
// tests caught, missed, could not build (unviable) or timed out on, and the score, which is
// caught / (caught + missed). The missed ones are listed: each is behaviour no test pins.
const fs = require('fs');

const path = process.argv[2] || 'target/mutants.out/outcomes.json';
const { outcomes } = JSON.parse(fs.readFileSync(path, 'utf8'));

const KINDS = { CaughtMutant: 'caught', MissedMutant: 'missed', Unviable: 'unviable', Timeout: 'timeout' };
const byFile = new Map();
const missed = [];
for (const outcome of outcomes) {
  const mutant = outcome.scenario.Mutant;
  if (!mutant) continue;
  const kind = KINDS[outcome.summary];
  if (!kind) throw new Error(`unknown cargo-mutants outcome ${outcome.summary} for ${mutant.name}`);
  const counts = byFile.get(mutant.file) || { caught: 0, missed: 0, unviable: 0, timeout: 0 };
  counts[kind] += 1;
  byFile.set(mutant.file, counts);
  if (kind === 'missed') missed.push(mutant.name);
}

const score = ({ caught, missed }) => (caught + missed === 0 ? '—' : `${((100 * caught) / (caught + missed)).toFixed(1)}%`);
const total = { caught: 0, missed: 0, unviable: 0, timeout: 0 };
const rows = [...byFile.entries()].sort(([a], [b]) => a.localeCompare(b));
for (const [, counts] of rows) for (const kind of Object.keys(total)) total[kind] += counts[kind];

const line = (name, c) => `| ${name} | ${c.caught} | ${c.missed} | ${c.unviable} | ${c.timeout} | ${score(c)} |`;
console.log('| file | caught | missed | unviable | timeout | score |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [file, counts] of rows) console.log(line(file, counts));
console.log(line('**all**', total));
if (missed.length) {
  console.log(`\nMissed (${missed.length}):`);
  for (const name of missed) console.log(`- ${name}`);
}
