/** After the next render (a pane shown or a dialog closed first), runs `action`. */
export function afterRender(action: () => void): void {
  setTimeout(action, 0);
}
