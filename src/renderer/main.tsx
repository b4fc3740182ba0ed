import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectClient } from './api/connect';
import { App, MissingToken } from './app/App';
import './styles/base.css';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
void connectClient().then((client) =>
  createRoot(root).render(<StrictMode>{client ? <App client={client} /> : <MissingToken />}</StrictMode>),
);
