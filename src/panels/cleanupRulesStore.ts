import * as vscode from 'vscode';
import { RULES_FILE_PATH } from '../shared/cleanup/rulesFile';
import type { CleanupRulesStore } from './panelServices';

/**
 * The cleanup rules file of the first workspace folder (`.vscode/ami-cleanup.json`), so that a
 * team shares its rules through the repository. Without a folder there is nothing to save to.
 */
export function workspaceRulesStore(): CleanupRulesStore {
  const fileUri = () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, RULES_FILE_PATH) : undefined;
  };
  return {
    read: async () => {
      const uri = fileUri();
      if (!uri) return { location: vscode.l10n.t('no folder is open'), writable: false };
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        return { location: RULES_FILE_PATH, writable: true, text: new TextDecoder().decode(bytes) };
      } catch (e) {
        if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') {
          return { location: RULES_FILE_PATH, writable: true };
        }
        throw e;
      }
    },
    write: async (text) => {
      const uri = fileUri();
      if (!uri) throw new Error(vscode.l10n.t('No folder is open.'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    },
  };
}
