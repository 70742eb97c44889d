-- Neovim (0.7.2, Debian) as a second real LSP client of the Gongwen language server.
-- Run by test/e2e/nvim.test.ts:
--   nvim --headless --clean -u NONE -c 'luafile test/e2e/nvim/lsp.lua'
-- Environment: GONGWEN_NODE (node binary), GONGWEN_SERVER (dist/gongwen.js), GONGWEN_DRAFT (a copy of
-- test/e2e/fixtures/ws/draft.gw). Prints "ok ..." / "FAIL ..." lines; exits 0 only if all checks pass.
-- Neovim 0.7 has no vim.lsp.start: start_client + buf_attach_client. Its diagnostic columns are bytes.

local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local function say(msg) io.stdout:write(string.format('[%5d ms] %s\n', ms(), msg)) end

local failures = 0
local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then say('ok   ' .. name) else failures = failures + 1; say('FAIL ' .. name .. ': ' .. tostring(err)) end
  return ok
end
local function finish()
  say(string.format('%d failed', failures))
  io.stdout:flush()
  vim.cmd(failures == 0 and 'qall!' or 'cquit 1')
end

local node, server, draft = os.getenv('GONGWEN_NODE'), os.getenv('GONGWEN_SERVER'), os.getenv('GONGWEN_DRAFT')
assert(node and server and draft, 'GONGWEN_NODE, GONGWEN_SERVER and GONGWEN_DRAFT must be set')

local LINE_DOC_NUMBER, LINE_FOURTH_HEADING = 1, 7 -- 0-based, as in LSP and vim.diagnostic

vim.cmd('edit ' .. vim.fn.fnameescape(draft))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'gongwen'

local server_errors = {}
local client_id = vim.lsp.start_client({
  name = 'gongwen',
  cmd = { node, server, 'lsp', '--stdio' },
  root_dir = vim.fn.fnamemodify(draft, ':h'),
  on_error = function(code, err) table.insert(server_errors, tostring(code) .. ' ' .. vim.inspect(err)) end,
  on_exit = function(code, signal)
    table.insert(server_errors, string.format('server exited with code %s, signal %s (its stderr is in %s)', code, signal, vim.lsp.get_log_path()))
  end,
})
if not client_id then
  failures = 1
  say('FAIL could not start the language server: ' .. node .. ' ' .. server .. ' lsp --stdio')
  return finish()
end
vim.lsp.buf_attach_client(bufnr, client_id)

local function code_of(d)
  local lsp = d.user_data and d.user_data.lsp
  return (lsp and lsp.code) or d.code
end
local function find(code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == code then return d end
  end
end

-- Byte column -> is it the first byte of a UTF-8 character (or the end of the line)?
local function on_char_boundary(line, col)
  if col == #line then return true end
  local b = line:byte(col + 1)
  return b ~= nil and (b < 0x80 or b >= 0xC0)
end

local got = vim.wait(20000, function()
  return (find('doc-number-format') ~= nil and find('heading-sequence') ~= nil) or #server_errors > 0
end, 50) and #server_errors == 0
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  say(string.format('diagnostic line=%d col=%d-%d severity=%d source=%s code=%s: %s',
    d.lnum, d.col, d.end_col, d.severity, tostring(d.source), tostring(code_of(d)), d.message))
end

if not check('diagnostics arrive (doc-number-format and heading-sequence)', function()
  assert(got, 'none within 20 s; ' .. (#server_errors > 0 and table.concat(server_errors, '; ') or 'no server errors'))
end) and #server_errors > 0 then
  return finish() -- the server is gone; the other checks would only wait for it
end

check('doc-number-format: error on the doc number line, byte columns on the bracket', function()
  local d = assert(find('doc-number-format'), 'no doc-number-format diagnostic')
  assert(d.lnum == LINE_DOC_NUMBER, 'expected line ' .. LINE_DOC_NUMBER .. ', got ' .. d.lnum)
  assert(d.severity == vim.diagnostic.severity.ERROR, 'expected ERROR severity, got ' .. tostring(d.severity))
  assert(d.source == 'gongwen', 'expected source gongwen, got ' .. tostring(d.source))
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, true)[1]
  local end_col = (d.end_lnum == d.lnum) and d.end_col or #line
  assert(on_char_boundary(line, d.col) and on_char_boundary(line, end_col),
    string.format('columns %d-%d split a UTF-8 character of %q (UTF-16 offsets used as bytes?)', d.col, end_col, line))
  local covered = line:sub(d.col + 1, end_col)
  say('doc-number-format covers ' .. string.format('%q', covered))
  assert(covered:find('[', 1, true), 'the range does not cover the "[" bracket: ' .. covered)
end)

check('heading-sequence: warning on the 四、 line', function()
  local d = assert(find('heading-sequence'), 'no heading-sequence diagnostic')
  assert(d.lnum == LINE_FOURTH_HEADING, 'expected line ' .. LINE_FOURTH_HEADING .. ', got ' .. d.lnum)
  assert(d.severity == vim.diagnostic.severity.WARN, 'expected WARN severity, got ' .. tostring(d.severity))
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, true)[1]
  local covered = line:sub(d.col + 1, (d.end_lnum == d.lnum) and d.end_col or #line)
  say('heading-sequence covers ' .. string.format('%q', covered))
  assert(covered:find('四', 1, true), 'the range does not cover 四: ' .. covered)
end)

check('textDocument/documentSymbol: 版头 and 主体', function()
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local resp, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, 10000)
  assert(resp, 'no response: ' .. tostring(err))
  local names = {}
  for _, r in pairs(resp) do
    assert(not r.err, 'error response: ' .. vim.inspect(r.err))
    for _, s in ipairs(r.result or {}) do table.insert(names, s.name) end
  end
  say('top-level symbols: ' .. table.concat(names, ' | '))
  assert(vim.tbl_contains(names, '版头'), 'no 版头 symbol')
  assert(vim.tbl_contains(names, '主体'), 'no 主体 symbol')
end)

check('didChange: fixing the brackets clears doc-number-format', function()
  local line = vim.api.nvim_buf_get_lines(bufnr, LINE_DOC_NUMBER, LINE_DOC_NUMBER + 1, true)[1]
  local fixed = line:gsub('%[', '〔'):gsub('%]', '〕')
  vim.api.nvim_buf_set_lines(bufnr, LINE_DOC_NUMBER, LINE_DOC_NUMBER + 1, true, { fixed })
  local cleared = vim.wait(20000, function() return find('doc-number-format') == nil and find('heading-sequence') ~= nil end, 50)
  assert(cleared, 'doc-number-format still reported after the fix')
end)

vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
finish()
