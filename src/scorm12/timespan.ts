// SCORM 1.2's CMITimespan (RTE 3.4.2): HHHH:MM:SS.SS, hours two to four digits, seconds to the hundredth.
export function cmiTimespan(totalSeconds: number): string {
  const cs = Math.max(0, Math.round(totalSeconds * 100));
  const hours = Math.min(9999, Math.floor(cs / 360000));
  const minutes = Math.floor((cs % 360000) / 6000);
  const seconds = (cs % 6000) / 100;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, '0')}`;
}
