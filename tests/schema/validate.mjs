#!/usr/bin/env node
// Validates Stackplan roadmap files against the published JSON Schema (draft 2020-12).
//
//   node tests/schema/validate.mjs tests/fixtures/roadmap-v1.json [more.json …]
//
// Prints one line per file and exits 1 if any file does not validate, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const schemaPath = resolve(here, '../../public/schema/roadmap.v1.schema.json');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tests/schema/validate.mjs FILE.json [FILE.json …]');
  process.exit(2);
}

// strict mode rejects unknown keywords and loose schemas, so the schema itself is checked too.
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

let failed = 0;
for (const file of files) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.log(`FAIL ${file}: ${error.message}`);
    failed += 1;
    continue;
  }
  if (validate(data)) {
    console.log(`ok   ${file}`);
  } else {
    failed += 1;
    console.log(`FAIL ${file}`);
    for (const error of validate.errors) {
      console.log(`     ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
}
process.exit(failed === 0 ? 0 : 1);
