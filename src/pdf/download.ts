// Hands a file made in the browser to the learner: a Blob and an <a download>, no network.
export function downloadFile(data: Uint8Array | string, fileName: string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the Blob after click() returns: release it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The course theme's accent colour, so a PDF matches the course it came from. */
export function accentColour(): string | undefined {
  const value = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
  return /^#[0-9a-f]{3,6}$/i.test(value) ? value : undefined;
}
