-- Neovim (0.7 or later): `polc lsp` for every polc buffer.
--   vim.opt.runtimepath:append("/path/to/polc/editors/vim")
--   require("polc").setup()                          -- `polc` on PATH
--   require("polc").setup({ cmd = { "/opt/polc/bin/polc", "lsp", "-I", "/etc/polc" } })
-- One server per directory of policies; diagnostics appear as you type,
-- `K` hovers, <C-x><C-o> completes (omnifunc), `gd` goes to a definition
-- when mapped to vim.lsp.buf.definition, `gq`/vim.lsp.buf.formatting() formats.
local M = {}

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { "polc", "lsp" }
  local clients = {}
  local group = vim.api.nvim_create_augroup("polc_lsp", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "polc",
    callback = function(args)
      local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h")
      local id = clients[root]
      if not id or not vim.lsp.get_client_by_id(id) then
        id = vim.lsp.start_client({ name = "polc", cmd = cmd, root_dir = root })
        clients[root] = id
      end
      if id then
        vim.lsp.buf_attach_client(args.buf, id)
        vim.bo[args.buf].omnifunc = "v:lua.vim.lsp.omnifunc"
      end
    end,
  })
end

return M
