import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Image, Instance } from '@aws-sdk/client-ec2';
import { contextValues } from '../../../src/explorer/contextValues';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const ME = '123456789012';
const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));

/** The viewItem regexes each command's context-menu entries use, from package.json. */
function menuRegexes(command: string): RegExp[] {
  return (pkg.contributes.menus['view/item/context'] as { command: string; when: string }[])
    .filter((m) => m.command === command)
    .map((m) => {
      const match = /viewItem =~ \/(.+)\/(?:\s|$)/.exec(m.when);
      assert.ok(match, `menu entry of ${command} has no viewItem regex: ${m.when}`);
      assert.ok(match[1].startsWith('^') && match[1].endsWith('$'), `regex of ${command} is not anchored: ${match[1]}`);
      return new RegExp(match[1]);
    });
}

function shows(command: string, contextValue: string): boolean {
  const regexes = menuRegexes(command);
  assert.ok(regexes.length > 0, `${command} has no context menu entry`);
  return regexes.every((r) => r.test(contextValue));
}

const instance = (state: string, root: 'ebs' | 'instance-store'): Instance =>
  ({ InstanceId: 'i-0123456789abcdef0', State: { Name: state }, RootDeviceType: root }) as Instance;
const image = (over: Partial<Image>): Image => ({
  ImageId: 'ami-0123456789abcdef0',
  State: 'available',
  OwnerId: ME,
  Public: false,
  ...over,
});

describe('contextValues', () => {
  it('encodes kind, state, ownership, visibility and deprecation of images', () => {
    assert.strictEqual(contextValues.image(image({}), ME, NOW), 'image+available+owned+private');
    assert.strictEqual(
      contextValues.image(image({ OwnerId: '137112412989', Public: true }), ME, NOW),
      'image+available+notOwned+public',
    );
    assert.strictEqual(contextValues.image(image({ State: 'pending' }), ME, NOW), 'image+pending+owned+private');
    assert.strictEqual(
      contextValues.image(image({ DeprecationTime: '2026-01-01T00:00:00.000Z' }), ME, NOW),
      'image+available+owned+private+deprecated',
    );
    assert.strictEqual(
      contextValues.image(image({ DeprecationTime: '2027-01-01T00:00:00.000Z' }), ME, NOW),
      'image+available+owned+private+deprecationScheduled',
      'a deprecation in the future is scheduled, not in effect',
    );
    assert.strictEqual(
      contextValues.image(image({}), undefined, NOW),
      'image+available+notOwned+private',
      'unknown account: not owned',
    );
  });

  it('encodes deregistration protection: on (with or without cooldown), and a cooldown still running after it was turned off', () => {
    assert.strictEqual(
      contextValues.image(image({ DeregistrationProtection: 'enabled-without-cooldown' }), ME, NOW),
      'image+available+owned+private+protected',
    );
    assert.strictEqual(
      contextValues.image(
        image({
          State: 'disabled',
          DeregistrationProtection: 'enabled-with-cooldown',
          DeprecationTime: '2026-01-01T00:00:00.000Z',
        }),
        ME,
        NOW,
      ),
      'image+disabled+owned+private+deprecated+protected',
    );
    assert.strictEqual(
      contextValues.image(image({ DeregistrationProtection: 'disabled-until 2026-11-24T12:00:00.000Z' }), ME, NOW),
      'image+available+owned+private+protectionCooldown',
    );
    assert.strictEqual(
      contextValues.image(image({ DeregistrationProtection: 'disabled' }), ME, NOW),
      'image+available+owned+private',
    );
  });

  it('encodes whether an AMI of the caller uses a snapshot', () => {
    assert.strictEqual(contextValues.snapshot(true), 'snapshot+used');
    assert.strictEqual(contextValues.snapshot(false), 'snapshot+unused');
    assert.strictEqual(contextValues.snapshotsFolder, 'snapshotsFolder');
  });

  it('encodes state and root device of instances, and the filter of owner groups', () => {
    assert.strictEqual(contextValues.instance(instance('running', 'ebs')), 'instance+running+ebs');
    assert.strictEqual(contextValues.instance(instance('stopped', 'instance-store')), 'instance+stopped+instanceStore');
    assert.strictEqual(contextValues.ownerGroup('amazon', false), 'ownerGroup+amazon');
    assert.strictEqual(contextValues.ownerGroup('public', true), 'ownerGroup+public+filtered');
    assert.strictEqual(contextValues.rootType('instance-store'), 'rootType+instanceStore');
  });
});

describe('package.json menus against contextValues', () => {
  const states = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'];
  const all = states.flatMap((s) => [instance(s, 'ebs'), instance(s, 'instance-store')]);
  const matching = (command: string) =>
    all
      .map((i) => contextValues.instance(i))
      .filter((cv) => shows(command, cv))
      .sort();

  it('offers Create Image only on running or stopped EBS-backed instances', () => {
    assert.deepStrictEqual(matching('amiExplorer.createImage'), ['instance+running+ebs', 'instance+stopped+ebs']);
  });

  it('offers Start on stopped and Stop on running EBS-backed instances only', () => {
    assert.deepStrictEqual(matching('amiExplorer.startInstance'), ['instance+stopped+ebs']);
    assert.deepStrictEqual(matching('amiExplorer.stopInstance'), ['instance+running+ebs']);
  });

  it('offers Reboot on running and Terminate on any live instance of either root type', () => {
    assert.deepStrictEqual(matching('amiExplorer.rebootInstance'), [
      'instance+running+ebs',
      'instance+running+instanceStore',
    ]);
    assert.deepStrictEqual(
      matching('amiExplorer.terminateInstance'),
      ['pending', 'running', 'stopped', 'stopping']
        .flatMap((s) => [`instance+${s}+ebs`, `instance+${s}+instanceStore`])
        .sort(),
    );
  });

  it('offers Copy Instance ID and Reveal AMI on every instance, and Copy AMI ID on every image only', () => {
    assert.strictEqual(matching('amiExplorer.copyInstanceId').length, all.length);
    assert.strictEqual(matching('amiExplorer.revealImage').length, all.length);
    for (const cv of [
      'image+available+owned+private',
      'image+pending+notOwned+public+deprecated',
      'image+disabled+owned+public',
    ]) {
      assert.ok(shows('amiExplorer.copyImageId', cv), cv);
    }
    assert.ok(!shows('amiExplorer.copyImageId', 'instance+running+ebs'));
    assert.ok(!shows('amiExplorer.copyInstanceId', 'image+available+owned+private'));
  });

  it('offers the panels of images by state and ownership: deregister and permissions only on owned images', () => {
    const images = ['available', 'pending', 'failed', 'disabled'].flatMap((state) =>
      ['owned', 'notOwned'].flatMap((o) =>
        ['public', 'private'].flatMap((v) => [`image+${state}+${o}+${v}`, `image+${state}+${o}+${v}+deprecated`]),
      ),
    );
    const offered = (command: string) => images.filter((cv) => shows(command, cv));
    assert.ok(offered('amiExplorer.launchInstance').every((cv) => cv.startsWith('image+available+')));
    assert.strictEqual(offered('amiExplorer.launchInstance').length, 8);
    assert.deepStrictEqual(offered('amiExplorer.copyImage'), offered('amiExplorer.launchInstance'));
    assert.ok(offered('amiExplorer.deregisterImage').every((cv) => cv.includes('+owned+')));
    assert.strictEqual(offered('amiExplorer.deregisterImage').length, 16);
    assert.deepStrictEqual(
      offered('amiExplorer.editLaunchPermissions').sort(),
      images.filter((cv) => /^image\+(available|pending)\+owned\+/.test(cv)).sort(),
    );
    for (const command of [
      'amiExplorer.launchInstance',
      'amiExplorer.copyImage',
      'amiExplorer.deregisterImage',
      'amiExplorer.editLaunchPermissions',
    ]) {
      assert.strictEqual(matching(command).length, 0, `${command} on an instance`);
    }
  });

  describe('governance actions', () => {
    const owned = (over: Partial<Image>) => contextValues.image(image(over), ME, NOW);
    const notOwned = (over: Partial<Image>) =>
      contextValues.image(image({ OwnerId: '137112412989', ...over }), ME, NOW);
    const PAST = '2026-01-01T00:00:00.000Z';
    const FUTURE = '2027-06-01T00:00:00.000Z';
    const governance = [
      'amiExplorer.manageTags',
      'amiExplorer.deprecateImage',
      'amiExplorer.cancelImageDeprecation',
      'amiExplorer.disableImage',
      'amiExplorer.enableImage',
      'amiExplorer.protectImage',
      'amiExplorer.unprotectImage',
    ];

    it('offers none of them on images of other accounts', () => {
      for (const cv of [
        notOwned({}),
        notOwned({ State: 'disabled' }),
        notOwned({ DeprecationTime: PAST }),
        notOwned({ DeregistrationProtection: 'enabled-with-cooldown' }),
      ]) {
        for (const command of governance) {
          assert.ok(!shows(command, cv), `${command} on ${cv}`);
        }
      }
    });

    it('offers Disable only on available images and Re-enable only on disabled ones', () => {
      assert.ok(shows('amiExplorer.disableImage', owned({})));
      assert.ok(
        shows(
          'amiExplorer.disableImage',
          owned({ DeprecationTime: PAST, DeregistrationProtection: 'enabled-with-cooldown' }),
        ),
      );
      assert.ok(!shows('amiExplorer.disableImage', owned({ State: 'disabled' })));
      assert.ok(!shows('amiExplorer.disableImage', owned({ State: 'pending' })));
      assert.ok(shows('amiExplorer.enableImage', owned({ State: 'disabled', DeprecationTime: FUTURE })));
      assert.ok(!shows('amiExplorer.enableImage', owned({})));
    });

    it('offers Deprecate on images not yet deprecated, and Cancel Deprecation only on deprecated or scheduled ones', () => {
      assert.ok(shows('amiExplorer.deprecateImage', owned({})));
      assert.ok(shows('amiExplorer.deprecateImage', owned({ DeprecationTime: FUTURE })), 'rescheduling');
      assert.ok(!shows('amiExplorer.deprecateImage', owned({ DeprecationTime: PAST })));
      assert.ok(!shows('amiExplorer.deprecateImage', owned({ State: 'pending' })));
      assert.ok(!shows('amiExplorer.cancelImageDeprecation', owned({})));
      assert.ok(shows('amiExplorer.cancelImageDeprecation', owned({ DeprecationTime: PAST })));
      assert.ok(
        shows(
          'amiExplorer.cancelImageDeprecation',
          owned({ DeprecationTime: FUTURE, DeregistrationProtection: 'enabled-without-cooldown' }),
        ),
      );
    });

    it('offers Turn On Protection when off (or only cooling down), Turn Off only when on, and Deregister only when unprotected', () => {
      const on = owned({ DeregistrationProtection: 'enabled-with-cooldown' });
      const cooling = owned({ DeregistrationProtection: 'disabled-until 2026-11-24T12:00:00.000Z' });
      assert.ok(shows('amiExplorer.protectImage', owned({})));
      assert.ok(shows('amiExplorer.protectImage', cooling));
      assert.ok(!shows('amiExplorer.protectImage', on));
      assert.ok(shows('amiExplorer.unprotectImage', on));
      assert.ok(
        shows(
          'amiExplorer.unprotectImage',
          owned({ DeregistrationProtection: 'enabled-without-cooldown', DeprecationTime: PAST }),
        ),
      );
      assert.ok(!shows('amiExplorer.unprotectImage', cooling));
      assert.ok(!shows('amiExplorer.unprotectImage', owned({})));
      assert.ok(shows('amiExplorer.deregisterImage', owned({ DeprecationTime: FUTURE })));
      assert.ok(!shows('amiExplorer.deregisterImage', on));
      assert.ok(!shows('amiExplorer.deregisterImage', cooling));
    });

    it('keeps offering the image panels and Copy AMI ID on deprecated-scheduled and protected images', () => {
      const cv = owned({ DeprecationTime: FUTURE, DeregistrationProtection: 'enabled-with-cooldown' });
      for (const command of [
        'amiExplorer.copyImageId',
        'amiExplorer.launchInstance',
        'amiExplorer.copyImage',
        'amiExplorer.editLaunchPermissions',
      ]) {
        assert.ok(shows(command, cv), command);
      }
      assert.ok(menuRegexes('amiExplorer.manageTags').some((r) => r.test(cv)));
    });

    it('offers Delete Snapshot only on unused snapshots, Manage Tags on any snapshot, Block Public Access on regions', () => {
      assert.ok(shows('amiExplorer.deleteSnapshot', contextValues.snapshot(false)));
      assert.ok(!shows('amiExplorer.deleteSnapshot', contextValues.snapshot(true)));
      assert.ok(!shows('amiExplorer.deleteSnapshot', owned({})));
      assert.ok(menuRegexes('amiExplorer.manageTags').some((r) => r.test(contextValues.snapshot(true))));
      assert.ok(menuRegexes('amiExplorer.manageTags').some((r) => r.test(contextValues.snapshot(false))));
      assert.ok(shows('amiExplorer.setImageBlockPublicAccess', contextValues.region));
      assert.ok(!shows('amiExplorer.setImageBlockPublicAccess', contextValues.snapshotsFolder));
      assert.ok(shows('amiExplorer.refresh', contextValues.snapshotsFolder));
    });
  });

  it('offers Filter on every owner group and Clear Filter only on filtered ones', () => {
    assert.ok(shows('amiExplorer.filterImages', contextValues.ownerGroup('amazon', false)));
    assert.ok(shows('amiExplorer.filterImages', contextValues.ownerGroup('amazon', true)));
    assert.ok(!shows('amiExplorer.clearFilter', contextValues.ownerGroup('amazon', false)));
    assert.ok(shows('amiExplorer.clearFilter', contextValues.ownerGroup('self', true)));
    assert.ok(!shows('amiExplorer.filterImages', contextValues.rootType('ebs')));
  });

  it('offers Refresh on regions, folders and groups but not on rows of resources', () => {
    for (const cv of [
      contextValues.region,
      contextValues.imagesFolder,
      contextValues.instancesFolder,
      contextValues.ownerGroup('shared', true),
      contextValues.rootType('ebs'),
    ]) {
      assert.ok(shows('amiExplorer.refresh', cv), cv);
    }
    for (const cv of [
      'image+available+owned+private',
      'instance+running+ebs',
      contextValues.loadMore,
      contextValues.error,
    ]) {
      assert.ok(!shows('amiExplorer.refresh', cv), cv);
    }
  });
});
