/**
 * Builds the controller of a panel from what it is about. The container passes this (bound to
 * its `PanelServices`) to `PanelRegistry`; commands then call `registry.show(args)`.
 */
import type { PanelArgs } from '../shared/protocol';
import { CopyImagePanel } from './copyImagePanel';
import { CreateImagePanel } from './createImagePanel';
import { DeregisterPanel } from './deregisterPanel';
import { ImageDetailsPanel } from './imageDetailsPanel';
import { LaunchInstancePanel } from './launchInstancePanel';
import { LaunchPermissionsPanel } from './launchPermissionsPanel';
import type { PanelServices } from './panelDependencies';

export type AnyPanelController =
  | CreateImagePanel
  | DeregisterPanel
  | LaunchPermissionsPanel
  | CopyImagePanel
  | LaunchInstancePanel
  | ImageDetailsPanel;

export function createPanelController(args: PanelArgs, services: PanelServices): AnyPanelController {
  switch (args.kind) {
    case 'createImage':
      return new CreateImagePanel(args.region, args.instanceId, services);
    case 'deregister':
      return new DeregisterPanel(args.region, args.imageIds, services);
    case 'launchPermissions':
      return new LaunchPermissionsPanel(args.region, args.imageId, services);
    case 'copyImage':
      return new CopyImagePanel(args.region, args.imageId, services);
    case 'launchInstance':
      return new LaunchInstancePanel(args.region, args.imageId, services);
    case 'imageDetails':
      return new ImageDetailsPanel(args.region, args.imageId, services);
  }
}
