import type { Handlers } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/errors';
import type { TrainingCallName } from '../../../shared/api/training';

const notHere = () => Promise.reject(new ApiError('not_found'));

/** A desk that is not a training desk has no scenarios and no trainees: every training call is `not_found`. */
export const noTrainingHere: Pick<Handlers, TrainingCallName> = {
  'training.scenarios': notHere,
  'training.start': notHere,
  'training.progress': notHere,
  'training.hint': notHere,
  'training.leave': notHere,
  'training.card.insert': notHere,
};
