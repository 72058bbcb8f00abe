// The experiments' one error type, in a file of its own so the panel's view can import the sweep's
// names without the engine.

/** A wrong request for an experiment (data it cannot draw, a bad sweep): its message is for the user. */
export class ExperimentError extends Error {}
