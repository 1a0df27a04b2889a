/*
 * The console's screens: tables (list, describe, create, delete), items (scan or query a table or
 * an index page by page, with filters; view as a table grouped by entity type, plain or typed
 * JSON; put, edit, delete) and item collections (every item under one partition key, in sort-key
 * order). Every read is one page of DynamoDB's own pagination (ExclusiveStartKey): nothing loads a
 * whole table.
 */
(function () {
  'use strict';

  const { call, auth, plainItem, plainValue, typedItem, typedProblems } = window.Dynamo;
  const ENTITY_TYPE = 'entity_type';
  const MAX_COLUMNS = 12;

  const $ = (id) => document.getElementById(id);

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === 'text') node.textContent = value;
      else if (name === 'className') node.className = value;
      else if (name.startsWith('data-') || name.startsWith('aria-') || name === 'title' || name === 'type') node.setAttribute(name, value);
      else node[name] = value;
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  const state = {
    table: null, // DescribeTable's Table
    ttl: null,
    read: null, // { request, pages: [startKey...], page, items, collection }
    editing: null, // the typed item being edited, or null for a new one
  };

  // ---- status and errors ------------------------------------------------------------------------

  function say(text) {
    $('status').textContent = text;
  }

  function showErrors(list, problems) {
    list.replaceChildren(...problems.map((p) => element('li', { text: String(p) })));
  }

  // ---- signing in -------------------------------------------------------------------------------

  async function enter() {
    try {
      await loadTables();
    } catch (e) {
      if (e.authentication) {
        showSignIn(auth.current.anonymous ? '' : e.toString());
        return;
      }
      say('Cannot reach the server: ' + e);
      return;
    }
    $('sign-in').hidden = true;
    $('workspace').hidden = false;
    const key = auth.current;
    $('who').textContent = key.anonymous ? 'no sign-in needed' : 'signed in as ' + key.accessKeyId;
    $('sign-out').hidden = key.anonymous;
    const wanted = decodeURIComponent(location.hash.slice(1));
    if (wanted) {
      await openTable(wanted);
    }
  }

  function showSignIn(error) {
    $('workspace').hidden = true;
    $('sign-in').hidden = false;
    $('sign-out').hidden = true;
    $('who').textContent = '';
    $('signing').textContent = 'Signing with ' + window.Sigv4.signing + '.';
    $('sign-in-error').textContent = error;
    $('access-key-id').focus();
  }

  async function signIn(event) {
    event.preventDefault();
    auth.use($('access-key-id').value.trim(), $('secret-access-key').value);
    $('sign-in-error').textContent = '';
    try {
      await loadTables();
    } catch (e) {
      auth.forget();
      $('sign-in-error').textContent = e.authentication
        ? 'The server refused this key: ' + e
        : 'Cannot reach the server: ' + e;
      return;
    }
    $('secret-access-key').value = '';
    await enter();
  }

  // ---- tables -----------------------------------------------------------------------------------

  async function loadTables() {
    const names = [];
    let start;
    do {
      const page = await call('ListTables', start ? { ExclusiveStartTableName: start } : {});
      names.push(...page.TableNames);
      start = page.LastEvaluatedTableName;
    } while (start);
    const list = $('table-list');
    list.replaceChildren(...names.map((name) => element('li', {},
      element('button', {
        type: 'button', className: 'table-link', text: name, 'data-table': name,
        onclick: () => openTable(name),
      }))));
    if (names.length === 0) {
      list.append(element('li', { className: 'muted', text: 'No tables yet.' }));
    }
    markCurrentTable();
    document.body.dataset.tableListsShown = String(Number(document.body.dataset.tableListsShown || 0) + 1);
    return names;
  }

  function markCurrentTable() {
    for (const button of document.querySelectorAll('.table-link')) {
      const current = state.table && button.dataset.table === state.table.TableName;
      if (current) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }

  async function openTable(name) {
    say('Loading ' + name + '…');
    let description;
    try {
      description = (await call('DescribeTable', { TableName: name })).Table;
    } catch (e) {
      say(String(e));
      return;
    }
    state.table = description;
    state.ttl = null;
    try {
      state.ttl = (await call('DescribeTimeToLive', { TableName: name })).TimeToLiveDescription;
    } catch (e) {
      // a server without time to live: the overview says unknown
    }
    history.replaceState(null, '', '#' + encodeURIComponent(name));
    markCurrentTable();
    $('no-table').hidden = true;
    $('table-view').hidden = false;
    $('table-name').textContent = name;
    renderOverview();
    prepareReadForm();
    showTab('items');
    say('');
    await runRead();
  }

  function showTab(which) {
    $('items-panel').hidden = which !== 'items';
    $('overview-panel').hidden = which !== 'overview';
    $('tab-items').setAttribute('aria-selected', String(which === 'items'));
    $('tab-overview').setAttribute('aria-selected', String(which === 'overview'));
  }

  function keyText(schema) {
    const types = attributeTypes();
    return (role) => {
      const key = (schema || []).find((k) => k.KeyType === role);
      return key ? key.AttributeName + ' (' + (types[key.AttributeName] || '?') + ')' : '—';
    };
  }

  function attributeTypes() {
    const types = {};
    for (const definition of state.table.AttributeDefinitions || []) {
      types[definition.AttributeName] = definition.AttributeType;
    }
    return types;
  }

  function bytes(size) {
    if (size === undefined) return '—';
    if (size < 1024) return size + ' B';
    if (size < 1024 * 1024) return (size / 1024).toFixed(1) + ' KiB';
    return (size / 1024 / 1024).toFixed(1) + ' MiB';
  }

  function renderOverview() {
    const t = state.table;
    const key = keyText(t.KeySchema);
    const billing = t.BillingModeSummary && t.BillingModeSummary.BillingMode === 'PAY_PER_REQUEST'
      ? 'on demand (PAY_PER_REQUEST)'
      : 'provisioned: ' + (t.ProvisionedThroughput || {}).ReadCapacityUnits + ' read, '
        + (t.ProvisionedThroughput || {}).WriteCapacityUnits + ' write units';
    const ttl = state.ttl
      ? state.ttl.TimeToLiveStatus + (state.ttl.AttributeName ? ' on ' + state.ttl.AttributeName : '')
      : 'unknown';
    const stream = t.StreamSpecification && t.StreamSpecification.StreamEnabled
      ? 'on (' + t.StreamSpecification.StreamViewType + ')'
      : 'off';
    const facts = [
      ['Status', t.TableStatus], ['Partition key', key('HASH')], ['Sort key', key('RANGE')],
      ['Items', String(t.ItemCount)], ['Size', bytes(t.TableSizeBytes)], ['Billing', billing],
      ['Time to live', ttl], ['Stream', stream],
      ['Created', t.CreationDateTime ? new Date(t.CreationDateTime * 1000).toISOString() : '—'],
      ['ARN', t.TableArn || '—'],
    ];
    $('table-facts').replaceChildren(...facts.flatMap(([name, value]) => [
      element('dt', { text: name }), element('dd', { text: value, 'data-fact': name })]));
    const indexes = indexList();
    const head = element('tr', {}, ...['Index', 'Kind', 'Partition key', 'Sort key', 'Projection', 'Items', 'Size', 'Status']
      .map((h) => element('th', { text: h })));
    const rows = indexes.map((index) => {
      const indexKey = keyText(index.KeySchema);
      const projection = index.Projection || {};
      return element('tr', {},
        ...[index.IndexName, index.kind, indexKey('HASH'), indexKey('RANGE'),
          projection.ProjectionType + (projection.NonKeyAttributes ? ' ' + projection.NonKeyAttributes.join(', ') : ''),
          String(index.ItemCount), bytes(index.IndexSizeBytes), index.IndexStatus || 'ACTIVE']
          .map((v) => element('td', { text: v })));
    });
    $('index-table').replaceChildren(element('thead', {}, head),
      element('tbody', {}, ...(rows.length ? rows : [element('tr', {}, element('td', { text: 'No indexes.', colSpan: 8 }))])));
  }

  function indexList() {
    const t = state.table;
    return [
      ...(t.GlobalSecondaryIndexes || []).map((i) => Object.assign({ kind: 'global' }, i)),
      ...(t.LocalSecondaryIndexes || []).map((i) => Object.assign({ kind: 'local' }, i)),
    ];
  }

  async function deleteTable() {
    const name = state.table.TableName;
    const confirmed = await confirmAction({
      title: 'Delete table ' + name + '?',
      message: 'This deletes the table and every item in it. It cannot be undone.',
      expected: name,
      action: 'Delete table',
    });
    if (!confirmed) return;
    try {
      await call('DeleteTable', { TableName: name });
    } catch (e) {
      say(String(e));
      return;
    }
    state.table = null;
    history.replaceState(null, '', '#');
    $('table-view').hidden = true;
    $('no-table').hidden = false;
    await loadTables();
    say('Deleted table ' + name + '.');
  }

  // ---- create table -----------------------------------------------------------------------------

  function typeSelect(className) {
    return element('select', { className, 'aria-label': 'type' },
      ...['S', 'N', 'B'].map((t) => element('option', { value: t, text: t })));
  }

  function indexRow(kind) {
    const remove = element('button', { type: 'button', text: 'Remove' });
    const row = element('div', { className: 'row index-row' },
      element('label', {}, 'Name ', element('input', { className: 'ix-name', required: true, spellcheck: false })),
      kind === 'global'
        ? element('label', {}, 'Partition key ', element('input', { className: 'ix-pk', required: true, spellcheck: false }))
        : null,
      kind === 'global' ? typeSelect('ix-pk-type') : null,
      element('label', {}, 'Sort key ', element('input', {
        className: 'ix-sk', required: kind === 'local', spellcheck: false, placeholder: kind === 'local' ? '' : '(none)',
      })),
      typeSelect('ix-sk-type'),
      element('label', {}, 'Projection ', element('select', { className: 'ix-projection' },
        ...['ALL', 'KEYS_ONLY'].map((t) => element('option', { value: t, text: t })))),
      remove);
    remove.onclick = () => row.remove();
    return row;
  }

  function openCreateTable() {
    const form = $('table-form');
    form.reset();
    $('ct-gsis').replaceChildren();
    $('ct-lsis').replaceChildren();
    $('ct-error').replaceChildren();
    billingChanged();
    $('table-dialog').showModal();
    $('ct-name').focus();
  }

  function billingChanged() {
    const provisioned = $('ct-billing').value === 'PROVISIONED';
    $('ct-rcu').disabled = !provisioned;
    $('ct-wcu').disabled = !provisioned;
  }

  /** The CreateTable request the form describes, or the list of what is wrong with it. */
  function createTableRequest() {
    const problems = [];
    const definitions = new Map();
    const define = (name, type, where) => {
      if (definitions.has(name) && definitions.get(name) !== type) {
        problems.push(where + ': attribute ' + name + ' is already a key of type ' + definitions.get(name)
          + '; a key attribute has one type in every index');
      }
      definitions.set(name, type);
    };
    const keySchema = (pk, sk) => [{ AttributeName: pk, KeyType: 'HASH' },
      ...(sk ? [{ AttributeName: sk, KeyType: 'RANGE' }] : [])];
    const pk = $('ct-pk').value.trim();
    const sk = $('ct-sk').value.trim();
    define(pk, $('ct-pk-type').value, 'table');
    if (sk) define(sk, $('ct-sk-type').value, 'table');
    const provisioned = $('ct-billing').value === 'PROVISIONED';
    const throughput = { ReadCapacityUnits: Number($('ct-rcu').value), WriteCapacityUnits: Number($('ct-wcu').value) };
    const request = { TableName: $('ct-name').value.trim(), KeySchema: keySchema(pk, sk), BillingMode: $('ct-billing').value };
    if (provisioned) request.ProvisionedThroughput = throughput;
    const gsis = [...document.querySelectorAll('#ct-gsis .index-row')].map((row) => {
      const name = row.querySelector('.ix-name').value.trim();
      const ipk = row.querySelector('.ix-pk').value.trim();
      const isk = row.querySelector('.ix-sk').value.trim();
      define(ipk, row.querySelector('.ix-pk-type').value, 'index ' + name);
      if (isk) define(isk, row.querySelector('.ix-sk-type').value, 'index ' + name);
      return Object.assign({
        IndexName: name, KeySchema: keySchema(ipk, isk),
        Projection: { ProjectionType: row.querySelector('.ix-projection').value },
      }, provisioned ? { ProvisionedThroughput: throughput } : {});
    });
    const lsis = [...document.querySelectorAll('#ct-lsis .index-row')].map((row) => {
      const name = row.querySelector('.ix-name').value.trim();
      const isk = row.querySelector('.ix-sk').value.trim();
      define(isk, row.querySelector('.ix-sk-type').value, 'index ' + name);
      return { IndexName: name, KeySchema: keySchema(pk, isk), Projection: { ProjectionType: row.querySelector('.ix-projection').value } };
    });
    if (lsis.length && !sk) problems.push('a local secondary index needs a table with a sort key');
    if (gsis.length) request.GlobalSecondaryIndexes = gsis;
    if (lsis.length) request.LocalSecondaryIndexes = lsis;
    request.AttributeDefinitions = [...definitions].map(([name, type]) => ({ AttributeName: name, AttributeType: type }));
    return { request, problems };
  }

  async function createTable(event) {
    event.preventDefault();
    const { request, problems } = createTableRequest();
    if (problems.length) {
      showErrors($('ct-error'), problems);
      return;
    }
    try {
      await call('CreateTable', request);
    } catch (e) {
      showErrors($('ct-error'), [String(e)]);
      return;
    }
    $('table-dialog').close();
    await loadTables();
    await openTable(request.TableName);
    say('Created table ' + request.TableName + '.');
  }

  // ---- reading items ----------------------------------------------------------------------------

  /** The key schema of what is read: the table's, or the chosen index's. */
  function sourceKeys() {
    const indexName = $('read-index').value;
    const schema = indexName ? indexList().find((i) => i.IndexName === indexName).KeySchema : state.table.KeySchema;
    const name = (role) => (schema.find((k) => k.KeyType === role) || {}).AttributeName;
    return { pk: name('HASH'), sk: name('RANGE') };
  }

  function tableKeys() {
    const name = (role) => (state.table.KeySchema.find((k) => k.KeyType === role) || {}).AttributeName;
    return { pk: name('HASH'), sk: name('RANGE') };
  }

  function prepareReadForm() {
    const select = $('read-index');
    select.replaceChildren(element('option', { value: '', text: 'table ' + state.table.TableName }),
      ...indexList().map((i) => element('option', { value: i.IndexName, text: i.kind + ' index ' + i.IndexName })));
    $('read-mode').value = 'scan';
    $('query-pk').value = '';
    $('query-sk-op').value = '';
    $('query-sk').value = '';
    $('query-sk2').value = '';
    $('query-desc').checked = false;
    $('filters').replaceChildren(filterRow());
    readModeChanged();
  }

  function readModeChanged() {
    const query = $('read-mode').value === 'query';
    $('key-fields').hidden = !query;
    const keys = sourceKeys();
    $('pk-label').textContent = (keys.pk || 'Partition key') + ' =';
    $('sk-label').textContent = keys.sk ? keys.sk : 'Sort key (none)';
    $('query-sk-op').disabled = !keys.sk;
    skOperatorChanged();
  }

  function skOperatorChanged() {
    const op = $('query-sk-op').value;
    $('query-sk').hidden = !op || $('query-sk-op').disabled;
    $('query-sk2').hidden = op !== 'between';
  }

  const FILTER_OPS = [['=', '='], ['<>', '≠'], ['<', '<'], ['<=', '<='], ['>', '>'], ['>=', '>='],
    ['begins_with', 'begins with'], ['contains', 'contains'], ['exists', 'exists'], ['not_exists', 'does not exist']];

  function filterRow() {
    const remove = element('button', { type: 'button', className: 'f-remove', text: 'Remove', 'aria-label': 'Remove this condition' });
    const row = element('div', { className: 'row filter-row' },
      element('input', { className: 'f-attr', 'aria-label': 'Filter attribute', placeholder: 'attribute', spellcheck: false }),
      element('select', { className: 'f-op', 'aria-label': 'Filter comparison' },
        ...FILTER_OPS.map(([value, text]) => element('option', { value, text }))),
      element('input', { className: 'f-value', 'aria-label': 'Filter value', placeholder: 'value', spellcheck: false }),
      element('select', { className: 'f-type', 'aria-label': 'Filter value type' },
        ...['S', 'N', 'BOOL', 'NULL'].map((t) => element('option', { value: t, text: t }))),
      remove);
    remove.onclick = () => row.remove();
    return row;
  }

  function typed(text, type) {
    if (type === 'N') return { N: text.trim() };
    if (type === 'B') return { B: text.trim() };
    if (type === 'BOOL') return { BOOL: text.trim().toLowerCase() === 'true' };
    if (type === 'NULL') return { NULL: true };
    return { S: text };
  }

  /** The Query or Scan request the form describes (without its start key and page size). */
  function readRequest() {
    const request = { TableName: state.table.TableName };
    const names = {};
    const values = {};
    const indexName = $('read-index').value;
    if (indexName) request.IndexName = indexName;
    if ($('read-mode').value === 'query') {
      const keys = sourceKeys();
      const types = attributeTypes();
      names['#pk'] = keys.pk;
      values[':pk'] = typed($('query-pk').value, types[keys.pk]);
      let condition = '#pk = :pk';
      const op = keys.sk ? $('query-sk-op').value : '';
      if (op) {
        names['#sk'] = keys.sk;
        values[':sk'] = typed($('query-sk').value, types[keys.sk]);
        if (op === 'between') {
          values[':sk2'] = typed($('query-sk2').value, types[keys.sk]);
          condition += ' AND #sk BETWEEN :sk AND :sk2';
        } else if (op === 'begins_with') {
          condition += ' AND begins_with(#sk, :sk)';
        } else {
          condition += ' AND #sk ' + op + ' :sk';
        }
      }
      request.KeyConditionExpression = condition;
      request.ScanIndexForward = !$('query-desc').checked;
    }
    const conditions = [];
    document.querySelectorAll('#filters .filter-row').forEach((row, i) => {
      const attribute = row.querySelector('.f-attr').value.trim();
      if (!attribute) return;
      const op = row.querySelector('.f-op').value;
      const name = '#f' + i;
      const value = ':f' + i;
      names[name] = attribute;
      if (op === 'exists' || op === 'not_exists') {
        conditions.push('attribute_' + op + '(' + name + ')');
        return;
      }
      values[value] = typed(row.querySelector('.f-value').value, row.querySelector('.f-type').value);
      conditions.push(op === 'begins_with' || op === 'contains'
        ? op + '(' + name + ', ' + value + ')'
        : name + ' ' + op + ' ' + value);
    });
    if (conditions.length) request.FilterExpression = conditions.join(' AND ');
    if (Object.keys(names).length) request.ExpressionAttributeNames = names;
    if (Object.keys(values).length) request.ExpressionAttributeValues = values;
    return request;
  }

  async function runRead(event, collection) {
    if (event) event.preventDefault();
    state.read = { request: readRequest(), pages: [undefined], page: 0, items: [], collection: collection || null };
    await readPage(0);
  }

  async function readPage(page) {
    const read = state.read;
    const request = Object.assign({}, read.request, { Limit: Number($('page-size').value) });
    if (read.pages[page]) request.ExclusiveStartKey = read.pages[page];
    $('read-error').textContent = '';
    const started = performance.now();
    let answer;
    try {
      answer = await call(request.KeyConditionExpression ? 'Query' : 'Scan', request);
    } catch (e) {
      $('read-error').textContent = String(e);
      return;
    }
    read.page = page;
    read.items = answer.Items || [];
    read.pages[page + 1] = answer.LastEvaluatedKey;
    read.pages.length = page + 2;
    renderItems();
    const more = Boolean(answer.LastEvaluatedKey);
    $('prev-page').disabled = page === 0;
    $('next-page').disabled = !more;
    $('page-info').textContent = 'Page ' + (page + 1) + ': ' + read.items.length + ' item(s)'
      + (answer.ScannedCount !== answer.Count ? ', ' + answer.ScannedCount + ' read' : '')
      + (more ? '; more follow' : '; end') + ' (' + Math.round(performance.now() - started) + ' ms)';
    // Counts the pages shown, so that a test (or a user script) can wait for the next one.
    document.body.dataset.pagesShown = String(Number(document.body.dataset.pagesShown || 0) + 1);
  }

  // ---- showing items ----------------------------------------------------------------------------

  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  function escape(text) {
    return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
  }

  /** One cell as HTML (a page of rows is written as one string: far faster than a node at a time). */
  function cell(value) {
    if (value === undefined) return '<td class="absent"></td>';
    const type = Object.keys(value)[0];
    const plain = plainValue(value);
    const full = typeof plain === 'object' && plain !== null ? JSON.stringify(plain) : String(plain);
    const text = full.length > 80 ? full.slice(0, 79) + '…' : full;
    return '<td class="t-' + type + '" title="' + escape(type + ': ' + full) + '">' + escape(text) + '</td>';
  }

  function columnsOf(items, first) {
    const columns = [...new Set(first.filter(Boolean))];
    const seen = new Set(columns);
    for (const item of items) {
      for (const name of Object.keys(item)) {
        if (!seen.has(name)) {
          seen.add(name);
          columns.push(name);
        }
      }
    }
    return columns;
  }

  /** A table of `rows` ([position in the page, item]); its buttons are handled by one listener on #results. */
  function itemTable(rows, showType) {
    const keys = tableKeys();
    const index = sourceKeys();
    const all = columnsOf(rows.map((r) => r[1]), [keys.pk, keys.sk, index.pk, index.sk]).filter((c) => c !== ENTITY_TYPE);
    const columns = all.slice(0, MAX_COLUMNS);
    const hidden = all.length - columns.length;
    const head = '<tr><th></th>' + (showType ? '<th>' + ENTITY_TYPE + '</th>' : '')
      + columns.map((c) => '<th>' + escape(c) + '</th>').join('')
      + (hidden ? '<th>+' + hidden + ' more (open an item)</th>' : '') + '</tr>';
    const body = [];
    for (const [position, item] of rows) {
      const partition = 'Every item of ' + keys.pk + ' = ' + plainValue(item[keys.pk]) + ', in sort-key order';
      body.push('<tr class="item-row" data-key="' + escape(JSON.stringify(plainItem(keyOf(item)))) + '">'
        + '<td class="actions"><button type="button" class="edit-item" data-row="' + position + '">Edit</button>'
        + '<button type="button" class="show-partition" data-row="' + position + '" title="' + escape(partition)
        + '">Partition</button></td>'
        + (showType ? cell(item[ENTITY_TYPE]) : '')
        + columns.map((c) => cell(item[c])).join('')
        + (hidden ? '<td></td>' : '') + '</tr>');
    }
    const table = element('table', { className: 'grid items' });
    table.innerHTML = '<thead>' + head + '</thead><tbody>' + body.join('') + '</tbody>';
    return table;
  }

  function rowClicked(event) {
    const button = event.target.closest('button[data-row]');
    if (!button) return;
    const item = state.read.items[Number(button.dataset.row)];
    if (button.classList.contains('edit-item')) openEditor(item);
    else showPartition(item[tableKeys().pk]);
  }

  function renderItems() {
    const read = state.read;
    const items = read.items;
    const results = $('results');
    const format = $('result-format').value;
    const parts = [];
    if (read.collection) {
      const types = [...new Set(items.map((i) => (i[ENTITY_TYPE] ? plainValue(i[ENTITY_TYPE]) : '(none)')))];
      parts.push(element('p', {
        className: 'collection-caption',
        text: 'Item collection ' + tableKeys().pk + ' = ' + read.collection + ': ' + items.length
          + ' item(s) on this page, in sort-key order; entity types: ' + (types.join(', ') || 'none'),
      }));
    }
    if (items.length === 0) {
      parts.push(element('p', { className: 'muted', text: 'No items on this page.' }));
    } else if (format === 'plain' || format === 'typed') {
      const shown = format === 'plain' ? items.map(plainItem) : items;
      parts.push(element('pre', { className: 'json', id: 'results-json', text: JSON.stringify(shown, null, 2) }));
    } else if ($('group-by-type').checked && !read.collection && items.some((i) => i[ENTITY_TYPE])) {
      const groups = new Map();
      items.forEach((item, position) => {
        const type = item[ENTITY_TYPE] ? String(plainValue(item[ENTITY_TYPE])) : '(no entity_type)';
        if (!groups.has(type)) groups.set(type, []);
        groups.get(type).push([position, item]);
      });
      for (const [type, members] of groups) {
        parts.push(element('section', { className: 'entity-group', 'data-entity-type': type },
          element('h3', { text: type + ' (' + members.length + ')' }), itemTable(members, false)));
      }
    } else {
      parts.push(itemTable(items.map((item, position) => [position, item]), true));
    }
    results.replaceChildren(...parts);
  }

  function showPartition(partitionValue) {
    $('read-mode').value = 'query';
    $('read-index').value = '';
    readModeChanged();
    $('query-pk').value = String(plainValue(partitionValue));
    $('query-sk-op').value = '';
    skOperatorChanged();
    $('query-desc').checked = false;
    $('filters').replaceChildren(filterRow());
    return runRead(null, String(plainValue(partitionValue)));
  }

  // ---- editing items ----------------------------------------------------------------------------

  function keyOf(item) {
    const keys = tableKeys();
    const key = {};
    for (const name of [keys.pk, keys.sk]) {
      if (name && item[name] !== undefined) key[name] = item[name];
    }
    return key;
  }

  async function openEditor(shown) {
    let item = null;
    if (shown) {
      // A row may come from an index that projects only some attributes: edit the whole item.
      try {
        item = (await call('GetItem', { TableName: state.table.TableName, Key: keyOf(shown), ConsistentRead: true })).Item;
      } catch (e) {
        say(String(e));
        return;
      }
      if (!item) {
        say('That item no longer exists; run the read again.');
        return;
      }
    }
    state.editing = item;
    const keys = tableKeys();
    const types = attributeTypes();
    const skeleton = {};
    for (const name of [keys.pk, keys.sk]) {
      if (name) skeleton[name] = { [types[name]]: '' };
    }
    $('item-title').textContent = item ? 'Edit item' : 'New item in ' + state.table.TableName;
    $('item-format').value = 'typed';
    $('item-json').value = JSON.stringify(item || skeleton, null, 2);
    $('item-error').replaceChildren();
    $('delete-item').hidden = !item;
    $('item-dialog').showModal();
    $('item-json').focus();
  }

  /** The typed item in the editor, or throws an Error listing what is wrong. */
  function editedItem(format) {
    let parsed;
    try {
      parsed = JSON.parse($('item-json').value);
    } catch (e) {
      throw new Error('Not valid JSON: ' + e.message);
    }
    if (format === 'plain') {
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new Error('an item is a JSON object of attributes, e.g. {"pk": "USER#1"}');
      }
      return typedItem(parsed);
    }
    const problems = typedProblems(parsed);
    if (problems.length) {
      const error = new Error(problems[0]);
      error.problems = problems;
      throw error;
    }
    return parsed;
  }

  let editorFormat = 'typed';

  function switchEditorFormat() {
    const wanted = $('item-format').value;
    try {
      const item = editedItem(editorFormat);
      $('item-json').value = JSON.stringify(wanted === 'plain' ? plainItem(item) : item, null, 2);
      editorFormat = wanted;
      $('item-error').replaceChildren();
    } catch (e) {
      $('item-format').value = editorFormat;
      showErrors($('item-error'), e.problems || [e.message]);
    }
  }

  async function saveItem(event) {
    event.preventDefault();
    let item;
    try {
      item = editedItem(editorFormat);
    } catch (e) {
      showErrors($('item-error'), e.problems || [e.message]);
      return;
    }
    const table = state.table.TableName;
    const original = state.editing;
    const moved = original && JSON.stringify(keyOf(original)) !== JSON.stringify(keyOf(item));
    try {
      if (moved) {
        // A new key is a new item: write it and remove the old one in one transaction.
        await call('TransactWriteItems', {
          TransactItems: [{ Put: { TableName: table, Item: item } }, { Delete: { TableName: table, Key: keyOf(original) } }],
        });
      } else {
        await call('PutItem', { TableName: table, Item: item });
      }
    } catch (e) {
      showErrors($('item-error'), [String(e)]);
      return;
    }
    $('item-dialog').close();
    say(moved ? 'Saved the item under its new key (the old key was deleted).' : 'Saved the item.');
    await readPage(state.read ? state.read.page : 0);
  }

  async function deleteItem() {
    const original = state.editing;
    const key = keyOf(original);
    const shown = JSON.stringify(plainItem(key));
    const confirmed = await confirmAction({
      title: 'Delete this item?', message: 'Deletes the item ' + shown + ' from ' + state.table.TableName + '.',
      action: 'Delete item',
    });
    if (!confirmed) return;
    try {
      await call('DeleteItem', { TableName: state.table.TableName, Key: key });
    } catch (e) {
      showErrors($('item-error'), [String(e)]);
      return;
    }
    $('item-dialog').close();
    say('Deleted the item ' + shown + '.');
    await readPage(state.read.page);
  }

  // ---- confirmation -----------------------------------------------------------------------------

  function confirmAction({ title, message, expected, action }) {
    const dialog = $('confirm-dialog');
    $('confirm-title').textContent = title;
    $('confirm-message').textContent = message;
    $('confirm-ok').textContent = action;
    $('confirm-typed').hidden = !expected;
    $('confirm-expected').textContent = expected || '';
    $('confirm-input').value = '';
    $('confirm-ok').disabled = Boolean(expected);
    return new Promise((resolve) => {
      const form = $('confirm-form');
      $('confirm-input').oninput = () => {
        $('confirm-ok').disabled = $('confirm-input').value !== expected;
      };
      form.onsubmit = (event) => {
        event.preventDefault();
        if (expected && $('confirm-input').value !== expected) return;
        dialog.onclose = null;
        dialog.close();
        resolve(true);
      };
      dialog.onclose = () => resolve(false);
      dialog.showModal();
      (expected ? $('confirm-input') : $('confirm-ok')).focus();
    });
  }

  // ---- wiring -----------------------------------------------------------------------------------

  function start() {
    $('endpoint').textContent = location.host;
    $('sign-in-form').onsubmit = signIn;
    $('sign-out').onclick = () => {
      auth.forget();
      showSignIn('');
    };
    $('refresh-tables').onclick = () => loadTables().catch((e) => say(String(e)));
    $('new-table').onclick = openCreateTable;
    $('ct-billing').onchange = billingChanged;
    $('ct-add-gsi').onclick = () => $('ct-gsis').append(indexRow('global'));
    $('ct-add-lsi').onclick = () => $('ct-lsis').append(indexRow('local'));
    $('table-form').onsubmit = createTable;
    $('tab-items').onclick = () => showTab('items');
    $('tab-overview').onclick = () => showTab('overview');
    $('delete-table').onclick = deleteTable;
    $('read-mode').onchange = readModeChanged;
    $('read-index').onchange = readModeChanged;
    $('query-sk-op').onchange = skOperatorChanged;
    $('add-filter').onclick = () => $('filters').append(filterRow());
    $('read-form').onsubmit = (event) => runRead(event);
    $('prev-page').onclick = () => readPage(state.read.page - 1);
    $('next-page').onclick = () => readPage(state.read.page + 1);
    $('result-format').onchange = () => state.read && renderItems();
    $('group-by-type').onchange = () => state.read && renderItems();
    $('new-item').onclick = () => openEditor(null);
    $('results').addEventListener('click', rowClicked);
    $('item-form').onsubmit = saveItem;
    $('item-format').onchange = switchEditorFormat;
    $('item-dialog').addEventListener('close', () => {
      editorFormat = 'typed';
    });
    $('item-json').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        $('item-form').requestSubmit();
      }
    });
    $('delete-item').onclick = deleteItem;
    for (const button of document.querySelectorAll('.close-dialog')) {
      button.onclick = () => button.closest('dialog').close();
    }
    enter();
  }

  start();
})();
