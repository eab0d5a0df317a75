// A generated roadmap of any size in file format v1, every field used: the benchmark and the
// scale tests open the very same files. Deterministic (a seeded PRNG), so every run is alike.
'use strict';

/** Phases in a generated roadmap. */
const PHASES = 5;

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same files. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A format-v1 roadmap (an object) named `name`, with `count` initiatives in PHASES phases. */
function generateRoadmap(count, name) {
  const random = rng(20270101);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const score = () => Math.round((1 + random() * 9) * 10) / 10;
  const urgencies = ['none', 'low', 'medium', 'high', 'critical'];
  const goals = ['Customer retention and loyalty', 'Market expansion', 'Product development', 'Cost control'];
  const owners = ['Dana Okafor', 'Sam Lee', 'Priya Natarajan', 'Jörg Müller', 'Ana Souza', ''];
  const teams = ['Data team', 'Finance', 'Ops', 'Product', 'Sales', 'Marketing', 'Executive team'];
  const tags = ['platform', 'storage', 'cloud', 'governance', 'analytics', 'ml', 'security', 'cost'];
  const areas = [
    ['Modern Stacks', 'Data', 'Data Tech Stack', 'Data Lake'],
    ['Modern Stacks', 'Data', 'Data Tech Stack', 'Data Catalog'],
    ['Modern Stacks', 'Cloud', 'IAC'],
    ['Modern Stacks', 'MLOps', 'Train and tune'],
    ['Modern Stacks', 'Cloud', 'Serverless Computing'],
  ];
  const phases = Array.from({ length: PHASES }, (_, i) => ({
    id: `p${i + 1}`,
    name: `Phase ${i + 1}`,
    capacity: i === PHASES - 1 ? null : 2000 + i * 500,
  }));
  const initiatives = [];
  for (let n = 1; n <= count; n += 1) {
    const dependencies = [];
    // Dependencies only point backwards (no cycles); about one initiative in five has some.
    if (n > 10 && random() < 0.2) {
      const first = 1 + Math.floor(random() * (n - 1));
      dependencies.push(`i${first}`);
      const second = 1 + Math.floor(random() * (n - 1));
      if (second !== first) dependencies.push(`i${second}`);
    }
    const effort = score();
    const impact = score();
    const month = String(1 + (n % 12)).padStart(2, '0');
    const day = String(1 + (n % 28)).padStart(2, '0');
    initiatives.push({
      id: `i${n}`,
      title: `Initiative ${n}: ${pick(['Data Lake', 'Feature store', 'Event streaming', 'BI dashboards', 'IaC rollout'])}`,
      description: n % 3 === 0 ? '' : `Description of initiative ${n}.\nSecond line with <b>markup-looking</b> text & "quotes".`,
      effort,
      impact,
      quick_win: effort < 5.5 && impact >= 5.5 && random() < 0.5,
      urgency: pick(urgencies),
      due: n % 4 === 0 ? null : `2027-${month}-${day}`,
      phase: n % 6 === 0 ? null : `p${1 + (n % PHASES)}`,
      origin: n % 2 === 0 ? { catalog: 'Modern Stacks', path: pick(areas) } : null,
      owner: pick(owners),
      stakeholders: teams.filter(() => random() < 0.3),
      goals: goals.filter(() => random() < 0.4),
      budget: n % 5 === 0 ? null : Math.round(random() * 500_000 * 100) / 100,
      dependencies,
      tags: tags.filter(() => random() < 0.25),
    });
  }
  return {
    format: 'stackplan.roadmap',
    version: 1,
    name,
    quadrant_split: { effort: 5.5, impact: 5.5 },
    phases,
    initiatives,
  };
}

/** Realistic titles for planning sessions: topics of the Modern Stacks outline, by team. */
const SESSION_TOPICS = [
  'Data Lake', 'Feature store', 'Event streaming', 'BI dashboards', 'IaC rollout', 'Data catalog',
  'Model registry', 'Data contracts', 'Cost monitoring', 'Access reviews', 'CI for models', 'Lakehouse tables',
  'Data quality checks', 'Self-serve analytics', 'Batch to streaming', 'GPU cluster', 'Churn model',
  'Metrics layer', 'Backup policy', 'Vector search',
];
const SESSION_TEAMS = ['Finance', 'Sales', 'Ops', 'Marketing', 'Product', 'HR', 'Support', 'Legal', 'EMEA', 'APAC'];

/**
 * A planning session's roadmap: `count` initiatives with realistic titles whose scores cluster
 * around a few spots, as scores do when a room agrees (a spread of ±1.5 around five centres).
 */
function generateSession(count, name) {
  const random = rng(20261202);
  const centres = [[3, 8], [7.5, 7.5], [5, 5], [2.5, 3], [8, 2.5]];
  const urgencies = ['none', 'none', 'low', 'medium', 'high', 'critical'];
  const clamp = (value) => Math.round(Math.min(10, Math.max(1, value)) * 10) / 10;
  const initiatives = [];
  for (let n = 1; n <= count; n += 1) {
    const [effort, impact] = centres[n % centres.length];
    const topic = SESSION_TOPICS[(n * 7) % SESSION_TOPICS.length];
    const team = SESSION_TEAMS[Math.floor(n / SESSION_TOPICS.length) % SESSION_TEAMS.length];
    initiatives.push({
      id: `s${n}`,
      title: n <= SESSION_TOPICS.length ? topic : `${topic} for ${team}${n > 200 ? ` ${n}` : ''}`,
      description: '',
      effort: clamp(effort + (random() - 0.5) * 3),
      impact: clamp(impact + (random() - 0.5) * 3),
      quick_win: false,
      urgency: urgencies[Math.floor(random() * urgencies.length)],
      due: null,
      phase: n % 4 === 0 ? null : `p${1 + (n % 3)}`,
      origin: null,
      owner: '',
      stakeholders: [],
      goals: [],
      budget: null,
      dependencies: [],
      tags: [],
    });
  }
  return {
    format: 'stackplan.roadmap',
    version: 1,
    name,
    quadrant_split: { effort: 5.5, impact: 5.5 },
    phases: [1, 2, 3].map((n) => ({ id: `p${n}`, name: `Phase ${n}`, capacity: null })),
    initiatives,
  };
}

/** The same roadmap as the text of an exported file. */
function roadmapFileText(roadmap) {
  return `${JSON.stringify(roadmap, null, 2)}\n`;
}

module.exports = { generateRoadmap, generateSession, roadmapFileText };
