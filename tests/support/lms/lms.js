// The test LMS: scorm-again's real Scorm12API / Scorm2004API in the parent frame, the package
// in an iframe, every API call logged for the test to read. Behaviour a strict or failing LMS
// would show (refusing a value, failing to initialise) is configured per test in
// window.__LMS_CONFIG__ and applied around scorm-again's API: that part is ours, named as such.
(function () {
  const config = Object.assign({ standard: 'scorm12', data: {}, refuse: {}, initFails: false, launch: '/pkg/index.html' }, window.__LMS_CONFIG__ || {});
  const log = (window.__LMS_LOG__ = []);
  const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5, mastery_override: false };
  const is12 = config.standard === 'scorm12';
  const api = is12 ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  if (Object.keys(config.data).length) api.loadFromFlattenedJSON(config.data, '');
  window.__LMS_API__ = api;

  const names = is12
    ? { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', err: 'LMSGetLastError' }
    : { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', err: 'GetLastError' };
  let forcedError = null;
  // config.moodle ({ masteryScore, stored }) adds the model of Moodle's player and server
  // (moodle-model.js): what Moodle would store, judge and launch next, from the values set here.
  const moodle = config.moodle ? window.createMoodleModel(is12, config.moodle) : null;
  const values = Object.assign({}, config.data);
  window.__MOODLE__ = moodle;
  const unloading = () => window.__LMS_UNLOADING__ === true;
  // A test sets window.__LMS_UNREACHABLE__ while the LMS's server takes no post (the learner's
  // session expired): Commit and Finish answer false / 101, as Moodle's player does then.
  const unreachable = () => window.__LMS_UNREACHABLE__ === true;
  const moodlePost = (finishing) => {
    if (moodle ? moodle.post(values, finishing, unloading(), !unreachable()) : !unreachable()) return true;
    forcedError = '101';
    return false;
  };
  const refusedCount = {};
  const facade = {};
  for (const method of Object.keys(api.constructor.prototype).concat(Object.keys(api))) {
    if (typeof api[method] === 'function' && /^(LMS)?[A-Z]/.test(method)) facade[method] = (...args) => api[method](...args);
  }
  const wrap = (method, fn) => {
    facade[method] = (...args) => {
      const result = fn(...args);
      log.push({ method, element: args[0], value: args[1], result: String(result), error: String(api[names.err]()) });
      return result;
    };
  };
  wrap(names.init, (a) => (config.initFails ? 'false' : api[names.init](a)));
  wrap(names.finish, (a) => {
    if (!moodlePost(true)) return 'false';
    return api[names.finish](a);
  });
  wrap(names.get, (e) => api[names.get](e));
  wrap(names.commit, (a) => {
    if (!moodlePost(false)) return 'false';
    forcedError = null;
    return api[names.commit](a);
  });
  wrap(names.set, (e, v) => {
    const rule = config.refuse[e];
    if (rule && (rule.times === undefined || (refusedCount[e] = (refusedCount[e] || 0) + 1) <= rule.times)) {
      forcedError = rule.code || '351';
      return 'false';
    }
    forcedError = null;
    const result = api[names.set](e, v);
    if (String(result) === 'true') values[e] = String(v);
    return result;
  });
  facade[names.err] = () => (forcedError !== null ? forcedError : api[names.err]());
  window[is12 ? 'API' : 'API_1484_11'] = facade;

  window.__LMS_DATA__ = () => JSON.parse(JSON.stringify(api.renderCommitCMI(true)));
  const frame = document.createElement('iframe');
  frame.title = 'Course';
  frame.src = config.launch;
  frame.style.cssText = 'width:100%;height:95vh;border:0';
  document.body.appendChild(frame);
})();
