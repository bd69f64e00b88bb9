import { useEffect, useEffectEvent } from 'react';
import { COMMANDS, type CommandId } from '../../../shared/commands';

/** Runs each command chosen in Electron's application menu (the web shell has no menu). */
export function useMenuCommands(run: (id: CommandId) => void): void {
  const runFromMenu = useEffectEvent((id: string) => {
    if (COMMANDS.some((c) => c.id === id)) run(id as CommandId);
  });
  useEffect(() => window.casefile?.onCommand((id) => runFromMenu(id)), []);
}
