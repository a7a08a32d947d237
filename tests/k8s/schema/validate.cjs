#!/usr/bin/env node
// Validates polc's Kubernetes output against the Kubernetes API schema.
//
//   node validate.cjs FILE.k8s.yaml...
//
// Every YAML document is read the way Kubernetes reads YAML (YAML 1.1: `on`,
// `yes`, `no` are booleans), then checked:
//   - a bare `securityContext:` mapping (the snippet form, with `resources:`
//     beside it when the policy has limits) against
//     io.k8s.api.core.v1.SecurityContext and ResourceRequirements, a `kind: Pod` against
//     io.k8s.api.core.v1.Pod: kubernetes-models' validators, which ajv
//     compiled from the upstream OpenAPI schema (types, enums, required
//     fields, int64 ranges), plus a strict pass that rejects any field the
//     API does not define (as `kubectl apply --validate=strict` does), driven
//     by the same package's type declarations;
//   - a `kind: SeccompProfile` against the Security Profiles Operator's
//     v1beta1 CRD (its schema transcribed below from the operator's Go types,
//     with unknown fields rejected as a structural CRD schema prunes them).
// Exit 0 when every document validates, 1 otherwise (with the errors).
"use strict";
const fs = require("fs");
const path = require("path");
const YAML = require("yaml");
const Ajv = require("ajv");
const { Pod, SecurityContext, ResourceRequirements } = require("kubernetes-models/v1");

const MODELS = path.dirname(require.resolve("kubernetes-models/package.json"));
const NODE_MODULES = path.dirname(MODELS);

// ---- strict fields, from kubernetes-models' .d.ts interfaces ----
const declCache = new Map();
function declaration(file) {
  if (declCache.has(file)) return declCache.get(file);
  const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
    const spec = m[2];
    const target = spec.startsWith(".") ? path.join(path.dirname(file), spec) : path.join(NODE_MODULES, spec);
    imports.set(m[1], target + ".d.ts");
  }
  const start = text.search(/export interface I\w+[^{]*\{/);
  if (start < 0) throw new Error(`no interface in ${file}`);
  const fields = new Map();
  const lines = text.slice(start).split("\n").slice(1);
  for (const line of lines) {
    if (/^\}/.test(line)) break;
    const m = /^    "([^"]+)"\??: (.*?);?$/.exec(line);
    if (!m) continue;
    let type = m[2], array = false;
    const arr = /^Array<(\w+)>$/.exec(type);
    if (arr) { type = arr[1]; array = true; }
    fields.set(m[1], { ref: imports.get(type) || null, array, map: type.startsWith("{") });
  }
  const d = { fields };
  declCache.set(file, d);
  return d;
}

function strict(value, file, where, errors) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  const { fields } = declaration(file);
  for (const [key, v] of Object.entries(value)) {
    const f = fields.get(key);
    if (!f) { errors.push(`${where}/${key}: unknown field (not in ${path.basename(file, ".d.ts")})`); continue; }
    if (!f.ref) continue;
    if (f.array && Array.isArray(v)) v.forEach((x, i) => strict(x, f.ref, `${where}/${key}/${i}`, errors));
    else strict(v, f.ref, `${where}/${key}`, errors);
  }
}

// ---- Security Profiles Operator SeccompProfile, v1beta1 ----
const ACTIONS = ["SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD", "SCMP_ACT_TRAP",
  "SCMP_ACT_ERRNO", "SCMP_ACT_TRACE", "SCMP_ACT_ALLOW", "SCMP_ACT_LOG", "SCMP_ACT_NOTIFY"];
const ARCHES = ["SCMP_ARCH_NATIVE", "SCMP_ARCH_X86", "SCMP_ARCH_X86_64", "SCMP_ARCH_X32", "SCMP_ARCH_ARM",
  "SCMP_ARCH_AARCH64", "SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64", "SCMP_ARCH_MIPS64N32", "SCMP_ARCH_MIPSEL",
  "SCMP_ARCH_MIPSEL64", "SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_PPC", "SCMP_ARCH_PPC64", "SCMP_ARCH_PPC64LE",
  "SCMP_ARCH_S390", "SCMP_ARCH_S390X", "SCMP_ARCH_PARISC", "SCMP_ARCH_PARISC64", "SCMP_ARCH_RISCV64"];
const OPS = ["SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_EQ", "SCMP_CMP_GE", "SCMP_CMP_GT",
  "SCMP_CMP_MASKED_EQ"];
const INT64 = { type: "integer", minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
const SPO_SCHEMA = {
  type: "object", additionalProperties: false, required: ["apiVersion", "kind", "metadata", "spec"],
  properties: {
    apiVersion: { const: "security-profiles-operator.x-k8s.io/v1beta1" },
    kind: { const: "SeccompProfile" },
    metadata: {
      type: "object", additionalProperties: false, required: ["name"],
      properties: {
        name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", maxLength: 253 },
        namespace: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", maxLength: 63 },
      },
    },
    spec: {
      type: "object", additionalProperties: false, required: ["defaultAction"],
      properties: {
        baseProfileName: { type: "string" },
        defaultAction: { enum: ACTIONS },
        architectures: { type: "array", items: { enum: ARCHES } },
        listenerPath: { type: "string" },
        listenerMetadata: { type: "string" },
        flags: { type: "array", items: { type: "string" } },
        syscalls: {
          type: "array",
          items: {
            type: "object", additionalProperties: false, required: ["names", "action"],
            properties: {
              names: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
              action: { enum: ACTIONS },
              errnoRet: { type: "string", pattern: "^[0-9]+$" },
              args: {
                type: "array", maxItems: 6,
                items: {
                  type: "object", additionalProperties: false, required: ["index", "op"],
                  properties: { index: { type: "integer", minimum: 0, maximum: 5 }, value: INT64, valueTwo: INT64, op: { enum: OPS } },
                },
              },
            },
          },
        },
      },
    },
  },
};
const validateSpo = new Ajv({ allErrors: true, strict: true }).compile(SPO_SCHEMA);

function modelErrors(Model, data, where) {
  try { new Model(data).validate(); return []; }
  catch (e) { return [`${where}: ${e.message}`]; }
}

function checkDocument(doc, where) {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return [`${where}: not a mapping`];
  const errors = [];
  if (doc.kind === "Pod") {
    errors.push(...modelErrors(Pod, doc, where));
    strict(doc, path.join(MODELS, "v1/Pod.d.ts"), where, errors);
    return errors;
  }
  if (doc.kind === "SeccompProfile") {
    if (!validateSpo(doc))
      for (const e of validateSpo.errors) errors.push(`${where}${e.instancePath}: ${e.message}`);
    return errors;
  }
  const keys = Object.keys(doc);
  if (!keys.includes("securityContext") || keys.some((k) => k !== "securityContext" && k !== "resources"))
    return [`${where}: neither a Pod, a SeccompProfile nor a bare securityContext (keys: ${keys.join(", ")})`];
  errors.push(...modelErrors(SecurityContext, doc.securityContext, `${where}/securityContext`));
  strict(doc.securityContext, path.join(MODELS, "v1/SecurityContext.d.ts"), `${where}/securityContext`, errors);
  if ("resources" in doc) {
    errors.push(...modelErrors(ResourceRequirements, doc.resources, `${where}/resources`));
    strict(doc.resources, path.join(MODELS, "v1/ResourceRequirements.d.ts"), `${where}/resources`, errors);
  }
  return errors;
}

let failed = 0, checked = 0;
const files = process.argv.slice(2);
if (files.length === 0) { console.error("usage: validate.cjs FILE.k8s.yaml..."); process.exit(2); }
for (const file of files) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"), { version: "1.1" });
  const errors = [];
  docs.forEach((d, i) => {
    for (const e of d.errors) errors.push(`document ${i}: YAML: ${e.message}`);
    if (d.errors.length === 0) errors.push(...checkDocument(d.toJS({ maxAliasCount: -1 }), `document ${i}`));
    checked++;
  });
  if (docs.length === 0) errors.push("no YAML document");
  if (errors.length) {
    failed++;
    console.log(`FAIL ${file}`);
    for (const e of errors) console.log(`  ${e}`);
  } else {
    console.log(`ok ${file} (${docs.length} document${docs.length === 1 ? "" : "s"})`);
  }
}
console.log(`${files.length - failed} passed, ${failed} failed (${checked} documents)`);
process.exit(failed ? 1 : 0);
