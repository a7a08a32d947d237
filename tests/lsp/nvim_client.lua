-- Neovim's built-in LSP client (0.7, Debian), set up by polc's own
-- configuration (editors/vim/lua/polc.lua) as a user would, opens
-- $POLC_NVIM_FILE and writes the diagnostics it received, one per line
-- (LINE:COL SEVERITY CODE MESSAGE's first line), to $POLC_NVIM_OUT, then the
-- hover text at $POLC_NVIM_HOVER ("line:col", 0-based), then quits.
local out = os.getenv("POLC_NVIM_OUT")
vim.opt.runtimepath:prepend(os.getenv("POLC_EDITORS_VIM"))
vim.cmd("filetype plugin on")
require("polc").setup({ cmd = { os.getenv("POLC_BIN"), "lsp" } })
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("POLC_NVIM_FILE")))
local buf = vim.api.nvim_get_current_buf()
vim.wait(20000, function() return #vim.lsp.get_active_clients() > 0 end, 50)
local client = vim.lsp.get_active_clients()[1]
if not client then
  vim.fn.writefile({ "FAIL: no LSP client attached (filetype " .. vim.bo.filetype .. ")" }, out)
  vim.cmd("qall!")
end
client = client.id
local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local lines = {}
if not got then
  table.insert(lines, "TIMEOUT: no diagnostics")
end
local diags = vim.diagnostic.get(buf)
table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
for _, d in ipairs(diags) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  table.insert(lines, string.format("%d:%d %d %s %s", d.lnum + 1, d.col + 1, d.severity, code,
    vim.split(d.message, "\n")[1]))
end
local hover_at = os.getenv("POLC_NVIM_HOVER")
if hover_at then
  local l, c = hover_at:match("(%d+):(%d+)")
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = tonumber(l), character = tonumber(c) } }
  local res = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 10000)
  local text = "no hover"
  for _, r in pairs(res or {}) do
    if r.result and r.result.contents then text = r.result.contents.value end
  end
  table.insert(lines, "hover: " .. (vim.split(text, "\n")[2] or text))
end
vim.fn.writefile(lines, out)
vim.lsp.stop_client(client)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
vim.cmd("qall!")
