// Reads the resume document at launch: the LRS's copy and this browser's copy, the newer wins.
import type { DocumentAddress } from '../../xapi/lrs-client';
import type { LrsReader } from '../../xapi/lrs-fetch';
import { newer, parseResume, readLocalResume, type ResumeDocument } from '../../xapi/resume-document';

export async function readResume(client: Pick<LrsReader, 'getState'>, at: DocumentAddress, localKey: string): Promise<{ saved: ResumeDocument | null; reachable: boolean }> {
  const local = readLocalResume(localKey);
  try {
    const r = await client.getState(at);
    if (r.status === 404) return { saved: local, reachable: true };
    if (r.status >= 200 && r.status < 300) return { saved: newer(parseResume(r.data), local), reachable: true };
    return { saved: local, reachable: false };
  } catch {
    return { saved: local, reachable: false };
  }
}
