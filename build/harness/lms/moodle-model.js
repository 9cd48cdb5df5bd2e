// A model of what Moodle 4.3's SCORM player and server do with a package's calls, for the fast
// tests: NOT Moodle, a few of its rules written out from its code (each listed with its source in
// docs/standards-notes.md, "The Moodle model"), so a clone without the real Moodle still guards them.
(function () {
  const BEACON_BUDGET = 65536;

  /** Moodle's post order: 1.2 cmi.core.score.* first of cmi.core; 2004 interactions, objectives and score first. */
  function postOrder(is12, element) {
    if (is12) {
      if (element.startsWith('cmi.core.score.')) return 0;
      if (element.startsWith('cmi.core.')) return 1;
      if (element.startsWith('cmi.objectives.')) return 2;
      if (element.startsWith('cmi.interactions.')) return 4;
      return 3;
    }
    if (element.startsWith('cmi.interactions.')) return 0;
    if (element.startsWith('cmi.objectives.')) return 1;
    if (element.startsWith('cmi.score.')) return 2;
    return 3;
  }

  window.createMoodleModel = function (is12, options) {
    const mastery = options.masteryScore;
    const db = Object.assign({}, options.stored || {});
    // Moodle's "defaultvalue": 1.2 the last value posted, 2004 the value at launch.
    const posted = Object.assign({}, options.stored || {});
    const statusElement = is12 ? 'cmi.core.lesson_status' : 'cmi.completion_status';
    const model = { completion: 'todo', events: [], posts: [], unloadBytes: 0, db };

    const judge = () => {
      const done = is12
        ? ['passed', 'completed'].includes(db['cmi.core.lesson_status'])
        : db['cmi.success_status'] === 'passed' || db['cmi.completion_status'] === 'completed';
      model.completion = done ? 'done' : 'todo';
    };

    const insertTrack = (element, value) => {
      const had = Object.prototype.hasOwnProperty.call(db, element);
      const judgedValue = had ? db[element] : value; // the OLD value when the element existed
      db[element] = value;
      const isScore = element === 'cmi.core.score.raw' || element === 'cmi.score.raw';
      const isStatus = ['cmi.completion_status', 'cmi.core.lesson_status', 'cmi.success_status'].includes(element);
      if (isScore || (isStatus && ['completed', 'passed'].includes(judgedValue))) judge();
      if (isScore) model.events.push({ event: 'scoreraw_submitted', value });
      else if (isStatus && ['completed', 'passed', 'failed'].includes(judgedValue)) model.events.push({ event: 'status_submitted', element, value: judgedValue });
    };

    /** One post of Moodle's player: `cmi` is the flattened data the package has set; `reachable`
     *  false when the server will not take it (the session has expired); `networkDown` when the
     *  request fails, and request.js falls back to a beacon that Moodle reports as stored. */
    model.post = (cmi, finishing, unloading, reachable = true, networkDown = false) => {
      const data = Object.assign({}, cmi);
      if (is12 && finishing && mastery !== null && data['cmi.core.score.raw'] !== undefined && data['cmi.core.score.raw'] !== '') {
        data['cmi.core.lesson_status'] = Number(data['cmi.core.score.raw']) >= mastery ? 'passed' : 'failed';
      }
      const changed = Object.keys(data).filter((e) => {
        if (!/^cmi\./.test(e) || /\._(count|children)$/.test(e) || e === 'cmi.core.session_time') return false;
        if (!is12 && /^cmi\.(interactions|objectives)\.\d+\./.test(e)) return true;
        return posted[e] !== data[e];
      });
      changed.sort((a, b) => postOrder(is12, a) - postOrder(is12, b));
      // While unloading, request.js sends the post as FormData: one multipart part per element, each
      // with its boundary and Content-Disposition header (about 130 bytes before the value).
      const part = (e) => `------WebKitFormBoundaryXXXXXXXXXXXXXXXX\r\nContent-Disposition: form-data; name="${e.replace(/\./g, '__')}"\r\n\r\n${data[e]}\r\n`;
      // Moodle's own fields go with it: the activity, attempt, session key, and at the end total time.
      const own = ['id', 'a', 'scoid', 'attempt', 'sesskey', 'unloading', ...(finishing && !is12 ? ['cmi.total_time'] : [])];
      const ownPart = (e) => `------WebKitFormBoundaryXXXXXXXXXXXXXXXX\r\nContent-Disposition: form-data; name="${e.replace(/\./g, '__')}"\r\n\r\n${e === 'cmi.total_time' ? 'PT1H2M3.45S' : '12345'}\r\n`;
      const body = unloading ? own.map(ownPart).join('') + changed.map(part).join('') : changed.map((e) => `&${e.replace(/\./g, '__')}=${encodeURIComponent(data[e])}`).join('');
      model.posts.push({ elements: changed, bytes: new TextEncoder().encode(body).length, unloading });
      if (unloading) {
        model.unloadBytes += model.posts.at(-1).bytes;
        if (model.unloadBytes > BEACON_BUDGET) return false;
      }
      if (!reachable || networkDown) {
        if (is12) for (const e of changed) posted[e] = data[e];
        return unloading || networkDown; // a beacon was queued: Moodle says true
      }
      for (const e of changed) {
        if (is12) posted[e] = data[e];
        insertTrack(e, data[e]);
      }
      return true;
    };

    /** What the next launch would be: review after a finished status, else normal with the stored values. */
    model.nextMode = () => {
      const status = db[statusElement];
      const finished = is12 ? ['completed', 'passed', 'failed'].includes(status) : status === 'completed';
      return finished ? 'review' : 'normal';
    };
    model.stored = () => Object.assign({}, db);
    model.statusElement = statusElement;
    return model;
  };
})();
