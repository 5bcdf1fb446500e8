import * as vscode from 'vscode';
import { clearFilter } from './clearFilter';
import type { CommandId } from './commandIds';
import { connectToAws } from './connectToAws';
import { connectToEndpoint } from './connectToEndpoint';
import { copyImageId } from './copyImageId';
import { copyInstanceId } from './copyInstanceId';
import { copyImage } from './copyImage';
import { createImage } from './createImage';
import { explainNoCreateImage } from './explainNoCreateImage';
import { deregisterImage } from './deregisterImage';
import { editLaunchPermissions } from './editLaunchPermissions';
import { launchInstance } from './launchInstance';
import { showImageDetails } from './showImageDetails';
import type { CommandDeps } from './deps';
import { filterImages } from './filterImages';
import { findImage } from './findImage';
import { loadMore } from './loadMore';
import { rebootInstance } from './rebootInstance';
import { refresh } from './refresh';
import { resetSimulator } from './resetSimulator';
import { revealImage } from './revealImage';
import { runCommand } from './runCommand';
import { selectRegions } from './selectRegions';
import { startInstance } from './startInstance';
import { stopInstance } from './stopInstance';
import { terminateInstance } from './terminateInstance';
import { manageTags } from './manageTags';
import { deprecateImage } from './deprecateImage';
import { cancelImageDeprecation } from './cancelImageDeprecation';
import { disableImage } from './disableImage';
import { enableImage } from './enableImage';
import { protectImage } from './protectImage';
import { unprotectImage } from './unprotectImage';
import { setImageBlockPublicAccess } from './setImageBlockPublicAccess';
import { deleteSnapshot } from './deleteSnapshot';
import { createImageFromSnapshot } from './createImageFromSnapshot';
import { leaveSharedImage } from './leaveSharedImage';
import { openWalkthrough } from './openWalkthrough';
import { settlePendingWork } from './settlePendingWork';
import { startSimulatorEndpoint } from './startSimulatorEndpoint';
import { stopSimulatorEndpoint } from './stopSimulatorEndpoint';
import { switchSimulatorAccount } from './switchSimulatorAccount';
import { useSimulator } from './useSimulator';
import { copyImageAs } from './copyImageAs';
import { revealParameterImage } from './revealParameterImage';
import { editAllowedImages } from './editAllowedImages';
import { restoreFromRecycleBin } from './restoreFromRecycleBin';
import { cleanUpImages } from './cleanUpImages';
import { revealUsedByInstance } from './revealUsedByInstance';
import { copyUsedById } from './copyUsedById';
import { addConnection } from './addConnection';
import { removeConnection } from './removeConnection';

/** `node` is the row the command was invoked on; `selection` the selected rows when several are. */
type Handler = (deps: CommandDeps, node?: unknown, selection?: unknown) => Promise<void>;

/** Every command and its handler; the type makes this list and commandIds.ts agree. */
const HANDLERS: Record<CommandId, Handler> = {
  'amiExplorer.refresh': refresh,
  'amiExplorer.selectRegions': selectRegions,
  'amiExplorer.connectToAws': connectToAws,
  'amiExplorer.connectToEndpoint': connectToEndpoint,
  'amiExplorer.useSimulator': useSimulator,
  'amiExplorer.resetSimulator': resetSimulator,
  'amiExplorer.filterImages': filterImages,
  'amiExplorer.findImage': findImage,
  'amiExplorer.clearFilter': clearFilter,
  'amiExplorer.loadMore': loadMore,
  'amiExplorer.copyImageId': copyImageId,
  'amiExplorer.copyInstanceId': copyInstanceId,
  'amiExplorer.revealImage': revealImage,
  'amiExplorer.createImage': createImage,
  'amiExplorer.explainNoCreateImage': explainNoCreateImage,
  'amiExplorer.deregisterImage': deregisterImage,
  'amiExplorer.editLaunchPermissions': editLaunchPermissions,
  'amiExplorer.copyImage': copyImage,
  'amiExplorer.launchInstance': launchInstance,
  'amiExplorer.showImageDetails': showImageDetails,
  'amiExplorer.startInstance': startInstance,
  'amiExplorer.stopInstance': stopInstance,
  'amiExplorer.rebootInstance': rebootInstance,
  'amiExplorer.terminateInstance': terminateInstance,
  'amiExplorer.manageTags': manageTags,
  'amiExplorer.deprecateImage': deprecateImage,
  'amiExplorer.cancelImageDeprecation': cancelImageDeprecation,
  'amiExplorer.disableImage': disableImage,
  'amiExplorer.enableImage': enableImage,
  'amiExplorer.protectImage': protectImage,
  'amiExplorer.unprotectImage': unprotectImage,
  'amiExplorer.setImageBlockPublicAccess': setImageBlockPublicAccess,
  'amiExplorer.deleteSnapshot': deleteSnapshot,
  'amiExplorer.createImageFromSnapshot': createImageFromSnapshot,
  'amiExplorer.leaveSharedImage': leaveSharedImage,
  'amiExplorer.switchSimulatorAccount': switchSimulatorAccount,
  'amiExplorer.startSimulatorEndpoint': startSimulatorEndpoint,
  'amiExplorer.stopSimulatorEndpoint': stopSimulatorEndpoint,
  'amiExplorer.settlePendingWork': settlePendingWork,
  'amiExplorer.openWalkthrough': openWalkthrough,
  'amiExplorer.copyImageAs': copyImageAs,
  'amiExplorer.revealParameterImage': revealParameterImage,
  'amiExplorer.editAllowedImages': editAllowedImages,
  'amiExplorer.restoreFromRecycleBin': restoreFromRecycleBin,
  'amiExplorer.cleanUpImages': cleanUpImages,
  // "Used by" rows of the tree (issue 13).
  'amiExplorer.revealUsedByInstance': revealUsedByInstance,
  'amiExplorer.copyUsedById': copyUsedById,
  'amiExplorer.addConnection': addConnection,
  'amiExplorer.removeConnection': removeConnection,
};

/** Registers every command behind the error boundary. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return Object.entries(HANDLERS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, (node?: unknown, selection?: unknown) => {
      // A command acts on the connection of the row it starts from (the primary one from the palette).
      const scoped = deps.forNode(node);
      return runCommand(scoped, id, () => handler(scoped, node, selection));
    }),
  );
}
