import { invokeApi } from '../../src/core/api';
import type { Workstation } from '../../src/core/workstation';
import type { Transport } from '../../src/renderer/src/api/client';

/**
 * A transport that carries the renderer's calls to a real workstation through the same validated
 * API the shells use (what the web shell's HTTP does, without the HTTP): for renderer tests that
 * check what the interface shows of the core's real answers.
 */
export function workstationTransport(ws: Workstation): Transport {
  return (method, args) => invokeApi(ws, method, args);
}
