// Which keys a panel field keeps for itself. VS Code's webview host forwards every keydown in the
// webview to the workbench, so that keybindings work while a webview has focus. For the editing
// keys that is harmful: the workbench runs its own command for them as well as the field's. Ctrl+A
// runs `editor.action.selectAll`, which, while the workbench counts the webview as focused (it
// polls for that every 250 ms), selects all in the webview a second time, a few hundred ms later,
// in the middle of the typing (so "0.02" typed after Ctrl+A arrives as "2"); and while it does not,
// focuses the text editor and selects all there, and the typing replaces the whole model file.
// Undo and redo are worse: the host blocks the field's own undo and the workbench's runs on the
// webview or, failing that, on the model file. A key listed here is handled by the field alone and
// never forwarded; every other key (F1, Ctrl+P, Ctrl+S, …) still reaches the workbench.

/** The parts of a KeyboardEvent the decision reads. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** With Ctrl (Cmd on macOS): select all, copy, paste, cut, undo, redo. */
const EDIT_LETTERS = new Set(['a', 'c', 'v', 'x', 'z', 'y']);
/** Caret movement and deletion, with or without Shift or Ctrl (select a word, delete a word, …). */
const CARET_KEYS = new Set(['backspace', 'delete', 'home', 'end', 'arrowleft', 'arrowright', 'arrowup', 'arrowdown']);

/** True when a focused panel field must handle `e` itself and the workbench must not see it. */
export function isFieldEditingKey(e: KeyLike): boolean {
  // Alt combinations are the workbench's (Alt+Left goes back); a field does nothing with them.
  if (e.altKey) return false;
  const key = e.key.toLowerCase();
  const command = e.ctrlKey || e.metaKey;
  if (command && EDIT_LETTERS.has(key)) return true;
  // Shift+Insert pastes, Ctrl+Insert copies, Shift+Delete cuts.
  if (key === 'insert' && (command || e.shiftKey)) return true;
  return CARET_KEYS.has(key);
}
