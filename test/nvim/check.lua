-- Specgate through Neovim's own LSP client (Neovim 0.7+: vim.lsp.start_client + buf_attach_client), headless.
-- Run by scripts/nvim-run.sh in a temporary git repository whose openapi.yaml is committed and then edited
-- (request maxLength 255 -> 100). Prints PASS/FAIL per check; the script prints the closing line.
local server = assert(os.getenv('LS_CMD'), 'set LS_CMD to the server command')
local function out(s) io.stdout:write(s .. '\n') end
local failures = 0
local function check(name, fn)
  local ok, err = xpcall(fn, debug.traceback)
  if ok then out('PASS ' .. name) else failures = failures + 1; out('FAIL ' .. name .. ': ' .. tostring(err)) end
  return ok
end
local function code_of(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end
local function line_of(bufnr, needle)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do if l:find(needle, 1, true) then return i - 1 end end
  error('"' .. needle .. '" not in the buffer')
end
local function find_diag(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do if code_of(d) == code then return d end end
end
local function to_lsp(d)
  return { message = d.message, source = d.source, severity = d.severity, code = code_of(d),
    data = d.user_data and d.user_data.lsp and d.user_data.lsp.data,
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } } }
end

local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'yaml'
local baseline
local client_id = vim.lsp.start_client({
  name = 'specgate',
  cmd = vim.split(server, ' '),
  root_dir = vim.fn.getcwd(),
  init_options = { trusted = true },
  handlers = { ['specgate/baseline'] = function(_, params) baseline = params end },
})
local client

check('server starts and attaches', function()
  assert(client_id, 'server did not start')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  client = vim.lsp.get_client_by_id(client_id)
  assert(vim.wait(15000, function() return client.initialized end, 50), 'not initialized within 15s')
end)

check('diagnostics: style finding and breaking-change hint', function()
  assert(vim.wait(20000, function()
    return find_diag(bufnr, 'specgate-property-casing') ~= nil and find_diag(bufnr, 'request-property-max-length-decreased') ~= nil
  end, 50), 'diagnostics missing; got ' .. vim.inspect(vim.tbl_map(function(d) return code_of(d) end, vim.diagnostic.get(bufnr))))
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    out(string.format('  DIAG %d:%d [%s] %s', d.lnum + 1, d.col + 1, tostring(code_of(d)), d.message))
  end
  assert(find_diag(bufnr, 'specgate-property-casing').lnum == line_of(bufnr, 'delivery_note:'))
  assert(find_diag(bufnr, 'request-property-max-length-decreased').lnum == line_of(bufnr, 'maxLength: 100'))
end)

check('custom notification specgate/baseline reaches the client', function()
  assert(vim.wait(5000, function() return baseline ~= nil end, 50), 'no specgate/baseline notification')
  assert(baseline.state == 'ok' and baseline.ref == 'HEAD', vim.inspect(baseline))
  assert(baseline.breaking >= 1, vim.inspect(baseline))
end)

local uri = vim.uri_from_bufnr(bufnr)
check('breaking-change hover says before -> after', function()
  local line = line_of(bufnr, 'maxLength: 100')
  local col = #vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]:match('^%s*') + 2
  local hover = client.request_sync('textDocument/hover', { textDocument = { uri = uri }, position = { line = line, character = col } }, 5000, bufnr)
  assert(hover and hover.result, 'no hover: ' .. vim.inspect(hover))
  local text = hover.result.contents.value
  out('  HOVER ' .. text:gsub('\n.*', '') )
  assert(text:find('Before → after', 1, true), text)
  assert(text:find('`255` → `100`', 1, true), text)
  assert(text:find('request-property-max-length-decreased', 1, true), text)
end)

check('naming quick fix applied through the client', function()
  local d = assert(find_diag(bufnr, 'specgate-property-casing'), 'no casing diagnostic')
  local lsp_d = to_lsp(d)
  local ca = client.request_sync('textDocument/codeAction', { textDocument = { uri = uri }, range = lsp_d.range,
    context = { diagnostics = { lsp_d }, only = { 'quickfix' } } }, 5000, bufnr)
  assert(ca and ca.result, 'no code actions: ' .. vim.inspect(ca))
  local fix
  for _, a in ipairs(ca.result) do
    out('  ACTION ' .. a.title)
    if not fix and a.title:find('deliveryNote', 1, true) and a.title:find('^Rename') then fix = a end
  end
  assert(fix, 'no rename quick fix')
  -- Naming fixes come lazily (codeAction/resolve computes the workspace edit), as Neovim's own UI resolves them.
  if not fix.edit then
    local resolved = client.request_sync('codeAction/resolve', fix, 5000, bufnr)
    assert(resolved and resolved.result and resolved.result.edit, 'codeAction/resolve gave no edit: ' .. vim.inspect(resolved))
    fix = resolved.result
  end
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16')
  if fix.command then client.request_sync('workspace/executeCommand', fix.command, 5000, bufnr) end
  local line = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)[line_of(bufnr, 'deliveryNote:') + 1]
  assert(line == '        deliveryNote:', 'renamed line is "' .. tostring(line) .. '"')
  assert(vim.wait(10000, function() return find_diag(bufnr, 'specgate-property-casing') == nil end, 50), 'casing diagnostic not cleared after the fix')
end)

pcall(vim.lsp.stop_client, client_id)
out(string.format('NVIM CHECKS DONE failures=%d', failures))
if failures == 0 then vim.cmd('qall!') else vim.cmd('cquit 1') end
