// NanoTlv dashboard: renders the server's snapshot, then applies the changes it pushes over Server-Sent Events.
// Every text from a board is set with textContent, never parsed as HTML.
'use strict';

const boards = new Map();
const boardsElement = document.getElementById('boards');
const streamState = document.getElementById('stream-state');
const outputModes = ['Output', 'OutputOpenDrain'];
const modeChoices = ['', 'Input', 'InputPullUp', 'InputPullDown', 'Output', 'OutputOpenDrain'];

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function clock(ms) {
  return new Date(ms).toTimeString().slice(0, 8);
}

function setStream(state) {
  streamState.dataset.state = state;
  streamState.textContent = state === 'live' ? 'live' : state === 'lost' ? 'dashboard unreachable, retrying' : 'connecting';
  document.documentElement.dataset.stream = state;
}

async function command(board, pin, action, body) {
  const response = await fetch(`/api/boards/${board}/pins/${pin}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) {
    const reply = await response.json().catch(() => ({ error: response.statusText }));
    const card = document.getElementById(`board-${board}`);
    if (card) card.querySelector('.error').textContent = reply.error;
  }
}

function renderBoard(view) {
  boards.set(view.id, view);
  const id = `board-${view.id}`;
  let card = document.getElementById(id);
  if (!card) {
    card = document.getElementById('board-template').content.firstElementChild.cloneNode(true);
    card.id = id;
    card.querySelector('.show-all').addEventListener('change', event => card.classList.toggle('show-all', event.target.checked));
    boardsElement.appendChild(card);
  }
  card.dataset.connection = view.connection;
  card.querySelector('.name').textContent = view.name ?? view.address;
  const badge = card.querySelector('.conn');
  badge.dataset.state = view.connection;
  badge.textContent = view.connection;
  card.querySelector('.info').textContent = view.firmware
    ? `${view.address} · firmware ${view.firmware} · protocol ${view.protocolVersion}${view.authenticated ? ' · authenticated' : ''}`
    : view.address;
  card.querySelector('.error').textContent = view.lastError ?? '';
  const body = card.querySelector('tbody');
  body.replaceChildren(...view.pins.map(pin => pinRow(pin)));
  renderAdc(card, view.adc);
  renderBme280(card, view.bme280);
  card.querySelector('.log').replaceChildren(...view.log.slice().reverse().map(logLine));
}

function pinRow(pin) {
  const row = element('tr');
  row.id = `b${pin.board}-pin-${pin.pin}`;
  row.title = pin.capabilities.join(', ');
  row.append(element('td', 'pin', String(pin.pin)));

  const modeCell = element('td', 'mode');
  const select = element('select');
  for (const mode of modeChoices) {
    const option = element('option', null, mode === '' ? '—' : mode);
    option.value = mode;
    select.append(option);
  }
  if (pin.mode === 'Pwm') select.append(Object.assign(element('option', null, 'PWM'), { value: 'Pwm' }));
  select.value = pin.mode ?? '';
  select.addEventListener('change', () => { if (select.value) command(pin.board, pin.pin, 'mode', { mode: select.value }); });
  modeCell.append(select);
  row.append(modeCell);

  row.append(element('td', 'level'));

  const outputCell = element('td', 'output');
  const toggle = element('button', 'toggle', 'toggle');
  toggle.addEventListener('click', () => command(pin.board, pin.pin, 'toggle'));
  outputCell.append(toggle);
  row.append(outputCell);

  const pwmCell = element('td', 'pwm');
  if (pin.capabilities.includes('Pwm')) {
    const duty = Object.assign(element('input'), { type: 'number', min: 0, max: 100, step: 1, value: pin.pwmDutyPercent ?? 50 });
    const set = element('button', 'pwm-set', 'set');
    set.addEventListener('click', () => command(pin.board, pin.pin, 'pwm', { dutyPercent: Number(duty.value) }));
    const stop = element('button', 'pwm-stop', 'stop');
    stop.addEventListener('click', () => command(pin.board, pin.pin, 'pwm/stop'));
    pwmCell.append(duty, set, stop);
  }
  row.append(pwmCell);
  updatePinRow(row, pin);
  return row;
}

function updatePinRow(row, pin) {
  row.classList.toggle('idle', pin.mode === null);
  const level = row.querySelector('.level');
  level.dataset.level = pin.high === null ? '' : pin.high ? '1' : '0';
  level.textContent = pin.mode === 'Pwm' ? `PWM ${pin.pwmDutyPercent} %` : pin.high === null ? '—' : pin.high ? 'high' : 'low';
  const connected = boards.get(pin.board)?.connection === 'connected';
  row.querySelector('.toggle').disabled = !connected || !outputModes.includes(pin.mode);
  for (const control of row.querySelectorAll('select, .pwm input, .pwm button')) control.disabled = !connected;
  const select = row.querySelector('select');
  if (document.activeElement !== select) select.value = pin.mode ?? '';
}

function applyPin(pin) {
  const view = boards.get(pin.board);
  if (!view) return;
  const index = view.pins.findIndex(known => known.pin === pin.pin);
  const row = document.getElementById(`b${pin.board}-pin-${pin.pin}`);
  if (index >= 0 && row && (pin.mode === 'Pwm') === (view.pins[index].mode === 'Pwm')) {
    view.pins[index] = pin;
    updatePinRow(row, pin);
    return;
  }
  if (index >= 0) view.pins[index] = pin; else view.pins.push(pin);
  view.pins.sort((a, b) => a.pin - b.pin);
  renderBoard(view);
}

function renderAdc(card, readings) {
  card.querySelector('.adc').textContent = readings.length
    ? 'ADC ' + readings.map(reading => `GPIO${reading.pin}: ${reading.raw} (${reading.millivolts} mV)`).join(' · ')
    : '';
}

function renderBme280(card, points) {
  const now = card.querySelector('.bme280-now');
  const chart = card.querySelector('.chart');
  card.querySelector('.bme280').hidden = points.length === 0;
  if (points.length === 0) return;
  const last = points[points.length - 1];
  now.textContent = `BME280 ${last.temperatureCelsius.toFixed(2)} °C · ${last.pressureHectopascals.toFixed(1)} hPa · ${last.humidityPercent.toFixed(1)} %RH`;
  const temperatures = points.map(point => point.temperatureCelsius);
  const low = Math.min(...temperatures) - 0.5;
  const high = Math.max(...temperatures) + 0.5;
  const span = Math.max(points[points.length - 1].timeMs - points[0].timeMs, 1);
  const coordinates = points.map(point => {
    const x = ((point.timeMs - points[0].timeMs) / span) * 300;
    const y = 66 - ((point.temperatureCelsius - low) / (high - low)) * 62;
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', coordinates.join(' '));
  const label = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  label.setAttribute('x', '3');
  label.setAttribute('y', '10');
  label.textContent = `${high.toFixed(1)} °C`;
  const floor = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  floor.setAttribute('x', '3');
  floor.setAttribute('y', '67');
  floor.textContent = `${low.toFixed(1)} °C`;
  chart.replaceChildren(line, label, floor);
}

function logLine(entry) {
  const line = element('li', null, `${clock(entry.timeMs)} ${entry.text}`);
  line.dataset.kind = entry.kind;
  return line;
}

function withBoard(id, action) {
  const view = boards.get(id);
  const card = document.getElementById(`board-${id}`);
  if (view && card) action(view, card);
}

function connect() {
  const source = new EventSource('/api/events');
  source.addEventListener('snapshot', event => {
    boards.clear();
    boardsElement.replaceChildren();
    for (const view of JSON.parse(event.data)) renderBoard(view);
    setStream('live');
  });
  source.addEventListener('board', event => renderBoard(JSON.parse(event.data)));
  source.addEventListener('pin', event => applyPin(JSON.parse(event.data)));
  source.addEventListener('adc', event => {
    const update = JSON.parse(event.data);
    withBoard(update.board, (view, card) => {
      for (const reading of update.readings) {
        const index = view.adc.findIndex(known => known.pin === reading.pin);
        if (index >= 0) view.adc[index] = reading; else view.adc.push(reading);
      }
      renderAdc(card, view.adc);
    });
  });
  source.addEventListener('bme280', event => {
    const update = JSON.parse(event.data);
    withBoard(update.board, (view, card) => {
      view.bme280.push(update.point);
      view.bme280.splice(0, Math.max(0, view.bme280.length - update.keep));
      renderBme280(card, view.bme280);
    });
  });
  source.addEventListener('log', event => {
    const update = JSON.parse(event.data);
    withBoard(update.board, (view, card) => {
      const log = card.querySelector('.log');
      log.prepend(logLine(update.entry));
      while (log.children.length > update.keep) log.lastElementChild.remove();
      if (update.entry.kind === 'error') card.querySelector('.error').textContent = update.entry.text;
    });
  });
  source.onerror = () => setStream(source.readyState === EventSource.CLOSED ? 'lost' : 'connecting');
  source.onopen = () => setStream('connecting');
}

connect();
