import { ApiError } from '../../../shared/api/errors';
import type { TrainerConsole } from './trainer-desk';

const notHere = () => Promise.reject(new ApiError('not_found'));

/** A desk that is not a training desk has no class and no trainees: every trainer call is `not_found`. */
export const noTrainerConsole: TrainerConsole = {
  handlers: {
    'trainer.sessions.create': notHere,
    'trainer.trainees': notHere,
    'trainer.sessions.list': notHere,
    'trainer.class': notHere,
    'trainer.hint': notHere,
    'trainer.reset': notHere,
    'trainer.records.csv': notHere,
    'trainer.records.certificate': notHere,
  },
  close: () => undefined,
};
