import * as vscode from 'vscode';

/** `publisher.name#walkthrough id` of package.json's `contributes.walkthroughs`. */
export const WALKTHROUGH_ID = 'ami-explorer.ami-explorer#learnAmazonMachineImages';

/** Opens the "Learn Amazon Machine Images" walkthrough (its steps tick off as the user does them). */
export async function openWalkthrough(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
}
