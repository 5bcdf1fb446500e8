/**
 * Launch permissions: private or public, accounts, organizations and OUs. Knows before the user
 * tries why an image cannot be public, applies only the difference, and shows what EC2 reads back.
 */
import * as l10n from '@vscode/l10n';
import type { Image, LaunchPermission } from '@aws-sdk/client-ec2';
import type { Parsed } from '../shared/messageValidation';
import { parseChecked, readLaunchPermissionsMessage } from '../shared/messageValidation';
import { counted } from '../shared/plural';
import type {
  LaunchPermissionsArgs,
  LaunchPermissionsInit,
  LaunchPermissionsResult,
  LaunchPermissionsToHost,
  PermissionSet,
} from '../shared/protocol/launchPermissions';
import type { ReadyMessage } from '../shared/protocol/envelope';
import { publisherChecklist } from '../shared/trust';
import type { PanelServices } from './panelServices';
import type { PanelController, Post } from './panelSession';

type Msg = LaunchPermissionsToHost;

export class LaunchPermissionsPanel implements PanelController<
  Msg,
  LaunchPermissionsInit,
  LaunchPermissionsResult,
  LaunchPermissionsArgs
> {
  readonly kind = 'launchPermissions';
  readonly args: LaunchPermissionsArgs;
  readonly title: string;
  private data: LaunchPermissionsInit | undefined;

  constructor(
    private readonly region: string,
    private readonly imageId: string,
    private readonly services: PanelServices,
  ) {
    this.args = { kind: 'launchPermissions', region, imageId };
    this.title = l10n.t('Launch Permissions: {0}', imageId);
  }

  parse(raw: unknown): Parsed<Msg> {
    return parseChecked(readLaunchPermissionsMessage, raw, (m) => {
      if (m.type === 'revealInTree' || m.type === 'copyId') {
        return m.id === this.imageId ? undefined : l10n.t('{0} is not the image of this panel.', m.id);
      }
      if ((m.type === 'submit' || m.type === 'loadFrom') && !this.data)
        return l10n.t('The panel has not loaded the image yet.');
      if (m.type === 'loadFrom' && !this.data?.otherOwnedImages.some((i) => i.imageId === m.imageId)) {
        return l10n.t('{0} is not another image you own in {1}.', m.imageId, this.region);
      }
      if (
        m.type === 'submit' &&
        m.params.isPublic &&
        !this.data?.current.isPublic &&
        this.data?.publicBlockers.length
      ) {
        return l10n.t('the image cannot be made public: {0}', this.data.publicBlockers[0]);
      }
      return undefined;
    });
  }

  async load(): Promise<LaunchPermissionsInit> {
    const { ec2 } = this.services;
    const [images, account] = await Promise.all([
      ec2.describeImages(this.region, [this.imageId]),
      this.services.callerAccountId(),
    ]);
    const image = images[0];
    if (!image) throw new Error(l10n.t('{0} does not exist in {1}.', this.imageId, this.region));
    if (image.OwnerId !== account)
      throw new Error(
        l10n.t(
          '{0} belongs to account {1}: only its owner can change who may launch it.',
          this.imageId,
          image.OwnerId ?? '',
        ),
      );
    const [permissions, blockPublic, owned] = await Promise.all([
      ec2.getLaunchPermissions(this.region, this.imageId),
      ec2.getImageBlockPublicAccessState(this.region),
      ec2.listOwnedImages(this.region),
    ]);
    this.data = {
      region: this.region,
      imageId: this.imageId,
      name: image.Name,
      current: toPermissionSet(permissions),
      publicBlockers: publicBlockers(image, blockPublic),
      sharingChecklist: sharingChecklist(image, blockPublic),
      connectionAccounts: this.services.connectionAccounts().filter((a) => a.accountId !== account),
      otherOwnedImages: owned
        .filter((i) => i.ImageId && i.ImageId !== this.imageId)
        .map((i) => ({ imageId: i.ImageId as string, name: i.Name }))
        .slice(0, 200),
    };
    return this.data;
  }

  async handle(
    m: Exclude<Msg, ReadyMessage>,
    post: Post<LaunchPermissionsInit, LaunchPermissionsResult>,
  ): Promise<void> {
    const { ec2 } = this.services;
    switch (m.type) {
      case 'revealInTree':
        return this.services.revealImage(this.region, m.id);
      case 'copyId':
        return this.services.copyText(m.id);
      case 'loadFrom':
        try {
          const permissions = toPermissionSet(await ec2.getLaunchPermissions(this.region, m.imageId));
          post({
            type: 'result',
            requestId: m.requestId,
            result: { ok: true, kind: 'loaded', imageId: m.imageId, permissions },
          });
        } catch (e) {
          post({ type: 'result', requestId: m.requestId, result: { ok: false, error: this.services.explainError(e) } });
        }
        return;
      case 'submit': {
        const data = this.data as LaunchPermissionsInit;
        const { add, remove } = diffPermissions(data.current, m.params);
        try {
          if (add.length + remove.length > 0) {
            post({
              type: 'progress',
              requestId: m.requestId,
              message: l10n.t(
                'Applying {0} and {1}…',
                counted(add.length, l10n.t('{0} addition'), l10n.t('{0} additions')),
                counted(remove.length, l10n.t('{0} removal'), l10n.t('{0} removals')),
              ),
            });
            await ec2.modifyLaunchPermissions(this.region, this.imageId, add, remove);
            this.services.imagesChanged(this.region);
          }
          post({ type: 'progress', requestId: m.requestId, message: l10n.t('Reading the permissions back from EC2…') });
          data.current = toPermissionSet(await ec2.getLaunchPermissions(this.region, this.imageId));
          post({
            type: 'result',
            requestId: m.requestId,
            result: { ok: true, kind: 'applied', permissions: data.current },
          });
        } catch (e) {
          post({ type: 'result', requestId: m.requestId, result: { ok: false, error: this.services.explainError(e) } });
        }
      }
    }
  }
}

export function toPermissionSet(list: readonly LaunchPermission[]): PermissionSet {
  const pick = (f: (p: LaunchPermission) => string | undefined) =>
    list.flatMap((p) => (f(p) ? [f(p) as string] : [])).sort();
  return {
    isPublic: list.some((p) => p.Group === 'all'),
    accounts: pick((p) => p.UserId),
    organizations: pick((p) => p.OrganizationArn),
    organizationalUnits: pick((p) => p.OrganizationalUnitArn),
  };
}

/** The ModifyImageAttribute lists that turn `current` into `wanted`. */
export function diffPermissions(
  current: PermissionSet,
  wanted: PermissionSet,
): { add: LaunchPermission[]; remove: LaunchPermission[] } {
  const add: LaunchPermission[] = [];
  const remove: LaunchPermission[] = [];
  if (wanted.isPublic !== current.isPublic) (wanted.isPublic ? add : remove).push({ Group: 'all' });
  const lists: [keyof Omit<PermissionSet, 'isPublic'>, (v: string) => LaunchPermission][] = [
    ['accounts', (v) => ({ UserId: v })],
    ['organizations', (v) => ({ OrganizationArn: v })],
    ['organizationalUnits', (v) => ({ OrganizationalUnitArn: v })],
  ];
  for (const [key, make] of lists) {
    for (const v of wanted[key]) if (!current[key].includes(v)) add.push(make(v));
    for (const v of current[key]) if (!wanted[key].includes(v)) remove.push(make(v));
  }
  return { add, remove };
}

/** Why EC2 would refuse to make this image public. */
/** What the publisher checks before sharing (EC2 User Guide, "Guidelines for shared Linux AMIs"), and what EC2 knows. */
export function sharingChecklist(
  image: Image,
  blockPublicAccessState: string,
): { checklist: string[]; facts: string[] } {
  const ebs = (image.BlockDeviceMappings ?? []).filter((b) => b.Ebs?.SnapshotId);
  const encrypted = ebs.filter((b) => b.Ebs?.Encrypted).length;
  const codes = (image.ProductCodes ?? []).map((c) => `${c.ProductCodeId} (${c.ProductCodeType})`);
  return {
    checklist: publisherChecklist(),
    facts: [
      ebs.length === 0
        ? l10n.t('Snapshots: none (instance store or no EBS volume).')
        : encrypted > 0
          ? l10n.t(
              'Snapshots: {0} of {1} encrypted — accounts you share with also need the KMS key; it cannot be made public.',
              encrypted,
              ebs.length,
            )
          : l10n.t('Snapshots: {0} of {1} encrypted.', encrypted, ebs.length),
      codes.length
        ? l10n.t('Product codes: {0} — it cannot be made public.', codes.join(', '))
        : l10n.t('Product codes: none.'),
      blockPublicAccessState === 'block-new-sharing'
        ? l10n.t('Block public access for AMIs in this region: on (block-new-sharing): it cannot be made public.')
        : l10n.t('Block public access for AMIs in this region: off (unblocked).'),
    ],
  };
}

export function publicBlockers(image: Image, blockPublicAccessState: string): string[] {
  const blockers: string[] = [];
  if ((image.BlockDeviceMappings ?? []).some((b) => b.Ebs?.Encrypted)) {
    blockers.push(
      l10n.t(
        'It has encrypted snapshots, and EC2 never makes such AMIs public. Share it with specific accounts instead, and share the KMS key with them.',
      ),
    );
  }
  if ((image.ProductCodes ?? []).length > 0) {
    blockers.push(l10n.t('It has product codes (AWS Marketplace), and EC2 does not make such AMIs public.'));
  }
  if (blockPublicAccessState === 'block-new-sharing') {
    blockers.push(
      l10n.t(
        'Block public access for AMIs is on in this region. Turn it off in the EC2 console (Data protection and security) if you really mean to share publicly.',
      ),
    );
  }
  return blockers;
}
