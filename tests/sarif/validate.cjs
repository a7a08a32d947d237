#!/usr/bin/env node
// Validates SARIF logs against the SARIF 2.1.0 JSON schema.
//
//   node validate.cjs FILE.sarif...
//
// The schema is sarif-2.1.0-rtm.5.json (JSON Schema draft-04), the file
// SchemaStore serves as sarif-2.1.0.json, as @microsoft/jest-sarif ships it
// (pinned in package.json / package-lock.json). It is compiled with ajv's
// draft-04 build and ajv-formats, so `uri`, `uri-reference` and `date-time`
// are checked too, with strict mode off (the schema has keywords ajv's strict
// mode refuses, e.g. `id` beside `$schema`). Exit 0 when every file
// validates, 1 otherwise (with ajv's errors), 2 when a file cannot be read.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const schemaFile = path.join(path.dirname(require.resolve("@microsoft/jest-sarif/package.json")),
                             "lib", "schemas", "sarif-2.1.0-rtm.5.json");
const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
// unicodeRegExp off: the schema's pattern for `language` has a lone `]`, which
// JavaScript accepts only without the u flag
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let status = 0;
for (const file of process.argv.slice(2)) {
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    process.exit(2);
  }
  if (!validate(log)) {
    status = 1;
    for (const e of validate.errors) console.error(`${file}: ${e.instancePath || "/"}: ${e.message} ${JSON.stringify(e.params)}`);
  } else if (log.version !== "2.1.0") {
    status = 1;
    console.error(`${file}: version is ${JSON.stringify(log.version)}, not "2.1.0"`);
  }
}
process.exit(status);
