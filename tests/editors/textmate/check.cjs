#!/usr/bin/env node
// Checks polc's TextMate grammar the way VS Code runs it (vscode-textmate on
// vscode-oniguruma, pinned in package-lock.json):
//   - the JSON is a well-formed grammar: scopeName, patterns, every
//     `include: "#name"` names a repository entry, every rule has `match` or
//     `begin`/`end` or `patterns`, capture keys are group numbers;
//   - every regular expression compiles with Oniguruma;
//   - each POLICY given is tokenized line by line: text outside comments and
//     strings must get a scope of its own (not just source.polc) that is not
//     invalid.illegal;
//   - every keyword of grammar/lexer.l gets a keyword.* scope, every syscall
//     of stdlib/syscalls/*.tbl (after `allow`) support.function.syscall,
//     every capability of stdlib/constants/capabilities.pol
//     constant.language.capability, and a few tokens get their expected scope.
//
//   node check.cjs GRAMMAR.json LEXER.l STDLIB_DIR POLICY.pol...
"use strict";
const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const onig = require("vscode-oniguruma");

const [grammarPath, lexerPath, stdlibDir, ...policies] = process.argv.slice(2);
let failures = 0;
function fail(msg) {
    failures++;
    console.log("FAIL: " + msg);
}

function checkStructure(g) {
    if (typeof g.scopeName !== "string" || g.scopeName !== "source.polc") fail("scopeName is not source.polc");
    if (!Array.isArray(g.patterns) || g.patterns.length === 0) fail("no top-level patterns");
    const repo = g.repository || {};
    const regexes = [];
    function walk(rule, where) {
        if (typeof rule !== "object" || rule === null) return fail(where + ": not an object");
        if (rule.include !== undefined) {
            if (typeof rule.include !== "string") return fail(where + ": include is not a string");
            if (rule.include.startsWith("#") && !(rule.include.slice(1) in repo))
                fail(where + ": include " + rule.include + " names no repository entry");
            return;
        }
        const hasMatch = typeof rule.match === "string";
        const hasBegin = typeof rule.begin === "string";
        if (hasBegin !== (typeof rule.end === "string" || typeof rule.while === "string"))
            fail(where + ": begin without end (or end without begin)");
        const isCapture = /Captures\.\d+$|captures\.\d+$/.test(where);
        if (!hasMatch && !hasBegin && !Array.isArray(rule.patterns) && !(isCapture && typeof rule.name === "string"))
            fail(where + ": neither match, begin/end nor patterns");
        for (const key of ["match", "begin", "end", "while"])
            if (typeof rule[key] === "string") regexes.push([where + "." + key, rule[key]]);
        for (const key of ["captures", "beginCaptures", "endCaptures", "whileCaptures"]) {
            if (rule[key] === undefined) continue;
            for (const [k, v] of Object.entries(rule[key])) {
                if (!/^\d+$/.test(k)) fail(where + "." + key + ": capture key " + k + " is not a group number");
                walk(v, where + "." + key + "." + k);
            }
        }
        if (rule.name !== undefined && (typeof rule.name !== "string" || !/^[a-z]/.test(rule.name)))
            fail(where + ": bad scope name " + rule.name);
        (rule.patterns || []).forEach((p, i) => walk(p, where + ".patterns[" + i + "]"));
    }
    g.patterns.forEach((p, i) => walk(p, "patterns[" + i + "]"));
    for (const [k, v] of Object.entries(repo)) walk(v, "repository." + k);
    return regexes;
}

async function main() {
    const text = fs.readFileSync(grammarPath, "utf8");
    let raw;
    try {
        raw = JSON.parse(text);
    } catch (e) {
        fail(grammarPath + " is not JSON: " + e.message);
        return 1;
    }
    const regexes = checkStructure(raw);

    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    for (const [where, re] of regexes) {
        try {
            new onig.OnigScanner([re]).dispose();
        } catch (e) {
            fail(where + ": the regex does not compile: " + e.message + ": " + re);
        }
    }
    // The check itself must be able to fail.
    let broken = false;
    try {
        new onig.OnigScanner(["(unclosed"]);
    } catch (e) {
        broken = true;
    }
    if (!broken) fail("Oniguruma accepted a broken regex: the regex check proves nothing");

    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (p) => new onig.OnigScanner(p),
            createOnigString: (s) => new onig.OnigString(s),
        }),
        loadGrammar: async (scope) => (scope === "source.polc" ? vsctm.parseRawGrammar(text, grammarPath) : null),
    });
    const grammar = await registry.loadGrammar("source.polc");

    function tokenize(src) {
        let stack = vsctm.INITIAL;
        const out = [];
        src.split(/\r?\n/).forEach((line, i) => {
            const r = grammar.tokenizeLine(line, stack);
            for (const t of r.tokens) out.push({ line: i + 1, col: t.startIndex + 1, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
            stack = r.ruleStack;
        });
        return out;
    }
    const scopeOf = (t) => t.scopes[t.scopes.length - 1];

    let tokens = 0;
    for (const pol of policies) {
        for (const t of tokenize(fs.readFileSync(pol, "utf8"))) {
            if (!t.text.trim()) continue;
            tokens++;
            const s = t.scopes.join(" ");
            if (/comment|string/.test(s)) continue;
            if (t.scopes.length < 2) fail(pol + ":" + t.line + ":" + t.col + ": `" + t.text + "` has no scope");
            else if (/invalid\.illegal/.test(s)) fail(pol + ":" + t.line + ":" + t.col + ": `" + t.text + "` is " + s);
        }
    }
    console.log("tokenized " + policies.length + " policies, " + tokens + " tokens");

    // Every keyword the lexer knows, in a line where it is a keyword.
    const lexer = fs.readFileSync(lexerPath, "utf8");
    const keywords = [...lexer.matchAll(/^"([a-z][a-z-]*)"\s/gm)].map((m) => m[1]);
    if (keywords.length < 40) fail("found only " + keywords.length + " keywords in " + lexerPath);
    const context = { kill: "kill ptrace", read: "read /etc", write: "write /etc" };
    for (const k of keywords) {
        const t = tokenize(context[k] || k)[0];
        if (!t || t.text !== k || !/^keyword\./.test(scopeOf(t)))
            fail("lexer keyword `" + k + "` is not a keyword in the grammar (got " + (t ? t.text + ": " + t.scopes.join(" ") : "nothing") + ")");
    }
    console.log("checked " + keywords.length + " lexer keywords");

    // Syscall and capability names from the stdlib.
    const syscalls = new Set();
    for (const f of fs.readdirSync(path.join(stdlibDir, "syscalls"))) {
        if (!f.endsWith(".tbl") || f === "signatures.tbl" || f === "versions.tbl") continue;
        for (const line of fs.readFileSync(path.join(stdlibDir, "syscalls", f), "utf8").split("\n")) {
            const m = /^\s*(\d+)\s+(\S+)/.exec(line.replace(/#.*/, ""));
            if (m) syscalls.add(m[2]);
        }
    }
    for (const name of syscalls) {
        const t = tokenize("allow " + name).find((x) => x.col === 7);
        if (!t || t.text !== name || scopeOf(t) !== "support.function.syscall.polc")
            fail("syscall `" + name + "` is not support.function.syscall (got " + (t ? t.text + ": " + scopeOf(t) : "nothing") + ")");
    }
    const caps = [...fs.readFileSync(path.join(stdlibDir, "constants/capabilities.pol"), "utf8").matchAll(/^capability\s+([A-Z_0-9]+)/gm)].map((m) => m[1]);
    for (const c of caps.concat(caps.map((c) => "CAP_" + c))) {
        const t = tokenize("when capability " + c + " {}").find((x) => x.col === 17);
        if (!t || t.text !== c || scopeOf(t) !== "constant.language.capability.polc")
            fail("capability `" + c + "` is not constant.language.capability (got " + (t ? t.text + ": " + scopeOf(t) : "nothing") + ")");
    }
    console.log("checked " + syscalls.size + " syscalls and " + caps.length + " capabilities");

    // A few tokens in context.
    const expect = [
        ["allow socket if domain in {AF_INET, AF_INET6}", "domain", "variable.parameter.argument.polc"],
        ["allow socket if domain in {AF_INET, AF_INET6}", "AF_INET6", "constant.other.polc"],
        ["allow socket if domain in {AF_INET, AF_INET6}", "socket", "support.function.syscall.polc"],
        ["allow clone if flags & (CLONE_NEWNS | CLONE_NEWUSER) == 0", "flags", "variable.parameter.argument.polc"],
        ["allow clone if flags & (CLONE_NEWNS | CLONE_NEWUSER) == 0", "|", "keyword.operator.bitwise.polc"],
        ["allow clone if flags & (CLONE_NEWNS | CLONE_NEWUSER) == 0", "==", "keyword.operator.comparison.polc"],
        ["allow wait4, kill, tgkill", "kill", "support.function.syscall.polc"],
        ["kill-process ptrace", "kill-process", "keyword.control.action.polc"],
        ["allow @basic-io, read", "@basic-io", "variable.other.set.polc"],
        ["allow @basic-io, read", "read", "support.function.syscall.polc"],
        ["filesystem { read-only root; read /etc/nginx/** }", "read-only", "keyword.other.item.polc"],
        ["filesystem { read-only root; read /etc/nginx/** }", "/etc/nginx/**", "string.unquoted.path.polc"],
        ["const X = 0x_ff | 0o755 | 0b1010 | 1_000", "0x_ff", "constant.numeric.hex.polc"],
        ["const X = 0x_ff | 0o755 | 0b1010 | 1_000", "0o755", "constant.numeric.octal.polc"],
        ["const X = 0x_ff | 0o755 | 0b1010 | 1_000", "0b1010", "constant.numeric.binary.polc"],
        ["const X = 0x_ff | 0o755 | 0b1010 | 1_000", "1_000", "constant.numeric.decimal.polc"],
        ["const X = 017", "017", "invalid.illegal.numeric.polc"],
        ["default errno(ENOSYS) for newer-than 5.10", "5.10", "constant.numeric.version.polc"],
        ["include <presets/deny-kexec.pol>", "<presets/deny-kexec.pol>", "string.quoted.other.lt-gt.include.polc"],
        ["policy web \"a \\\"web\\\" front end\"", "\\\"", "constant.character.escape.polc"],
        ["arch x86_64, aarch64  # hosts", "x86_64", "support.constant.arch.polc"],
        ["arch x86_64, aarch64  # hosts", " hosts", "comment.line.number-sign.polc"],
        ["const AT_FDCWD = -100", "100", "constant.numeric.decimal.polc"],
        ["allow sched_get_priority_min if policy in {1}", "sched_get_priority_min", "support.function.syscall.polc"],
        ["allow sched_get_priority_min if policy in {1}", "policy", "variable.parameter.argument.polc"],
        ["network { allow inet stream; deny raw }", "stream", "support.constant.network.polc"],
        ["process { user 101:101 }", "101", "constant.numeric.decimal.polc"],
        ["when not capability SYS_ADMIN { allow mount }", "SYS_ADMIN", "constant.language.capability.polc"],
    ];
    for (const [line, text, scope] of expect) {
        const t = tokenize(line).find((x) => x.text === text);
        if (!t || scopeOf(t) !== scope) fail("`" + text + "` in `" + line + "`: expected " + scope + ", got " + (t ? t.scopes.join(" ") : "no such token"));
    }
    console.log("checked " + expect.length + " tokens in context");
    return failures ? 1 : 0;
}

main().then((rc) => process.exit(rc), (e) => {
    console.log("FAIL: " + (e && e.stack ? e.stack : e));
    process.exit(1);
});
