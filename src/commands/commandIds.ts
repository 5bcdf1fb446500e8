/** Every command the extension registers; a unit test checks this list against package.json. */
export const COMMAND_IDS = [
  'amiExplorer.refresh',
  'amiExplorer.selectRegions',
  'amiExplorer.connectToAws',
  'amiExplorer.useSimulator',
  'amiExplorer.resetSimulator',
  'amiExplorer.filterImages',
  'amiExplorer.clearFilter',
  'amiExplorer.loadMore',
  'amiExplorer.copyImageId',
  'amiExplorer.copyInstanceId',
  'amiExplorer.revealImage',
  'amiExplorer.createImage',
  'amiExplorer.deregisterImage',
  'amiExplorer.editLaunchPermissions',
  'amiExplorer.copyImage',
  'amiExplorer.launchInstance',
  'amiExplorer.startInstance',
  'amiExplorer.stopInstance',
  'amiExplorer.rebootInstance',
  'amiExplorer.terminateInstance',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
