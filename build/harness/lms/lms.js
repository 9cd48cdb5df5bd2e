// The test LMS page: the one SCORM LMS (scorm-lms.js) around the package in an iframe, every API
// call logged for the test to read. What a strict or failing LMS would do (refuse a value, fail to
// initialise, lose the session) and the model of Moodle's player (moodle-model.js) are configured
// per test in window.__LMS_CONFIG__: those rules are ours, named as such.
(function () {
  const config = Object.assign({ standard: 'scorm12', data: {}, refuse: {}, initFails: false, launch: '/pkg/index.html' }, window.__LMS_CONFIG__ || {});
  const log = (window.__LMS_LOG__ = []);
  // config.moodle ({ masteryScore, stored }) adds the model of Moodle's player and server: what
  // Moodle would store, judge and launch next, from the values set here.
  const moodle = config.moodle ? window.createMoodleModel(config.standard === 'scorm12', config.moodle) : null;
  window.__MOODLE__ = moodle;
  const unloading = () => window.__LMS_UNLOADING__ === true;
  // A test sets window.__LMS_UNREACHABLE__ while the LMS's server takes no post (the learner's
  // session expired): Commit and Finish answer false / 101, as Moodle's player does then.
  const unreachable = () => window.__LMS_UNREACHABLE__ === true;
  // A test sets window.__LMS_NETWORK_DOWN__ while the network is gone: Moodle's player falls back to
  // a beacon, and answers true (the model keeps nothing).
  const networkDown = () => window.__LMS_NETWORK_DOWN__ === true;
  const LOST = { result: 'false', error: '101' };
  const refusedCount = {};
  let lms = null;
  const posted = (finishing) => (moodle ? moodle.post(lms.values, finishing, unloading(), !unreachable(), networkDown()) : !unreachable());
  lms = window.createScormLms(config.standard, config.data, {
    onCall: (c) => log.push({ method: c.method, element: c.element, value: c.value, result: c.result, error: c.error }),
    rules: {
      init: () => (config.initFails ? { result: 'false', error: '102' } : undefined),
      set: (element) => {
        const rule = config.refuse[element];
        if (!rule || (rule.times !== undefined && (refusedCount[element] = (refusedCount[element] || 0) + 1) > rule.times)) return undefined;
        return { result: 'false', error: rule.code || '351' };
      },
      commit: () => (posted(false) ? undefined : LOST),
      finish: () => (posted(true) ? undefined : LOST),
    },
  });
  lms.install();
  window.__LMS_API__ = lms.api;
  window.__LMS_DATA__ = () => JSON.parse(JSON.stringify(lms.api.renderCommitCMI(true)));

  const frame = document.createElement('iframe');
  frame.title = 'Course';
  frame.src = config.launch;
  frame.style.cssText = 'width:100%;height:95vh;border:0';
  document.body.appendChild(frame);
})();
