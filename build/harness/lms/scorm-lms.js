// One SCORM LMS for the browser tests, the preview (npm run dev) and the bench: scorm-again's real
// Scorm12API / Scorm2004API, loaded with what the LMS holds at launch and put where the course
// looks for it (window.API, window.API_1484_11). Every call the course makes is reported to
// `onCall`. `rules` may answer a call instead of scorm-again (a value refused, an initialise that
// fails, a session that has expired): those rules are ours, named as such by whoever passes them.
(function () {
  const NAMES = {
    scorm12: { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', err: 'LMSGetLastError', errText: 'LMSGetErrorString', window: 'API' },
    scorm2004: { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', err: 'GetLastError', errText: 'GetErrorString', window: 'API_1484_11' },
  };

  /**
   * @param {'scorm12'|'scorm2004'} standard
   * @param {Record<string,string>} data  flattened CMI data the LMS holds at launch
   * @param {{ onCall?: (entry: object) => void, rules?: Partial<Record<'init'|'get'|'set'|'commit'|'finish', (...args: string[]) => ({ result: string, error: string } | undefined)>> }} options
   */
  window.createScormLms = function (standard, data, options = {}) {
    const n = NAMES[standard];
    const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5, mastery_override: false };
    const api = standard === 'scorm12' ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
    if (data && Object.keys(data).length) api.loadFromFlattenedJSON(data, '');
    /** What the course set and the LMS accepted, by element. */
    const values = Object.assign({}, data);
    let forcedError = null;
    const facade = {};
    for (const method of Object.keys(Object.getPrototypeOf(api)).concat(Object.keys(api))) {
      if (typeof api[method] === 'function' && /^(LMS)?[A-Z]/.test(method)) facade[method] = (...args) => api[method](...args);
    }
    for (const kind of ['init', 'get', 'set', 'commit', 'finish']) {
      facade[n[kind]] = (...args) => {
        const ruled = options.rules?.[kind]?.(...args);
        forcedError = ruled ? ruled.error : null;
        const result = String(ruled ? ruled.result : api[n[kind]](...args));
        if (kind === 'set' && result === 'true') values[args[0]] = String(args[1]);
        const error = String(forcedError ?? api[n.err]());
        options.onCall?.({
          method: n[kind], element: kind === 'get' || kind === 'set' ? args[0] : undefined, value: args[1], result, error,
          errorText: error === '0' ? '' : String(api[n.errText](error)),
        });
        return result;
      };
    }
    facade[n.err] = () => (forcedError !== null ? forcedError : api[n.err]());
    return {
      api,
      names: n,
      values,
      install() {
        delete window.API;
        delete window.API_1484_11;
        window[n.window] = facade;
      },
    };
  };
})();
