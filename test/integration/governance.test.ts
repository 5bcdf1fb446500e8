// Governance actions on AMIs the caller owns, run through the real commands on the simulator,
// with the tree checked afterwards; and EC2's refusals, through the same SDK path as the extension.
import * as assert from 'assert';
import {
  DeregisterImageCommand,
  DescribeImageAttributeCommand,
  DescribeSnapshotsCommand,
  ModifyImageAttributeCommand,
} from '@aws-sdk/client-ec2';
import type { AmiExplorerApi } from '../../src/api';
import type { ExplorerNode } from '../../src/explorer/node';
import {
  children,
  contextValue,
  description,
  freshExplorer,
  iconId,
  item,
  nodeAt,
  rowNamed,
  run,
  runExpectingError,
  ScriptedInput,
  setSetting,
  imageRows,
} from './support';

const REGION = 'us-east-1';
const OWNED_EBS = [REGION, 'Images', 'Owned by me', 'EBS-backed'];

const ownedRow = (api: AmiExplorerApi, name: string) => rowNamed(api, OWNED_EBS, name);

/** The row as the tree shows it now (after a change, the provider re-renders the same id). */
async function current(api: AmiExplorerApi, row: ExplorerNode): Promise<ExplorerNode> {
  const found = await api.resolve(row.id);
  assert.ok(found, `${row.id} is no longer in the tree`);
  return found;
}

function tooltip(node: ExplorerNode): string {
  const t = item(node).tooltip;
  return typeof t === 'string' ? t : (t?.value ?? '');
}

const imageIdOf = (row: ExplorerNode) => row.id.split('/').pop()!;

describe('governance of owned AMIs', () => {
  let api: AmiExplorerApi;

  beforeEach(async () => {
    api = await freshExplorer();
    await setSetting('pageSize', 50);
  });

  after(async () => {
    api.setUserInput(undefined);
    await setSetting('pageSize', 5);
  });

  it('adds, edits and removes a tag on an AMI; its tooltip follows', async () => {
    const row = await ownedRow(api, 'web-server-base-v7');
    const theAmi = (i: { label: string }) => i.label.startsWith('The AMI ');
    let input = new ScriptedInput()
      .pickWhere(theAmi)
      .pickWhere((i) => i.label.includes('Add a tag'))
      .type('CostCenter')
      .type('cc-42');
    api.setUserInput(input);
    await run(api, 'amiExplorer.manageTags', row);
    input.assertDone();
    assert.match(tooltip(await current(api, row)), /CostCenter=cc-42/);

    input = new ScriptedInput()
      .pickWhere(theAmi)
      .pickWhere((i) => i.label.includes('Edit "CostCenter"'))
      .type('cc-43');
    api.setUserInput(input);
    await run(api, 'amiExplorer.manageTags', row);
    assert.match(tooltip(await current(api, row)), /CostCenter=cc-43/);

    input = new ScriptedInput()
      .pickWhere(theAmi)
      .pickWhere((i) => i.label.includes('Remove "CostCenter"'))
      .accept();
    api.setUserInput(input);
    await run(api, 'amiExplorer.manageTags', row);
    input.assertDone();
    assert.match(input.prompts[2].detail ?? '', /"cc-43" is lost/);
    assert.doesNotMatch(tooltip(await current(api, row)), /CostCenter/);
  });

  it('tags an AMI and the snapshots it uses at once', async () => {
    const row = await ownedRow(api, 'payments-api-encrypted-v3');
    const input = new ScriptedInput()
      .pickWhere((i) => i.label.startsWith('The AMI and its 2 snapshot'))
      .pickWhere((i) => i.label.includes('Add a tag'))
      .type('DataClass')
      .type('restricted');
    api.setUserInput(input);
    await run(api, 'amiExplorer.manageTags', row);
    input.assertDone();
    assert.match(tooltip(await current(api, row)), /DataClass=restricted/);
    const snapshotIds = (input.prompts[0].items ?? [])
      .filter((l) => l.startsWith('Its snapshot '))
      .map((l) => l.replace('Its snapshot ', ''));
    assert.strictEqual(snapshotIds.length, 2);
    const out = await (await api.ec2(REGION)).send(new DescribeSnapshotsCommand({ SnapshotIds: snapshotIds }));
    for (const s of out.Snapshots ?? []) {
      assert.ok(
        s.Tags?.some((t) => t.Key === 'DataClass' && t.Value === 'restricted'),
        s.SnapshotId,
      );
    }
  });

  it("refuses tag keys EC2 reserves, and governance on other accounts' AMIs", async () => {
    const row = await ownedRow(api, 'web-server-base-v7');
    api.setUserInput(
      new ScriptedInput()
        .pickWhere((i) => i.label.startsWith('The AMI '))
        .pickWhere((i) => i.label.includes('Add a tag'))
        .type('aws:owner'),
    );
    const refused = await runExpectingError(api, 'amiExplorer.manageTags', row);
    assert.match(refused.message, /reserved for AWS/);

    const amazon = (await imageRows(api, await nodeAt(api, [REGION, 'Images', 'Amazon', 'EBS-backed'])))[0];
    api.setUserInput(new ScriptedInput());
    for (const command of [
      'amiExplorer.manageTags',
      'amiExplorer.disableImage',
      'amiExplorer.deprecateImage',
      'amiExplorer.protectImage',
    ]) {
      const error = await runExpectingError(api, command, amazon);
      assert.match(error.message, /belongs to account/, command);
      assert.match(error.fix ?? '', /Only the owner/, command);
    }
  });

  it('deprecates at a typed UTC time (scheduled), and cancels it', async () => {
    const row = await ownedRow(api, 'web-server-base-v7');
    const input = new ScriptedInput().type('2030-01-31 14:30');
    api.setUserInput(input);
    await run(api, 'amiExplorer.deprecateImage', row);
    input.assertDone();
    let now = await current(api, row);
    assert.strictEqual(contextValue(now), 'image+available+owned+private+deprecationScheduled');
    assert.match(tooltip(now), /Deprecation: 2030-01-31 14:30:00 UTC — scheduled/);

    api.setUserInput(new ScriptedInput());
    await run(api, 'amiExplorer.cancelImageDeprecation', row);
    now = await current(api, row);
    assert.strictEqual(contextValue(now), 'image+available+owned+private');
    assert.doesNotMatch(tooltip(now), /Deprecation:/);
  });

  it('cancels a deprecation in effect: the warning icon goes', async () => {
    const row = await ownedRow(api, 'legacy-app-2024.08');
    assert.strictEqual(iconId(row), 'warning');
    assert.match(contextValue(row), /\+deprecated$/);
    api.setUserInput(new ScriptedInput());
    await run(api, 'amiExplorer.cancelImageDeprecation', row);
    const now = await current(api, row);
    assert.strictEqual(contextValue(now), 'image+available+owned+private');
    assert.notStrictEqual(iconId(now), 'warning');
  });

  it('refuses a deprecation time in the past or beyond 10 years, and a cancel when nothing is deprecated', async () => {
    const row = await ownedRow(api, 'web-server-base-v7');
    api.setUserInput(new ScriptedInput().type('2020-01-01 00:00'));
    assert.match((await runExpectingError(api, 'amiExplorer.deprecateImage', row)).message, /must be in the future/);
    api.setUserInput(new ScriptedInput().type('2099-01-01 00:00'));
    assert.match((await runExpectingError(api, 'amiExplorer.deprecateImage', row)).message, /at most 10 years/);
    api.setUserInput(new ScriptedInput());
    assert.match(
      (await runExpectingError(api, 'amiExplorer.cancelImageDeprecation', row)).message,
      /has no deprecation to cancel/,
    );
    assert.strictEqual(contextValue(await current(api, row)), 'image+available+owned+private');
  });

  it('disables after a confirmation that first says every launch permission goes, naming who loses access; re-enables', async () => {
    const row = await ownedRow(api, 'ci-build-agent-2026.10');
    const imageId = imageIdOf(row);
    const ec2 = await api.ec2(REGION);
    const permissions = async () =>
      (await ec2.send(new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' })))
        .LaunchPermissions ?? [];
    assert.strictEqual((await permissions()).length, 1);

    // The in-use pre-check comes first: the ci-runner launch template still launches it.
    const anyway = (i: { label: string }) => i.label.includes('Disable anyway');
    const careful = new ScriptedInput().pickWhere((i) => i.label.includes('ci-runner'));
    api.setUserInput(careful);
    await run(api, 'amiExplorer.disableImage', row);
    assert.match(
      careful.prompts[0].title,
      /^1 launch template still launches this AMI: it will fail to launch after disabling/,
    );
    assert.strictEqual(careful.prompts.length, 1, 'picking the template stops the command');
    assert.strictEqual(contextValue(await current(api, row)), 'image+available+owned+private', 'stopped: unchanged');

    api.setUserInput(new ScriptedInput().pickWhere(anyway).decline());
    await run(api, 'amiExplorer.disableImage', row);
    assert.strictEqual(contextValue(await current(api, row)), 'image+available+owned+private', 'declined: unchanged');

    const input = new ScriptedInput().pickWhere(anyway).accept();
    api.setUserInput(input);
    await run(api, 'amiExplorer.disableImage', row);
    assert.match(input.prompts[1].title, /removes every launch permission/);
    assert.match(input.prompts[1].detail ?? '', /^Disabling removes every launch permission/);
    assert.match(input.prompts[1].detail ?? '', /210987654321/);
    let now = await current(api, row);
    assert.strictEqual(contextValue(now), 'image+disabled+owned+private');
    assert.strictEqual(iconId(now), 'circle-slash');
    assert.deepStrictEqual(await permissions(), []);

    await run(api, 'amiExplorer.refresh', await nodeAt(api, [REGION, 'Images', 'Owned by me']));
    now = await ownedRow(api, 'ci-build-agent-2026.10');
    assert.strictEqual(
      contextValue(now),
      'image+disabled+owned+private',
      'a refreshed "Owned by me" still lists it, so it can be re-enabled',
    );

    api.setUserInput(new ScriptedInput());
    assert.match(
      (await runExpectingError(api, 'amiExplorer.disableImage', now)).message,
      /only an available AMI can be disabled/,
    );
    await run(api, 'amiExplorer.enableImage', now);
    assert.strictEqual(contextValue(await current(api, now)), 'image+available+owned+private');
    assert.deepStrictEqual(await permissions(), [], 're-enabling does not restore the permissions');
    assert.match((await runExpectingError(api, 'amiExplorer.enableImage', now)).message, /is not disabled/);
  });

  it('re-enables a disabled AMI picked from the palette', async () => {
    const row = await ownedRow(api, 'windows-2022-iis-golden');
    api.setUserInput(new ScriptedInput().accept());
    await run(api, 'amiExplorer.disableImage', row);
    const input = new ScriptedInput().pickLabel(REGION).pickLabel('windows-2022-iis-golden');
    api.setUserInput(input);
    await run(api, 'amiExplorer.enableImage');
    input.assertDone();
    assert.deepStrictEqual(input.prompts[1].items, ['windows-2022-iis-golden'], 'only disabled AMIs are offered');
    assert.strictEqual(contextValue(await current(api, row)), 'image+available+owned+private');
  });

  it('protects from deregistration with a cooldown: EC2 refuses to deregister, also for 24 hours after turning it off', async () => {
    const row = await ownedRow(api, 'web-server-base-v7');
    const input = new ScriptedInput().pickLabel('With 24-hour cooldown');
    api.setUserInput(input);
    await run(api, 'amiExplorer.protectImage', row);
    assert.ok(input.prompts[0].items?.includes('Without cooldown'));
    let now = await current(api, row);
    assert.strictEqual(contextValue(now), 'image+available+owned+private+protected');
    assert.match(description(now), /protected/);
    assert.match(tooltip(now), /24-hour cooldown/);
    const ec2 = await api.ec2(REGION);
    await assert.rejects(
      ec2.send(new DeregisterImageCommand({ ImageId: imageIdOf(row) })),
      /deregistration protection/,
    );

    api.setUserInput(new ScriptedInput());
    assert.match((await runExpectingError(api, 'amiExplorer.protectImage', now)).message, /already protected/);
    await run(api, 'amiExplorer.unprotectImage', now);
    now = await current(api, row);
    assert.strictEqual(contextValue(now), 'image+available+owned+private+protectionCooldown');
    assert.match(tooltip(now), /still protected until/);
    await assert.rejects(
      ec2.send(new DeregisterImageCommand({ ImageId: imageIdOf(row) })),
      /deregistration protection/,
    );
    assert.match((await runExpectingError(api, 'amiExplorer.unprotectImage', now)).message, /is not protected/);
  });

  it('protects without cooldown: turning it off allows deregistration at once', async () => {
    const row = await ownedRow(api, 'windows-2022-iis-golden');
    api.setUserInput(new ScriptedInput().pickLabel('Without cooldown'));
    await run(api, 'amiExplorer.protectImage', row);
    assert.strictEqual(contextValue(await current(api, row)), 'image+available+owned+private+protected');
    api.setUserInput(new ScriptedInput());
    await run(api, 'amiExplorer.unprotectImage', row);
    assert.strictEqual(contextValue(await current(api, row)), 'image+available+owned+private');
    await (await api.ec2(REGION)).send(new DeregisterImageCommand({ ImageId: imageIdOf(row) }));
  });

  it("switches the account's block public access for AMIs on the region row; EC2 then refuses to make an AMI public", async () => {
    const region = await nodeAt(api, [REGION]);
    await children(api, region);
    const input = new ScriptedInput().pickLabel('Block new public sharing');
    api.setUserInput(input);
    await run(api, 'amiExplorer.setImageBlockPublicAccess', region);
    const allow = input.prompts[0].items?.indexOf('Allow public sharing') ?? -1;
    assert.ok(allow >= 0);
    const regionRow = (await children(api)).find((n) => n.id === REGION)!;
    assert.match(description(regionRow), /public sharing blocked/);
    assert.match(tooltip(regionRow), /Block public access for AMIs: \*\*on\*\*/);

    const row = await ownedRow(api, 'web-server-base-v7');
    const ec2 = await api.ec2(REGION);
    await assert.rejects(
      ec2.send(
        new ModifyImageAttributeCommand({ ImageId: imageIdOf(row), LaunchPermission: { Add: [{ Group: 'all' }] } }),
      ),
      /block public access|public/i,
    );

    api.setUserInput(new ScriptedInput().pickLabel('Allow public sharing'));
    await run(api, 'amiExplorer.setImageBlockPublicAccess', region);
    const after = (await children(api)).find((n) => n.id === REGION)!;
    assert.doesNotMatch(description(after), /blocked/);
    assert.match(tooltip(after), /Block public access for AMIs: \*\*off\*\*/);
    await ec2.send(
      new ModifyImageAttributeCommand({ ImageId: imageIdOf(row), LaunchPermission: { Add: [{ Group: 'all' }] } }),
    );
  });
});
