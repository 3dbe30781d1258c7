-- Neovim (0.7+) driver for server/test/editors.test.ts. Run as
--   WINSOCK_LINT_PLAN=<plan.json> nvim --headless -i NONE -n -u nvim-driver.lua <fixture>
-- It starts the real server with vim.lsp.start_client, attaches it to the fixture's buffer, waits for the
-- diagnostics of the buffer's current version, applies one quick fix (plan.mode "direct": a
-- textDocument/codeAction request and vim.lsp.util.apply_workspace_edit; "ui-select": the user path
-- vim.lsp.buf.code_action() with vim.ui.select answered here; "rebuilt": the request 0.7's code_action builds,
-- its diagnostics rebuilt from vim.diagnostic's store by Neovim's own get_line_diagnostics (byte columns sent
-- as characters) and without `data`, as clients that do not echo it send them, and the cursor as the range),
-- writes the file, waits for the diagnostics
-- of the new version and writes everything it saw to plan.result as JSON. The Node test judges it.
-- Waiting is polling with one generous deadline (plan.timeout_ms) as a guard, never a fixed sleep.
-- (Not vim.lsp.start: Neovim 0.7 does not have it.)

local plan_path = os.getenv('WINSOCK_LINT_PLAN')
local function read_file(path)
  local f = assert(io.open(path, 'rb'))
  local s = f:read('*a')
  f:close()
  return s
end
local plan = vim.json.decode(read_file(plan_path))
local deadline = vim.loop.now() + (plan.timeout_ms or 60000)
local out = { ok = false, steps = {} }

local function step(name)
  table.insert(out.steps, name)
end

local function wait(what, predicate)
  local remaining = deadline - vim.loop.now()
  if remaining <= 0 or not vim.wait(remaining, predicate, 20) then
    error('timed out waiting for ' .. what)
  end
end

-- Remember which document version each publishDiagnostics was for.
local published = {}
local original_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  local value = original_publish(err, result, ctx, config)
  if result and result.uri then
    published[vim.uri_to_bufnr(result.uri)] = result.version == nil and -1 or result.version
  end
  return value
end

local function diagnostics_of(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(list, {
      code = d.code or lsp.code,
      source = d.source,
      message = d.message,
      severity = d.severity,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    })
  end
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  return list
end

local function current_version(bufnr)
  return vim.lsp.util.buf_versions[bufnr]
end

local function wait_for_current_diagnostics(bufnr, what)
  wait(what, function()
    return published[bufnr] ~= nil and published[bufnr] == current_version(bufnr)
  end)
end

-- The LSP form of a vim.diagnostic entry, with its range converted back to the client's encoding.
local function to_lsp(bufnr, d, encoding)
  local lsp = vim.deepcopy((d.user_data and d.user_data.lsp) or {})
  local function position(row, col)
    return { line = row, character = vim.lsp.util.character_offset(bufnr, row, col, encoding) }
  end
  lsp.range = { start = position(d.lnum, d.col), ['end'] = position(d.end_lnum, d.end_col) }
  lsp.message = d.message
  lsp.source = d.source
  lsp.code = d.code
  lsp.severity = d.severity
  return lsp
end

-- What Neovim 0.7's vim.lsp.buf.code_action() sends for the cursor's line, minus `data` (0.7 keeps it in
-- user_data.lsp when it stored the diagnostic itself; other clients and stores do not). Neovim's own
-- rebuild where it still has one (0.7–0.10), the same fields spelled out otherwise.
local function rebuilt_line_diagnostics(bufnr, lnum)
  local list
  local get_line = vim.lsp.diagnostic and vim.lsp.diagnostic.get_line_diagnostics
  if get_line then
    list = get_line(bufnr, lnum)
  else
    list = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = lnum })) do
      table.insert(list, {
        range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
        severity = d.severity,
        message = d.message,
        source = d.source,
        code = d.code,
      })
    end
  end
  out.rebuilt_had_data = false
  for _, d in ipairs(list) do
    if d.data ~= nil then out.rebuilt_had_data = true end
    d.data = nil
  end
  return list
end

local function main()
  local bufnr = vim.api.nvim_get_current_buf()
  local root = plan.root
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  local offset_encoding = nil
  if plan.encoding == 'utf-8' then
    -- What Neovim 0.10+ sends by default; 0.7 needs it spelled out (and offset_encoding to match).
    capabilities.general = capabilities.general or {}
    capabilities.general.positionEncodings = { 'utf-8', 'utf-16' }
    offset_encoding = 'utf-8'
  end
  local initialized = false
  local client_id = vim.lsp.start_client({
    name = 'winsock-lint',
    cmd = plan.server,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'fixture' } },
    capabilities = capabilities,
    offset_encoding = offset_encoding,
    flags = { debounce_text_changes = 0 },
    on_init = function()
      initialized = true
    end,
  })
  if not client_id then error('start_client failed') end
  step('started')
  vim.lsp.buf_attach_client(bufnr, client_id)
  wait('initialize', function() return initialized end)
  local client = vim.lsp.get_client_by_id(client_id)
  out.client_offset_encoding = client.offset_encoding
  out.server_position_encoding = (client.server_capabilities or {}).positionEncoding
    or (client.resolved_capabilities and client.resolved_capabilities.positionEncoding) or vim.NIL
  step('initialized')

  wait_for_current_diagnostics(bufnr, 'the first diagnostics')
  out.before = diagnostics_of(bufnr)
  out.version_before = current_version(bufnr)
  step('diagnostics')

  local target
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == plan.target.code and d.lnum == plan.target.line and d.col == plan.target.col then
      target = d
    end
  end
  if not target then error('no ' .. plan.target.code .. ' diagnostic at ' .. plan.target.line .. ':' .. plan.target.col) end

  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  if plan.mode == 'direct' or plan.mode == 'rebuilt' then
    local params
    if plan.mode == 'direct' then
      local diagnostic = to_lsp(bufnr, target, client.offset_encoding)
      params = {
        textDocument = { uri = vim.uri_from_bufnr(bufnr) },
        range = diagnostic.range,
        context = { diagnostics = { diagnostic }, only = { 'quickfix' } },
      }
    else
      vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
      params = vim.lsp.util.make_range_params(0, client.offset_encoding)
      params.context = { diagnostics = rebuilt_line_diagnostics(bufnr, target.lnum), only = { 'quickfix' } }
      out.sent_diagnostics = params.context.diagnostics
    end
    local remaining = deadline - vim.loop.now()
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, remaining)
    local response = responses and responses[client_id]
    if not response or response.err then error('codeAction failed: ' .. vim.inspect(response)) end
    out.actions = {}
    local chosen
    for _, action in ipairs(response.result or {}) do
      table.insert(out.actions, { title = action.title, kind = action.kind or vim.NIL, preferred = action.isPreferred == true })
      if action.title == plan.target.title and action.kind == 'quickfix' and not chosen then chosen = action end
    end
    if not chosen then error('no quick fix titled ' .. plan.target.title) end
    out.applied = chosen.title
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  else
    vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
    local answered = false
    vim.ui.select = function(items, opts, on_choice)
      out.actions = {}
      local choice
      for _, item in ipairs(items) do
        local action = item[2]
        local title = opts.format_item and opts.format_item(item) or action.title
        table.insert(out.actions, { title = title, kind = action.kind or vim.NIL, preferred = action.isPreferred == true })
        if action.title == plan.target.title and not choice then choice = item end
      end
      answered = true
      out.applied = choice and choice[2].title or vim.NIL
      on_choice(choice, choice and 1 or nil)
    end
    vim.lsp.buf.code_action()
    wait('vim.ui.select', function() return answered end)
    if out.applied == vim.NIL then error('vim.ui.select was not offered ' .. plan.target.title) end
  end
  wait('the edit', function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick end)
  step('fixed')
  vim.cmd('silent write')
  step('written')

  wait_for_current_diagnostics(bufnr, 'the diagnostics after the fix')
  out.after = diagnostics_of(bufnr)
  out.version_after = current_version(bufnr)
  out.ok = true
  client.stop()
  wait('the server to exit', function() return client.is_stopped() end)
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(main)
    if not ok then out.error = tostring(err) end
    local f = assert(io.open(plan.result, 'wb'))
    f:write(vim.json.encode(out))
    f:close()
    vim.cmd(ok and 'qall!' or 'cquit!')
  end,
})
