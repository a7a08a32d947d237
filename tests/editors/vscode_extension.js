// editors/vscode/extension.js, loaded as VS Code would load it, with the
// `vscode` API and vscode-languageclient replaced by recorders: activation
// must start one LanguageClient running `polc lsp` (with the settings' path
// and -I directories) for polc documents, and deactivation must stop it.
//   node vscode_extension.js SOURCE_DIR
"use strict";
const Module = require("module");
const path = require("path");
const src = process.argv[2];
const made = [];
class LanguageClient {
  constructor(id, name, server, clientOptions) {
    Object.assign(this, { id, name, server, clientOptions, started: 0, stopped: 0 });
    made.push(this);
  }
  start() { this.started++; return Promise.resolve(); }
  stop() { this.stopped++; return Promise.resolve(); }
}
const settings = { path: "/opt/polc/bin/polc", includeDirs: ["/etc/polc", "/srv/policies"] };
const fakes = {
  vscode: { workspace: { getConfiguration: (s) => ({ get: (k, d) => (s === "polc" && k in settings ? settings[k] : d) }) } },
  "vscode-languageclient/node": { LanguageClient },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request in fakes ? fakes[request] : load.call(this, request, ...rest);
};
const ext = require(path.join(src, "editors/vscode/extension.js"));
const pkg = require(path.join(src, "editors/vscode/package.json"));
const fail = [];
const check = (ok, what) => { if (!ok) fail.push(what); };
check(pkg.main === "./extension.js", "package.json main is not ./extension.js");
check(pkg.activationEvents.includes("onLanguage:polc"), "not activated by polc documents");
check(pkg.dependencies && pkg.dependencies["vscode-languageclient"], "vscode-languageclient is not a dependency");
const context = { subscriptions: [] };
Promise.resolve(ext.activate(context)).then(async () => {
  check(made.length === 1, `${made.length} clients made`);
  const c = made[0] || {};
  check(c.started === 1, "the client was not started");
  check(JSON.stringify(c.server) === JSON.stringify({ command: "/opt/polc/bin/polc",
    args: ["lsp", "-I", "/etc/polc", "-I", "/srv/policies"] }), `server options ${JSON.stringify(c.server)}`);
  check(c.clientOptions && c.clientOptions.documentSelector.every((s) => s.language === "polc"),
    "the document selector is not polc's");
  await ext.deactivate();
  check(c.stopped === 1, "deactivate did not stop the client");
  if (fail.length) { for (const f of fail) console.log("FAIL:", f); process.exit(1); }
  console.log("vscode extension: starts and stops `polc lsp` as configured");
});
