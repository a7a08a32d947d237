// Starts `polc lsp` for polc policies: diagnostics as you type, hover,
// completion, go-to-definition, formatting and the outline come from it.
// Settings: polc.path (the program), polc.includeDirs (-I directories).
"use strict";
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function serverOptions(config) {
  const args = ["lsp"];
  for (const dir of config.get("includeDirs", [])) args.push("-I", dir);
  return { command: config.get("path", "polc"), args };
}

function activate(context) {
  const config = vscode.workspace.getConfiguration("polc");
  client = new LanguageClient("polc", "polc", serverOptions(config), {
    documentSelector: [{ scheme: "file", language: "polc" }, { scheme: "untitled", language: "polc" }],
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, serverOptions };
