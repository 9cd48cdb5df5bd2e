// Session time in each standard's exact format.

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (hours two to four digits). */
export function scorm12Time(totalSeconds: number): string {
  const cs = Math.max(0, Math.round(totalSeconds * 100));
  const hours = Math.min(9999, Math.floor(cs / 360000));
  const minutes = Math.floor((cs % 360000) / 6000);
  const seconds = (cs % 6000) / 100;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** ISO 8601 duration as SCORM 2004 and xAPI want it, e.g. PT1H2M3.5S. */
export function iso8601Duration(totalSeconds: number): string {
  const cs = Math.max(0, Math.round(totalSeconds * 100));
  const hours = Math.floor(cs / 360000);
  const minutes = Math.floor((cs % 360000) / 6000);
  const seconds = (cs % 6000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (seconds || out === 'PT') out += `${Number(seconds.toFixed(2))}S`;
  return out;
}
