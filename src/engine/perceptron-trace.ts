// A record of the perceptron rule's updates, for the panel to list with their numbers: each
// minibatch's samples (their input x, target y and output ŷ before the update) and the weights and
// bias before and after it. What is recorded is what the engine did (`perceptronDelta` and the SGD
// step of optimizers.ts), so a batch of several samples shows the mean of the rule over the batch.
// Kept only for a single sign or step unit (the perceptron lessons), and only while asked for.

/** One sample of a perceptron update, as the unit saw it before its weights changed. */
export interface PerceptronSample {
  /** 1-based place of the sample in its epoch's shuffled order. */
  position: number;
  /** The network's input (in the data's standardised units, as trained). */
  x: number[];
  /** Where the sample is drawn in the boundary view (the plane of x1, x2). */
  point: [number, number];
  /** Target, in the unit's own values (−1/+1 for sign, 0/1 for step). */
  y: number;
  /** The unit's output before the update. */
  yHat: number;
}

export interface PerceptronUpdate {
  /** 1-based epoch the minibatch belongs to. */
  epoch: number;
  /** 1-based minibatch of that epoch. */
  batch: number;
  learningRate: number;
  /** Samples in the minibatch; `samples` lists the first PERCEPTRON_TRACE_SAMPLES of them. */
  rows: number;
  /** Samples of the minibatch the unit got wrong (ŷ ≠ y): only they move the weights. */
  wrong: number;
  samples: PerceptronSample[];
  weightsBefore: number[];
  weightsAfter: number[];
  biasBefore: number;
  biasAfter: number;
}

/** Updates a trace holds at most between two takes: the latest are kept. */
export const PERCEPTRON_TRACE_LIMIT = 64;
/** Samples listed of one minibatch (the first ones; a big batch is summarised by its count). */
export const PERCEPTRON_TRACE_SAMPLES = 16;

/** The updates since the last take, oldest first, bounded to the latest `limit`. */
export class PerceptronTrace {
  private updates: PerceptronUpdate[] = [];

  constructor(private readonly limit: number = PERCEPTRON_TRACE_LIMIT) {}

  add(update: PerceptronUpdate): void {
    this.updates.push(update);
    if (this.updates.length > this.limit) this.updates.splice(0, this.updates.length - this.limit);
  }

  take(): PerceptronUpdate[] {
    const taken = this.updates;
    this.updates = [];
    return taken;
  }
}

/** Whether the update changed nothing: every sample of the batch was already right. */
export function unchanged(update: PerceptronUpdate): boolean {
  return update.biasAfter === update.biasBefore && update.weightsAfter.every((w, i) => w === update.weightsBefore[i]);
}
