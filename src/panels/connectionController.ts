import type { PanelController } from './panelSession';
import type { PanelArgs } from './panelTable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table erases each panel's message types
type AnyController = PanelController<any, any, any>;

/**
 * The same controller, its `args` naming the connection it acts on. The controllers describe only
 * their resource; the webview saves `args` from `init`, so without the connection a panel that VS
 * Code restores after a reload would act on the primary connection instead of its own.
 */
export function onConnection(controller: AnyController, connection: string): AnyController {
  const args: PanelArgs = { ...(controller.args as PanelArgs), connection };
  return {
    kind: controller.kind,
    args,
    title: controller.title,
    parse: (raw) => controller.parse(raw),
    load: () => controller.load(),
    handle: (message, post) => controller.handle(message, post),
  };
}
