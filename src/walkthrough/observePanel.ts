import type { PanelController } from '../panels/panelSession';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyController = PanelController<any, any, any>;

/**
 * The same controller, telling `onPublicRefused` when the Launch Permissions panel refuses to make
 * its image public: when it opens on an image EC2 would never make public (encrypted snapshots,
 * product codes, block public access: the form shows why and keeps "Public" off), or when a request
 * to make it public is refused. The panels stay unaware of the walkthrough.
 */
export function observePublicRefusals(controller: AnyController, onPublicRefused: () => void): AnyController {
  if (controller.kind !== 'launchPermissions') return controller;
  return {
    kind: controller.kind,
    args: controller.args,
    title: controller.title,
    parse: (raw) => {
      const parsed = controller.parse(raw);
      const message = raw as { type?: unknown; params?: { isPublic?: unknown } } | null;
      if (!parsed.ok && message?.type === 'submit' && message.params?.isPublic === true) onPublicRefused();
      return parsed;
    },
    load: async () => {
      const init = (await controller.load()) as { publicBlockers?: unknown[] };
      if ((init.publicBlockers ?? []).length > 0) onPublicRefused();
      return init;
    },
    handle: (message, post) => controller.handle(message, post),
  };
}
