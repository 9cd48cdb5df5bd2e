// Values of a commit the LMS did not confirm, kept to be sent again at the next launch.
//
// Moodle's SCORM 1.2 player marks each value as sent when it collects a commit, before it knows
// whether the post arrived (datamodels/scorm_12.js, CollectData): a value whose commit failed (the
// session had expired, the network dropped) is never posted again in that sitting, even if set
// again. At the next launch its player starts from what the server holds, so the same value set
// then differs from it and is posted. Pure: the SCORM tracker keeps the groups in its local backup.
import type { Pair } from './dialect';
import { INTERACTION_ELEMENT as INTERACTION, OBJECTIVE_ELEMENT as OBJECTIVE, interactionElement, objectiveElement } from './elements';

/** One unconfirmed commit's values, in the order they were set. */
export type Unconfirmed = Pair[][];


/** Adds a commit that failed, leaving out what is not to be replayed (bookmark, state, exit). */
export function remember(groups: Unconfirmed, pairs: readonly Pair[], skip: ReadonlySet<string>): Unconfirmed {
  const kept = pairs.filter(([element]) => !skip.has(element));
  return kept.length ? [...groups, kept] : groups;
}

/** After a confirmed commit: a value it changed to something else is out of date, so dropped
 *  (the LMS posted the newer one). A value set again unchanged stays: Moodle would not post it. */
export function supersede(groups: Unconfirmed, confirmed: readonly Pair[]): Unconfirmed {
  const latest = new Map(confirmed);
  return groups
    .map((g) => g.filter(([element, value]) => !latest.has(element) || latest.get(element) === value))
    .filter((g) => g.length > 0);
}

/** Moves a group's interactions and objectives to the indexes they have now: `interactionAt` and
 *  `objectiveAt` give the index for an id (an existing one, or the next free). An interaction or
 *  objective whose id is not in the group is left out: without it the LMS would refuse the rest. */
export function renumber(group: readonly Pair[], interactionAt: (id: string) => number, objectiveAt: (id: string) => number): Pair[] {
  const ids = (re: RegExp) => new Map(group.flatMap(([e, v]) => { const m = re.exec(e); return m && m[2] === 'id' ? [[m[1], v] as const] : []; }));
  const interactionIds = ids(INTERACTION);
  const objectiveIds = ids(OBJECTIVE);
  const moved = new Map<string, number>();
  const index = (kind: string, old: string, id: string, at: (id: string) => number) => {
    const key = `${kind}${old}`;
    if (!moved.has(key)) moved.set(key, at(id));
    return moved.get(key)!;
  };
  return group.flatMap(([element, value]): Pair[] => {
    const i = INTERACTION.exec(element);
    if (i) {
      const id = interactionIds.get(i[1]);
      return id === undefined ? [] : [[interactionElement(index('i', i[1], id, interactionAt), i[2]), value]];
    }
    const o = OBJECTIVE.exec(element);
    if (o) {
      const id = objectiveIds.get(o[1]);
      return id === undefined ? [] : [[objectiveElement(index('o', o[1], id, objectiveAt), o[2]), value]];
    }
    return [[element, value]];
  });
}
