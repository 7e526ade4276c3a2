// The emulator's console. Every change goes through POST /console/api, which runs the same action code and
// validation as the signed management API; the page keeps no state of its own beyond what it last read.
'use strict';

const $ = (id) => document.getElementById(id);

/** Builds an element; strings become text nodes (never HTML), so replies and names cannot inject markup. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const ICONS = {
  edit: ['M4 20h4L19 9l-4-4L4 16z', 'M13.5 6.5l4 4'],
  delete: ['M4 7h16', 'M10 7V4h4v3', 'M6 7l1 13h10l1-13', 'M10 11v6', 'M14 11v6'],
  refresh: ['M20 12a8 8 0 1 1-2.34-5.66', 'M20 4v5h-5'],
};

/** A small line icon, drawn here so that nothing is fetched and no icon font is needed. */
function icon(name) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of ICONS[name]) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** Calls one console action; resolves to {ok, status, code, message, data}. */
async function api(action, parameters) {
  let response;
  try {
    response = await fetch('api', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Action: action, Parameters: parameters || {} }),
    });
  } catch (e) {
    return { ok: false, status: 0, code: 'Unreachable', message: 'the emulator is not reachable' };
  }
  let body = {};
  try { body = await response.json(); } catch (e) { /* reported below */ }
  return { ok: response.ok, status: response.status, code: body.Code || '', message: body.Message || '',
    data: body.Data };
}

const state = {
  channels: [], countries: [], channel: null, systems: [], intents: {}, settings: null,
  revealed: {},            // business system id -> token, shown in full once
  selectedCountries: [],
  fingerprint: '',
};

// ---- messages ----

function banner(text, bad) {
  const node = $('banner');
  node.textContent = text;
  node.className = bad ? 'banner bad' : 'banner';
  node.hidden = false;
  clearTimeout(banner.timer);
  banner.timer = setTimeout(() => { node.hidden = true; }, 6000);
}

/**
 * Shows an API rejection next to the field it names: the API's messages start with the parameter's name, so the
 * page needs no validation rules of its own.
 */
function showError(reply, fields, fallbackId) {
  const name = (reply.message.match(/^([A-Za-z]+)/) || [])[1];
  const target = fields[name] || fallbackId;
  const node = $(target);
  node.textContent = reply.message || reply.code;
  node.hidden = false;
  const input = fields[name] ? document.querySelector(`[aria-describedby~="${target}"]`) : null;
  if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
}

function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((n) => { n.hidden = true; n.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
}

// ---- dialogs ----

function openDialog(dialog) {
  clearErrors(dialog);
  dialog.showModal();
}

document.querySelectorAll('dialog [data-close]').forEach((button) =>
  button.addEventListener('click', () => button.closest('dialog').close()));

function confirmAction(title, text, okLabel) {
  return new Promise((resolve) => {
    const dialog = $('confirm-dialog');
    $('confirm-title').textContent = title;
    $('confirm-text').textContent = text;
    $('confirm-ok').textContent = okLabel;
    const done = () => { dialog.removeEventListener('close', done); resolve(dialog.returnValue === 'ok'); };
    dialog.returnValue = '';
    dialog.addEventListener('close', done);
    dialog.showModal();
  });
}
$('confirm-form').addEventListener('submit', (event) => {
  event.preventDefault();
  $('confirm-dialog').close('ok');
});

// ---- loading ----

async function start() {
  const reply = await api('DescribeConsole');
  if (!reply.ok) { banner('Cannot load the console: ' + reply.message, true); return; }
  state.channels = reply.data.Channels;
  state.countries = reply.data.Countries;
  const select = $('channel');
  for (const c of state.channels) {
    select.append(el('option', { value: c.CustSpaceId }, `${c.CustSpaceId} (${typeName(c.ChannelType)})`));
  }
  const wanted = new URLSearchParams(location.search).get('channel');
  if (wanted && state.channels.some((c) => c.CustSpaceId === wanted)) select.value = wanted;
  select.addEventListener('change', () => {
    history.replaceState(null, '', '?channel=' + encodeURIComponent(select.value));
    selectChannel(select.value);
  });
  await selectChannel(select.value);
  for (const kind of ['STATUS', 'INBOUND', 'AUDIT']) $(`receipt-items-${kind}`).value = example(kind);
  pollDeliveries();
  setInterval(pollDeliveries, 1000);
  setInterval(() => { if (!document.querySelector('dialog[open]')) refresh(false); }, 3000);
}

function typeName(type) {
  return { whatsapp: 'WhatsApp', viber: 'Viber', sms: 'SMS' }[type] || type;
}

async function selectChannel(id) {
  state.channel = state.channels.find((c) => c.CustSpaceId === id);
  state.revealed = {};
  $('channel-summary').textContent = `${typeName(state.channel.ChannelType)} channel · CustSpaceId ${id}`;
  delete document.body.dataset.loaded;
  await refresh(true);
  // Marks the channel's first full drawing, for anything (a test, a script) that must not read a half-drawn page.
  document.body.dataset.loaded = id;
}

/** Reads the channel's systems, intents and settings; redraws only what changed (keeps focus while tabbing). */
async function refresh(force) {
  const id = state.channel.CustSpaceId;
  const [systems, settings] = await Promise.all([api('ListBusinessSystems', { CustSpaceId: id }),
    api('GetServiceSettings', { CustSpaceId: id })]);
  if (!systems.ok || !settings.ok) {
    if (force) banner('Cannot read the channel: ' + (systems.ok ? settings : systems).message, true);
    return;
  }
  const intents = {};
  await Promise.all(systems.data.map(async (s) => {
    const reply = await api('ListIntents', { CustSpaceId: id, BusinessSystemId: s.BusinessSystemId,
      PageSize: '100' });
    intents[s.BusinessSystemId] = reply.ok ? reply.data.List : [];
  }));
  const fingerprint = JSON.stringify([systems.data, intents]);
  const settingsChanged = JSON.stringify(settings.data) !== JSON.stringify(state.settings);
  state.systems = systems.data;
  state.intents = intents;
  if (force || fingerprint !== state.fingerprint) {
    state.fingerprint = fingerprint;
    renderSystems();
  }
  if (force || settingsChanged) {
    state.settings = settings.data;
    renderSettings(force);
  }
}

// ---- business systems ----

function renderSystems() {
  const box = $('systems');
  box.replaceChildren(...state.systems.map(card));
  $('systems-empty').hidden = state.systems.length > 0;
  const signer = $('receipt-signer');
  const chosen = signer.value;
  signer.replaceChildren(el('option', { value: '' }, 'Unsigned (as the platform sends receipts)'),
    ...state.systems.map((s) => el('option', { value: s.BusinessSystemId }, `Tokens of ${s.SystemName}`)));
  signer.value = state.systems.some((s) => s.BusinessSystemId === chosen) ? chosen : '';
}

function card(s) {
  const id = s.BusinessSystemId;
  const token = state.revealed[id];
  const signature = el('dd', { class: 'sig' },
    el('code', { 'data-testid': 'signature-hint' }, '••••••••' + s.SignatureHint),
    el('button', { type: 'button', class: 'icon', title: 'Generate a new signature token',
      'aria-label': `Generate a new signature token for ${s.SystemName}`, 'data-action': 'refresh-signature',
      onclick: () => refreshSignature(s) }, icon('refresh')));
  const details = [
    el('dt', {}, 'API Request URL'), el('dd', {}, el('code', {}, s.ApiUrl)),
    el('dt', {}, 'Remarks'), el('dd', {}, s.Remarks || '—'),
    el('dt', {}, 'Signature'), signature,
  ];
  const extra = [];
  if (token) {
    extra.push(el('div', { class: 'token-once', role: 'status', 'data-testid': 'token-once' },
      el('strong', {}, 'New token: copy it now, it will not be shown again.'),
      el('code', { 'data-testid': 'token' }, token),
      el('button', { type: 'button', class: 'small', onclick: () => { delete state.revealed[id]; renderSystems(); } },
        'Hide token')));
  }
  if (s.PreviousSignatureValidUntil) {
    extra.push(el('p', { class: 'grace', 'data-testid': 'grace' },
      `The previous token stays valid until ${new Date(s.PreviousSignatureValidUntil).toLocaleString()}.`));
  }
  return el('article', { class: 'card', 'data-system-id': id, 'aria-label': `Business system ${s.SystemName}` },
    el('div', { class: 'card-head' },
      el('div', {}, el('h3', {}, s.SystemName), el('div', { class: 'id mono' }, id)),
      el('div', { class: 'icons' },
        el('button', { type: 'button', class: 'icon', title: 'Edit', 'aria-label': `Edit ${s.SystemName}`,
          'data-action': 'edit-system', onclick: () => openSystemDialog(s) }, icon('edit')),
        el('button', { type: 'button', class: 'icon', title: 'Delete', 'aria-label': `Delete ${s.SystemName}`,
          'data-action': 'delete-system', onclick: () => deleteSystem(s) }, icon('delete')))),
    el('dl', {}, details), extra, intentSection(s));
}

let editingSystem = null;

function openSystemDialog(system) {
  editingSystem = system;
  $('system-dialog-title').textContent = system ? 'Edit Business System' : 'Open Business System';
  $('system-name').value = system ? system.SystemName : '';
  $('system-url').value = system ? system.ApiUrl : '';
  $('system-remarks').value = system ? system.Remarks : '';
  $('system-signature').value = system ? '••••••••' + system.SignatureHint : 'Generated when you press OK';
  openDialog($('system-dialog'));
  $('system-name').focus();
}
$('open-system').addEventListener('click', () => openSystemDialog(null));

$('system-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const params = { CustSpaceId: state.channel.CustSpaceId, SystemName: $('system-name').value,
    ApiUrl: $('system-url').value, Remarks: $('system-remarks').value };
  let reply;
  if (editingSystem) {
    reply = await api('ModifyBusinessSystem', { ...params, BusinessSystemId: editingSystem.BusinessSystemId });
  } else {
    reply = await api('CreateBusinessSystem', params);
  }
  if (!reply.ok) {
    showError(reply, { SystemName: 'system-name-error', ApiUrl: 'system-url-error', Remarks: 'system-remarks-error' },
      'system-error');
    return;
  }
  if (!editingSystem) state.revealed[reply.data.BusinessSystemId] = reply.data.Signature;
  $('system-dialog').close();
  banner(editingSystem ? `Saved ${params.SystemName}.` : `Opened ${params.SystemName}.`);
  await refresh(true);
});

async function refreshSignature(s) {
  const ok = await confirmAction('Generate a new signature token?',
    `${s.SystemName} gets a new token. The current one stays valid for the grace period, so you can deploy the new`
    + ' token without missing calls.', 'Generate');
  if (!ok) return;
  const reply = await api('RefreshBusinessSystemSignature', { CustSpaceId: state.channel.CustSpaceId,
    BusinessSystemId: s.BusinessSystemId });
  if (!reply.ok) { banner(reply.message, true); return; }
  state.revealed[s.BusinessSystemId] = reply.data.Signature;
  banner(`New signature token for ${s.SystemName}.`);
  await refresh(true);
}

async function deleteSystem(s) {
  const ok = await confirmAction(`Delete ${s.SystemName}?`,
    'The platform stops calling it, and its intents are deleted with it.', 'Delete');
  if (!ok) return;
  const reply = await api('DeleteBusinessSystem', { CustSpaceId: state.channel.CustSpaceId,
    BusinessSystemId: s.BusinessSystemId });
  banner(reply.ok ? `Deleted ${s.SystemName}.` : reply.message, !reply.ok);
  await refresh(true);
}

// ---- intents ----

function intentSection(s) {
  const intents = state.intents[s.BusinessSystemId] || [];
  const rows = intents.map((i) => el('tr', { 'data-intent-code': i.IntentCode },
    el('td', {}, el('code', {}, i.IntentCode)),
    el('td', {}, i.IntentName),
    el('td', {}, el('pre', {}, i.DefaultIntentData)),
    el('td', {}, el('div', { class: 'icons' },
      el('button', { type: 'button', class: 'small', 'data-action': 'trigger-intent',
        'aria-label': `Trigger ${i.IntentCode}`, onclick: () => openTrigger(s, i) }, 'Trigger'),
      el('button', { type: 'button', class: 'icon', title: 'Edit', 'aria-label': `Edit intent ${i.IntentCode}`,
        onclick: () => openIntentDialog(s, i) }, icon('edit')),
      el('button', { type: 'button', class: 'icon', title: 'Delete', 'aria-label': `Delete intent ${i.IntentCode}`,
        onclick: () => deleteIntent(s, i) }, icon('delete'))))));
  return el('div', { class: 'intents' },
    el('div', { class: 'intents-head' }, el('h4', { class: 'intents-title' }, 'Intent settings'),
      el('button', { type: 'button', class: 'small', 'data-action': 'add-intent',
        'aria-label': `Add intent to ${s.SystemName}`, onclick: () => openIntentDialog(s, null) }, 'Add')),
    intents.length
      ? el('div', { class: 'table-wrap' }, el('table', { class: 'intent-table' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Intent Code'), el('th', { scope: 'col' }, 'Intent Name'),
          el('th', { scope: 'col' }, 'Default Intent Data'), el('th', { scope: 'col' }, 'Actions'))),
        el('tbody', {}, rows)))
      : el('p', { class: 'empty' }, 'No intents.'));
}

let intentTarget = null;

function openIntentDialog(system, intent) {
  intentTarget = { system, intent };
  $('intent-dialog-title').textContent = intent ? 'Edit intent' : 'Add intent';
  $('intent-code').value = intent ? intent.IntentCode : '';
  $('intent-code').readOnly = !!intent;
  $('intent-name').value = intent ? intent.IntentName : '';
  $('intent-data').value = intent ? pretty(intent.DefaultIntentData) : '{}';
  openDialog($('intent-dialog'));
  (intent ? $('intent-name') : $('intent-code')).focus();
}

function pretty(json) {
  try { return JSON.stringify(JSON.parse(json), null, 2); } catch (e) { return json; }
}

$('intent-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(event.target);
  const { system, intent } = intentTarget;
  // The text goes to the API as typed: the API's own rule decides what valid Default Intent Data is.
  const reply = await api(intent ? 'ModifyIntent' : 'CreateIntent', { CustSpaceId: state.channel.CustSpaceId,
    BusinessSystemId: system.BusinessSystemId, IntentCode: $('intent-code').value, IntentName: $('intent-name').value,
    DefaultIntentData: $('intent-data').value });
  if (!reply.ok) {
    showError(reply, { IntentCode: 'intent-code-error', IntentName: 'intent-name-error',
      DefaultIntentData: 'intent-data-error', Intent: 'intent-code-error' }, 'intent-error');
    return;
  }
  $('intent-dialog').close();
  banner(`Saved intent ${$('intent-code').value}.`);
  await refresh(true);
});

async function deleteIntent(s, i) {
  const ok = await confirmAction(`Delete intent ${i.IntentCode}?`, `${s.SystemName} no longer receives it.`, 'Delete');
  if (!ok) return;
  const reply = await api('DeleteIntent', { CustSpaceId: state.channel.CustSpaceId,
    BusinessSystemId: s.BusinessSystemId, IntentCode: i.IntentCode });
  banner(reply.ok ? `Deleted intent ${i.IntentCode}.` : reply.message, !reply.ok);
  await refresh(true);
}

let triggerTarget = null;

function openTrigger(s, i) {
  triggerTarget = { s, i };
  $('trigger-target').textContent = `${i.IntentCode} → ${s.SystemName} (${s.ApiUrl})`;
  openDialog($('trigger-dialog'));
  $('trigger-data').focus();
}

$('trigger-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(event.target);
  const { s, i } = triggerTarget;
  const reply = await api('TriggerIntent', { CustSpaceId: state.channel.CustSpaceId,
    BusinessSystemId: s.BusinessSystemId, IntentCode: i.IntentCode, IntentData: $('trigger-data').value });
  if (!reply.ok) { showError(reply, { IntentData: 'trigger-data-error' }, 'trigger-error'); return; }
  $('trigger-dialog').close();
  banner(`Sent ${i.IntentCode} (request id ${reply.data.RequestId}); see the delivery log.`);
  pollDeliveries();
});

// ---- SMS and OTP scheduling ----

function renderSettings(force) {
  const settings = state.settings;
  $('sms-activated').checked = settings.SmsActivated;
  const supported = state.channel.OtpSchedulingSupported;
  $('otp-form').hidden = !supported;
  $('otp-unsupported').hidden = supported;
  if (!supported) {
    $('otp-unsupported').textContent = `OTP delivery scheduling is available for WhatsApp channels only. This is a `
      + `${typeName(state.channel.ChannelType)} channel, so there is nothing to schedule here (the API answers `
      + 'OtpScheduling.NotSupported).';
    return;
  }
  if (!force && document.activeElement && $('otp-form').contains(document.activeElement)) return;
  const otp = settings.OtpScheduling;
  $('otp-enabled').checked = otp.Enabled;
  $('otp-own-numbers').checked = otp.UseOwnNumbers;
  state.selectedCountries = [...otp.Countries];
  renderCountries();
  renderConsequence();
}

$('sms-activated').addEventListener('change', async (event) => {
  $('sms-error').hidden = true;
  const activated = event.target.checked;
  const reply = await api('ModifySmsActivation', { CustSpaceId: state.channel.CustSpaceId,
    Activated: String(activated) });
  if (!reply.ok) {
    event.target.checked = !activated;
    $('sms-error').textContent = reply.message;
    $('sms-error').hidden = false;
    return;
  }
  banner(activated ? 'SMS activated.' : 'SMS deactivated.');
  await refresh(false);
});

function renderConsequence() {
  $('otp-own-numbers-help').textContent = $('otp-own-numbers').checked
    ? 'On: when scheduling resources are unavailable, your own numbers send the OTP messages.'
    : 'Off: when scheduling resources are unavailable, those OTP sends fail.';
}
$('otp-own-numbers').addEventListener('change', renderConsequence);

function countryName(code) {
  const c = state.countries.find((x) => x.Code === code);
  return c ? c.Name : code;
}

function renderCountries() {
  $('otp-chips').replaceChildren(...state.selectedCountries.map((code) => el('span', { class: 'chip' },
    `${countryName(code)} (${code})`,
    el('button', { type: 'button', 'aria-label': `Remove ${countryName(code)}`,
      onclick: () => toggleCountry(code, false) }, '×'))));
  const query = $('otp-country-search').value.trim().toLowerCase();
  const matches = state.countries.filter((c) => !query || c.Name.toLowerCase().includes(query)
    || c.Code.toLowerCase() === query);
  $('otp-country-list').replaceChildren(...matches.map((c) => {
    const id = 'country-' + c.Code;
    return el('li', {}, el('input', { type: 'checkbox', id, value: c.Code,
      checked: state.selectedCountries.includes(c.Code), onchange: (e) => toggleCountry(c.Code, e.target.checked) }),
    el('label', { for: id }, `${c.Name} (${c.Code})`));
  }));
}

function toggleCountry(code, on) {
  const list = state.selectedCountries.filter((c) => c !== code);
  if (on) list.push(code);
  state.selectedCountries = list;
  const focused = document.activeElement && document.activeElement.id;
  renderCountries();
  if (focused && $(focused)) $(focused).focus();
}
$('otp-country-search').addEventListener('input', renderCountries);
$('otp-country-search').addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {       // Enter picks the first match, so the picker works without a mouse
    event.preventDefault();
    const first = $('otp-country-list').querySelector('input');
    if (first) { first.checked = !first.checked; toggleCountry(first.value, first.checked); }
  }
});

$('otp-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(event.target);
  const reply = await api('ModifyOtpScheduling', { CustSpaceId: state.channel.CustSpaceId,
    Enabled: String($('otp-enabled').checked), Countries: JSON.stringify(state.selectedCountries),
    UseOwnNumbers: String($('otp-own-numbers').checked) });
  if (!reply.ok) { showError(reply, { Countries: 'otp-countries-error' }, 'otp-error'); return; }
  banner('OTP delivery scheduling saved.');
  state.settings = null;
  await refresh(false);
});

// ---- receipts ----

function example(kind) {
  const now = Date.now();
  const items = {
    STATUS: [{ MessageId: '100000000000000001', Status: 'Delivered', From: '8613800000000', To: '8613900000000',
      Timestamp: now, TemplateCode: 'emulator-template' }],
    INBOUND: [{ MessageId: '100000000000000002', CustSpaceId: state.channel ? state.channel.CustSpaceId : '',
      From: '8613900000000', To: '8613800000000', Timestamp: now, Type: 'TEXT', Message: 'Where is my order?' }],
    AUDIT: [{ WabaId: '200000000000001', TemplateCode: 'emulator-template', Language: 'en',
      AuditStatus: 'APPROVED', Reason: '' }],
  }[kind];
  return JSON.stringify(items, null, 2);
}

document.querySelectorAll('[data-push]').forEach((button) => button.addEventListener('click', async () => {
  const kind = button.dataset.push;
  clearErrors($('receipts-title').closest('section'));
  const itemsError = `receipt-items-${kind}-error`;
  const reply = await api('PushReceipt', { Kind: kind, Url: $('receipt-url').value,
    Items: $(`receipt-items-${kind}`).value, BusinessSystemId: $('receipt-signer').value });
  if (!reply.ok) {
    showError(reply, { Url: 'receipt-url-error', Items: itemsError }, itemsError);
    return;
  }
  banner(`Sent a ${kind.toLowerCase()} receipt (request id ${reply.data.RequestId}); see the delivery log.`);
  pollDeliveries();
}));

// ---- delivery log ----

let lastLog = '';

async function pollDeliveries() {
  const reply = await api('ListDeliveries');
  if (!reply.ok) return;
  const text = JSON.stringify(reply.data);
  if (text === lastLog) return;
  lastLog = text;
  const deliveries = [...reply.data].reverse();
  $('log').replaceChildren(...deliveries.map(logRow));
  $('log-empty').hidden = deliveries.length > 0;
  const pending = deliveries.filter((d) => d.Outcome === 'PENDING').length;
  $('log-count').textContent = `${deliveries.length} ${deliveries.length === 1 ? 'delivery' : 'deliveries'}`
    + (pending ? `, ${pending} pending` : '');
}

function logRow(d) {
  const what = d.Kind === 'INTENT' ? `Intent ${d.IntentCode}` : `${d.Kind.toLowerCase()} receipt`;
  return el('tr', { 'data-request-id': d.RequestId, 'data-outcome': d.Outcome },
    el('td', {}, new Date(d.CreatedAt).toLocaleTimeString()),
    el('td', {}, el('strong', {}, what), el('div', { class: 'mono muted' }, d.Url),
      el('div', { class: 'mono muted' }, d.RequestId)),
    el('td', {}, el('span', { class: 'badge ' + d.Outcome }, d.Outcome)),
    el('td', {}, d.Attempts.map((a) => el('div', { class: 'attempt', 'data-status': a.Status },
      el('span', {}, `#${a.Number}`),
      el('span', { class: a.Status >= 200 && a.Status < 300 ? 'status-ok' : 'status-bad' },
        a.Status ? String(a.Status) : 'no reply'),
      a.Code ? el('code', {}, a.Code) : null,
      el('span', { class: 'muted' }, `${a.LatencyMillis} ms`),
      a.Error ? el('span', { class: 'status-bad' }, a.Error) : null,
      a.ReplyBody ? el('details', {}, el('summary', {}, 'Reply body'), el('pre', {}, a.ReplyBody)) : null))));
}

start();
