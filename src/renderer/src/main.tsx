import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AccessTokenMissing } from './access/AccessTokenMissing';
import { takeAccessToken } from './access/access-token';
import { bridgeTransport, createClient, httpTransport } from './api/client';
import { App } from './App';
import { LanguageProvider } from './i18n';
import './styles.css';

/** In Electron, the app over the preload's bridge; in a browser, over the web shell's API with this tab's token, or where to get one. */
function start(): ReactNode {
  const client = window.casefile ? createClient(bridgeTransport(window.casefile)) : null;
  const token = client ? null : takeAccessToken();
  const chosen = client ?? (token === null ? null : createClient(httpTransport(token)));
  if (chosen === null) return <AccessTokenMissing />;
  return (
    <LanguageProvider client={chosen}>
      <App client={chosen} />
    </LanguageProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {start()}
  </StrictMode>,
);
