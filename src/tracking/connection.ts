// Whether this browser has a network at all, and when it comes back: the one signal a course has
// before it tries to save. (A network that is up but cannot reach the LMS looks online here; then
// the LMS's own answer, and the next launch's re-send, are what is left.)
export interface Connection {
  online(): boolean;
  onOnline(listener: () => void): void;
  onOffline(listener: () => void): void;
}

export const browserConnection: Connection = {
  online: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  onOnline: (listener) => {
    if (typeof window !== 'undefined') window.addEventListener('online', listener);
  },
  onOffline: (listener) => {
    if (typeof window !== 'undefined') window.addEventListener('offline', listener);
  },
};
