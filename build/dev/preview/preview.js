// The preview LMS page (npm run dev). For SCORM it plays the LMS: a fresh scorm-again API per
// launch, filled from what "the LMS holds" (kept in this page's localStorage, editable in the
// form), every call logged; at the end of a session it keeps what a real LMS keeps for the next
// launch (bookmark, suspend data, status, score, entry=resume after exit=suspend). cmi5 launches go
// through the dev server's test LMS and LRS; standalone opens the web build. A content change
// rebuilds on the server and relaunches here, resuming where the author was.
(function () {
  'use strict';
  const $ = (sel) => document.querySelector(sel);
  const PREFIX = 'preview:';
  const params = new URLSearchParams(location.search);
  const saved = JSON.parse(localStorage.getItem(PREFIX + 'choice') || '{}');
  const choice = {
    standard: params.get('standard') || saved.standard || 'scorm2004',
    lang: params.get('lang') || saved.lang || 'en',
  };
  $('#standard').value = choice.standard;
  $('#lang').value = choice.lang;

  const ELEMENTS = {
    scorm12: { name: 'cmi.core.student_name', id: 'cmi.core.student_id', mode: 'cmi.core.lesson_mode', entry: 'cmi.core.entry', location: 'cmi.core.lesson_location', exit: 'cmi.core.exit', keep: ['cmi.core.lesson_status', 'cmi.core.score.raw', 'cmi.core.score.min', 'cmi.core.score.max'] },
    scorm2004: { name: 'cmi.learner_name', id: 'cmi.learner_id', mode: 'cmi.mode', entry: 'cmi.entry', location: 'cmi.location', exit: 'cmi.exit', keep: ['cmi.completion_status', 'cmi.success_status', 'cmi.score.raw', 'cmi.score.min', 'cmi.score.max', 'cmi.score.scaled', 'cmi.progress_measure'] },
  };

  // ---- what the LMS holds, per standard and language ----
  const dbKey = () => `${PREFIX}lms:${choice.standard}-${choice.lang}`;
  const defaults = () => ({ learnerName: 'Preview, Ada', learnerId: 'ada-preview', masteryScore: '', mode: 'normal', entry: 'ab-initio', location: '', suspendData: '', kept: {}, registration: '' });
  const readDb = () => Object.assign(defaults(), JSON.parse(localStorage.getItem(dbKey()) || '{}'));
  const writeDb = (db) => {
    localStorage.setItem(dbKey(), JSON.stringify(db));
    showDb(db);
  };
  function showDb(db) {
    const f = $('#lms-form');
    for (const k of ['learnerName', 'learnerId', 'masteryScore', 'mode', 'entry', 'location', 'suspendData']) f.elements[k].value = db[k];
    $('#suspend-size').textContent = `(${db.suspendData.length} characters; SCORM 1.2 strict LMSs allow 4096)`;
  }

  // ---- the API log ----
  const tbody = $('#api-log tbody');
  let count = 0;
  let launchedAt = performance.now();
  const log = (window.__PREVIEW_LOG__ = []);
  function row(cells, className) {
    const tr = document.createElement('tr');
    if (className) tr.className = className;
    for (const [text, cls] of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      if (cls) td.className = cls;
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
    const scroll = tbody.closest('.scroll');
    scroll.scrollTop = scroll.scrollHeight;
    return tr;
  }
  function logCall(entry) {
    log.push(entry);
    count++;
    $('#api-count').textContent = `(${count})`;
    const value = entry.value === undefined ? '' : String(entry.value);
    // 403 on a GetValue is "not initialised": the normal answer for an empty bookmark, not a fault.
    const failed = entry.result === 'false' || (entry.error !== '0' && entry.error !== '' && !(/GetValue$/.test(entry.method) && entry.error === '403'));
    const tr = row([[String(count)], [String(Math.round(performance.now() - launchedAt))], [entry.method], [entry.element ?? ''], [value.length > 160 ? value.slice(0, 160) + '…' : value, 'value'], [entry.result], [entry.error]], `${entry.method}${failed ? ' failed' : ''}`);
    tr.title = value;
    if (entry.errorText) tr.cells[6].title = entry.errorText;
    tr.hidden = $('#hide-get').checked && /GetValue$/.test(entry.method);
  }
  function logLaunch(text) {
    const tr = row([['—'], [''], [text]], 'launch');
    tr.cells[2].colSpan = 5;
  }
  $('#hide-get').addEventListener('change', () => {
    for (const tr of tbody.rows) if (/GetValue/.test(tr.className)) tr.hidden = $('#hide-get').checked;
  });
  $('#clear-log').addEventListener('click', () => {
    tbody.replaceChildren();
    $('#xapi-log').replaceChildren();
    count = xapiCount = 0;
    $('#api-count').textContent = $('#xapi-count').textContent = '';
  });

  // ---- a SCORM session: the one SCORM LMS (build/harness/lms/scorm-lms.js) per launch ----
  let session = null; // { standard, lms }
  function startScorm(standard, db) {
    const el = ELEMENTS[standard];
    const data = { [el.name]: db.learnerName, [el.id]: db.learnerId, [el.mode]: db.mode, [el.entry]: db.entry === 'resume' ? 'resume' : 'ab-initio' };
    if (db.location) data[el.location] = db.location;
    if (db.suspendData) data['cmi.suspend_data'] = db.suspendData;
    if (db.masteryScore !== '') {
      if (standard === 'scorm12') data['cmi.student_data.mastery_score'] = String(db.masteryScore);
      else data['cmi.scaled_passing_score'] = String(Number(db.masteryScore) / 100);
    }
    Object.assign(data, db.kept);
    const s = { standard, lms: null };
    s.lms = window.createScormLms(standard, data, {
      onCall(entry) {
        logCall(entry);
        if (entry.method === s.lms.names.commit || entry.method === s.lms.names.finish) keepForNextLaunch(s);
      },
    });
    s.lms.install();
    return s;
  }

  /** What a real LMS keeps between sessions of one attempt. */
  function keepForNextLaunch(s) {
    if (s.standard !== choice.standard) return;
    const el = ELEMENTS[s.standard];
    const db = readDb();
    const set = s.lms.values;
    if (el.location in set) db.location = set[el.location];
    if ('cmi.suspend_data' in set) db.suspendData = set['cmi.suspend_data'];
    for (const k of el.keep) if (k in set) db.kept[k] = set[k];
    if (el.exit in set) db.entry = set[el.exit] === 'suspend' ? 'resume' : 'ab-initio';
    writeDb(db);
  }

  // ---- launching ----
  const slot = $('#course-slot');
  function closeCourse() {
    // Removing the frame fires the course's pagehide, as closing the LMS window would.
    slot.querySelector('iframe')?.remove();
    session = null;
  }
  function openFrame(src) {
    const frame = document.createElement('iframe');
    frame.title = 'Course';
    frame.src = src;
    slot.appendChild(frame);
  }
  function showProblems(problems) {
    const box = $('#problems');
    box.hidden = !problems.length;
    box.querySelector('ul').replaceChildren(...problems.map((p) => Object.assign(document.createElement('li'), { textContent: p })));
  }
  function clearCourseStorage() {
    // The course (same origin here) keeps backups, the outbox and standalone progress in localStorage.
    for (const k of Object.keys(localStorage)) if (!k.startsWith(PREFIX)) localStorage.removeItem(k);
  }

  let launching = Promise.resolve();
  function launch(reason) {
    launching = launching.then(() => doLaunch(reason)).catch((e) => {
      $('#build-status').textContent = `Launch failed: ${e}`;
    });
    return launching;
  }
  async function doLaunch(reason) {
    const { standard, lang } = choice;
    localStorage.setItem(PREFIX + 'choice', JSON.stringify(choice));
    history.replaceState(null, '', `?standard=${standard}&lang=${lang}`);
    $('#build-status').textContent = `Building ${standard}-${lang}…`;
    const build = await (await fetch(`/dev/build?format=${standard}&lang=${lang}`)).json();
    showProblems(build.problems);
    $('#build-status').textContent = build.ok ? `Built ${standard}-${lang} in ${build.ms} ms (build ${build.version}); ${reason}` : `Content problems: see above (${build.problems.length})`;
    if (!build.launch) return;
    closeCourse();
    const db = readDb();
    showDb(db);
    launchedAt = performance.now();
    if (standard === 'scorm12' || standard === 'scorm2004') {
      logLaunch(`launch: ${standard}, ${lang}, ${reason}, entry ${db.entry}, mode ${db.mode}`);
      session = startScorm(standard, db);
      openFrame(build.launch);
    } else if (standard === 'cmi5') {
      delete window.API;
      delete window.API_1484_11;
      const mode = { normal: 'Normal', browse: 'Browse', review: 'Review' }[db.mode];
      const r = await fetch('/dev/cmi5/launch', {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lang, registration: db.registration, learnerName: db.learnerName, learnerId: db.learnerId, launchMode: mode, masteryScore: db.masteryScore === '' ? null : Number(db.masteryScore) / 100 }),
      });
      const l = await r.json();
      if (!r.ok) throw new Error(l.error);
      db.registration = l.registration;
      writeDb(db);
      logLaunch(`launch: cmi5, ${lang}, ${reason}, registration ${l.registration}, session ${l.sessionId} (calls go to the LRS: see xAPI)`);
      openFrame(l.url);
    } else {
      delete window.API;
      delete window.API_1484_11;
      logLaunch(`launch: standalone, ${lang}, ${reason} (no LMS: progress stays in this browser)`);
      openFrame(build.launch);
    }
  }

  $('#standard').addEventListener('change', (e) => {
    closeCourse();
    choice.standard = e.target.value;
    launch('new standard');
  });
  $('#lang').addEventListener('change', (e) => {
    closeCourse();
    choice.lang = e.target.value;
    launch('new language');
  });
  $('#relaunch').addEventListener('click', () => {
    closeCourse();
    launch('relaunch');
  });
  $('#reset').addEventListener('click', () => {
    closeCourse();
    const old = readDb();
    const db = defaults();
    for (const k of ['learnerName', 'learnerId', 'masteryScore', 'mode']) db[k] = old[k];
    writeDb(db);
    clearCourseStorage();
    launch('reset: new attempt');
  });
  $('#lms-form').addEventListener('submit', (e) => {
    e.preventDefault();
    closeCourse();
    const f = e.target.elements;
    const db = readDb();
    for (const k of ['learnerName', 'learnerId', 'masteryScore', 'mode', 'entry', 'location', 'suspendData']) db[k] = f[k].value;
    writeDb(db);
    launch('LMS data changed');
  });
  $('#lms-form').elements.suspendData.addEventListener('input', (e) => {
    $('#suspend-size').textContent = `(${e.target.value.length} characters; SCORM 1.2 strict LMSs allow 4096)`;
  });

  // ---- server events: rebuilds and xAPI traffic ----
  let xapiCount = 0;
  const events = new EventSource('/dev/events');
  events.addEventListener('rebuilt', (e) => {
    const b = JSON.parse(e.data);
    if (b.format !== choice.standard || b.lang !== choice.lang) return;
    showProblems(b.problems);
    if (!b.ok) {
      $('#build-status').textContent = `Content problems after editing ${b.changed.join(', ')}: see above`;
      return;
    }
    $('#build-status').textContent = `Rebuilt after editing ${b.changed.join(', ')} in ${b.ms} ms: relaunching`;
    closeCourse();
    launch(`reload after editing ${b.changed.join(', ')}`);
  });
  events.addEventListener('xapi', (e) => {
    const x = JSON.parse(e.data);
    xapiCount++;
    $('#xapi-count').textContent = `(${xapiCount})`;
    const li = document.createElement('li');
    if (x.status < 200 || x.status >= 300) li.className = x.status === 404 && x.method === 'GET' ? '' : 'failed';
    li.textContent = `${x.method} ${x.path} → ${x.status}`;
    for (const s of x.statements) {
      const d = document.createElement('details');
      const sum = document.createElement('summary');
      const r = s.result || {};
      const bits = [r.score && r.score.scaled !== undefined ? `scaled ${r.score.scaled}` : '', r.success !== undefined ? `success ${r.success}` : '', r.completion !== undefined ? `completion ${r.completion}` : '', r.duration || ''].filter(Boolean);
      sum.textContent = `${s.verb} ${s.object}${bits.length ? ` (${bits.join(', ')})` : ''}`;
      sum.className = 'statement';
      const pre = document.createElement('pre');
      pre.textContent = JSON.stringify(s.statement, null, 2);
      d.append(sum, pre);
      li.appendChild(d);
    }
    const list = $('#xapi-log');
    list.querySelector('.empty')?.remove();
    list.appendChild(li);
    list.parentElement.scrollTop = list.parentElement.scrollHeight;
  });

  launch('first launch');
})();
