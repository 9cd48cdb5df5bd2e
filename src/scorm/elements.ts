// The data model elements SCORM 1.2 and 2004 name alike: the interactions and objectives arrays
// (cmi.interactions.n.*, cmi.objectives.n.*). Each version types its own fields.
export type InteractionElement<Field extends string> = `cmi.interactions.${number}.${Field}`;
export type ObjectiveElement<Field extends string> = `cmi.objectives.${number}.${Field}`;

export const interactionElement = <F extends string>(n: number, field: F): InteractionElement<F> => `cmi.interactions.${n}.${field}`;
export const objectiveElement = <F extends string>(n: number, field: F): ObjectiveElement<F> => `cmi.objectives.${n}.${field}`;

/** Index and field of an interactions or objectives element. */
export const INTERACTION_ELEMENT = /^cmi\.interactions\.(\d+)\.(.+)$/;
export const OBJECTIVE_ELEMENT = /^cmi\.objectives\.(\d+)\.(.+)$/;
