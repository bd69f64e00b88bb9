import { describe, expect, it } from 'vitest';
import { electronNodeProblem, electronRequirement } from '../../scripts/electron-node.mjs';

describe('npm start: the Node.js that Electron needs', () => {
  it('reads what the installed Electron asks for from its package', () => {
    expect(electronRequirement()).toEqual({ electron: expect.stringMatching(/^\d+\./), needed: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(electronRequirement('/no/such/electron/package.json')).toBeNull();
  });

  it('says plainly that the Node.js is too old for Electron, what it needs, and what still runs', () => {
    const problem = electronNodeProblem({ node: '20.20.2', electron: '45.4.1', needed: '22.12.0' });
    expect(problem).toBe(
      'Node.js 20.20.2 is too old for Electron 45.4.1, which needs Node.js 22.12.0 or newer. ' +
        'For the desktop app install Node.js 22.12.0 or newer; the web shell runs on this one',
    );
  });

  it('finds no problem from this version up', () => {
    for (const node of ['22.12.0', '22.13.1', '23.0.0', '24.1.0']) {
      expect(electronNodeProblem({ node, electron: '45.4.1', needed: '22.12.0' })).toBeNull();
    }
    for (const node of ['22.11.9', '21.9.0', '20.19.0', '18.20.8']) {
      expect(electronNodeProblem({ node, electron: '45.4.1', needed: '22.12.0' })).not.toBeNull();
    }
  });

  it('checks nothing when the installed Electron states no Node.js version', () => {
    expect(electronNodeProblem({ node: '20.20.2', electron: '45.4.1', needed: null })).toBeNull();
  });
});
