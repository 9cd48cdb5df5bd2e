// A failure the person running the tool can act on: printed as it is, without a stack trace.
export class InsightsError extends Error {}
