import { contextBridge, ipcRenderer } from 'electron';
import { callNames, eventNames } from '../../shared/api/index';
import { buildBridge } from './bridge';

// The sandboxed preload: nothing but the contract's names crosses into the page.
contextBridge.exposeInMainWorld(
  'despacho',
  buildBridge({ calls: callNames, events: eventNames }, ipcRenderer),
);
