// The overview's live part: the server pushes the rendered fragment over server-sent events
// (/events) every couple of seconds; this swaps it in. Pages work without it, just not live.
'use strict';

(function live() {
  const target = document.querySelector('[data-live]');
  const status = document.getElementById('live-status');
  if (!target || typeof EventSource === 'undefined') return;
  const setStatus = (text, state) => {
    if (!status) return;
    status.textContent = text;
    status.dataset.state = state;
  };
  const source = new EventSource(target.getAttribute('data-live'));
  source.addEventListener('open', () => setStatus('live', 'live'));
  source.addEventListener('overview', (event) => {
    const message = JSON.parse(event.data);
    // Keep open <details> open across updates (the operator opened them).
    const opened = new Set([...target.querySelectorAll('details[open]')].map((d) => d.closest('[data-stage]')?.getAttribute('data-stage')));
    const closed = new Set([...target.querySelectorAll('details:not([open])')].map((d) => d.closest('[data-stage]')?.getAttribute('data-stage')));
    // The fragment is HTML rendered and escaped by the server, the same function as the first page load.
    target.innerHTML = message.html;
    for (const details of target.querySelectorAll('details')) {
      const stage = details.closest('[data-stage]')?.getAttribute('data-stage');
      if (opened.has(stage)) details.open = true;
      if (closed.has(stage)) details.open = false;
    }
    setStatus('live', 'live');
  });
  source.addEventListener('problem', (event) => setStatus(`problem: ${JSON.parse(event.data).message}`, 'problem'));
  source.addEventListener('error', () => setStatus('reconnecting…', 'problem'));
})();

// /alerts: new alerts pushed over server-sent events (/alerts/events), each a row rendered and
// escaped by the server, put on top of the table.
(function liveAlerts() {
  const table = document.querySelector('[data-alerts-live]');
  const status = document.getElementById('live-status');
  if (!table || typeof EventSource === 'undefined') return;
  const body = table.querySelector('tbody');
  const setStatus = (text, state) => {
    if (!status) return;
    status.textContent = text;
    status.dataset.state = state;
  };
  const source = new EventSource(table.getAttribute('data-alerts-live'));
  source.addEventListener('ready', () => setStatus('live', 'live'));
  source.addEventListener('alert', (event) => {
    const message = JSON.parse(event.data);
    if (body.querySelector(`[data-alert="${CSS.escape(message.alert.alertId)}"]`)) return;
    body.insertAdjacentHTML('afterbegin', message.html);
    setStatus('live', 'live');
  });
  source.addEventListener('error', () => setStatus('reconnecting…', 'problem'));
})();
