import { es } from './es';
import type { MessageKey } from './fill';

/** Whether a key built at run time (an error code, a state) names a message. */
export const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(es, key);
