/** IPC channel names of the contract, shared by the preload and the main-side binding. */
export const callChannel = (name: string): string => `despacho:call:${name}`;
export const eventChannel = (name: string): string => `despacho:event:${name}`;
